import Foundation
import Testing
@testable import ReportLint

/// The zip writer behind `--annotate`: what it writes, our reader and python3's zipfile read back whole.
@Suite("zip writer")
struct ZipWriterTests {
    static let entries: [(String, [UInt8])] = [
        ("word/document.xml", Array(String(repeating: "<w:p><w:r><w:t>政府信息公开</w:t></w:r></w:p>", count: 500).utf8)),
        ("空的.txt", []),
        ("bytes.bin", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }),
    ]

    @Test func writtenEntriesReadBackExactly() throws {
        var writer = ZipWriter()
        for (name, data) in Self.entries { try writer.add(name: name, contents: data, time: 0, date: 0x21) }
        let bytes = try writer.finish()
        let zip = try ZipArchive(bytes, limits: .default)
        #expect(zip.entries.map(\.name) == Self.entries.map(\.0))
        var budget = Int.max
        for (name, data) in Self.entries {
            #expect(try zip.contents(of: try #require(zip.entry(named: name)), budget: &budget) == data)
        }
        // Deflated for real: the repetitive part shrinks.
        #expect(try #require(zip.entry(named: "word/document.xml")).compressedSize < Self.entries[0].1.count / 10)
        // Copying an entry keeps its stored bytes, CRC and date.
        var copier = ZipWriter()
        for entry in zip.entries { try copier.copy(entry, from: zip) }
        #expect(try copier.finish() == bytes)

        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile) else { return }
        let dir = try TestSupport.folder("zipwriter")
        let file = dir.appendingPathComponent("w.zip")
        try Data(bytes).write(to: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.exit(z.testzip() is not None or z.namelist() != ['word/document.xml', '空的.txt', 'bytes.bin'])", file.path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }
}
