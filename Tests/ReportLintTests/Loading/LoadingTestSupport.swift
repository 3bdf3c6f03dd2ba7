import CZlib
import Foundation
@testable import ReportLint

/// Where test inputs live, found from this source file so that no resource declaration is needed.
enum TestFiles {
    /// The repository root (this file is Tests/ReportLintTests/Loading/LoadingTestSupport.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture committed under Tests/Fixtures/.
    static func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/\(name)").path }

    /// A file of the shared corpus beside the repository (../shared), which tests skip when it is absent.
    static func shared(_ relative: String) -> String {
        root.deletingLastPathComponent().appendingPathComponent("shared/\(relative)").path
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
}

extension Document {
    /// The lines that carry text, as the outline and table readers see them.
    var nonEmptyTexts: [String] { lines.map(\.text).filter { !$0.isEmpty } }

    /// The paragraph and heading lines that start a top-level section (一、…六、).
    var sectionLines: [String] {
        lines.filter { $0.kind != .tableRow && $0.text.range(of: "^[一二三四五六]、", options: .regularExpression) != nil }.map(\.text)
    }

    /// The rows of the table with this id.
    func table(_ id: Int) -> [DocumentLine] { lines.filter { $0.tableID == id } }
}

/// Loads bytes the way the command line does, returning the error instead of throwing.
func load(_ bytes: [UInt8], as format: InputFormat, limits: LoadLimits = .default) -> Result<Document, LoadError> {
    do throws(LoadError) {
        return .success(try DocumentLoader(limits: limits).load(bytes: bytes, path: "input.\(format.rawValue)", format: format))
    } catch {
        return .failure(error)
    }
}

func loadError(_ bytes: [UInt8], as format: InputFormat, limits: LoadLimits = .default) -> LoadError? {
    if case .failure(let error) = load(bytes, as: format, limits: limits) { return error }
    return nil
}

/// Builds zip files in memory, including broken and hostile ones.
struct ZipBuilder {
    struct Entry {
        var name: String
        var stored: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var declaredSize: Int
    }

    var entries: [Entry] = []

    mutating func add(_ name: String, _ text: String, deflate: Bool = true) {
        add(name, bytes: Array(text.utf8), deflate: deflate)
    }

    mutating func add(_ name: String, bytes: [UInt8], deflate: Bool = true) {
        let data = deflate ? Self.deflate(bytes) : bytes
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        entries.append(Entry(name: name, stored: data, method: deflate ? 8 : 0, crc: crc,
                             compressedSize: data.count, declaredSize: bytes.count))
    }

    /// An entry whose compressed data is given, with whatever size it claims to inflate to.
    mutating func addRaw(_ name: String, compressed: [UInt8], declaredSize: Int) {
        entries.append(Entry(name: name, stored: compressed, method: 8, crc: 0,
                             compressedSize: compressed.count, declaredSize: declaredSize))
    }

    func build(comment: String = "") -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let offset = out.count
            let name = Array(entry.name.utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(entry.method) + le16(0) + le16(0x21)
            out += le32(entry.crc) + le32(entry.compressedSize) + le32(entry.declaredSize) + le16(name.count) + le16(0)
            out += name + entry.stored
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(entry.method) + le16(0) + le16(0x21)
            directory += le32(entry.crc) + le32(entry.compressedSize) + le32(entry.declaredSize)
            directory += le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let directoryOffset = out.count
        out += directory
        let commentBytes = Array(comment.utf8)
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
        out += le32(directory.count) + le32(directoryOffset) + le16(commentBytes.count) + commentBytes
        return out
    }

    /// Raw DEFLATE of `bytes`.
    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        deflateStream(chunks: 1) { _ in bytes }
    }

    /// Raw DEFLATE of `count` zero bytes, fed in 1 MiB chunks so the test never holds them all.
    static func deflateZeros(count: Int) -> [UInt8] {
        let chunk = [UInt8](repeating: 0, count: 1 << 20)
        return deflateStream(chunks: count / chunk.count) { _ in chunk }
    }

    private static func deflateStream(chunks: Int, _ next: (Int) -> [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for i in 0..<chunks {
            var input = next(i)
            let flush = i == chunks - 1 ? Z_FINISH : Z_NO_FLUSH
            input.withUnsafeMutableBufferPointer { inPtr in
                stream.next_in = inPtr.baseAddress
                stream.avail_in = uInt(inPtr.count)
                repeat {
                    let produced = buffer.withUnsafeMutableBufferPointer { outPtr -> Int in
                        stream.next_out = outPtr.baseAddress
                        stream.avail_out = uInt(outPtr.count)
                        _ = CZlib.deflate(&stream, flush)
                        return outPtr.count - Int(stream.avail_out)
                    }
                    out += buffer[0..<produced]
                } while stream.avail_out == 0 || (flush == Z_FINISH && stream.avail_in > 0)
            }
        }
        return out
    }

    private func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    private func le16(_ v: UInt16) -> [UInt8] { le16(Int(v)) }
    private func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8((v >> ($0 * 8)) & 0xFF) } }
    private func le32(_ v: UInt32) -> [UInt8] { le32(Int(v)) }
}

/// A minimal .docx: the given body XML in word/document.xml, optional extra parts.
func makeDocx(body: String, parts: [String: String] = [:]) -> [UInt8] {
    var zip = ZipBuilder()
    zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
    zip.add("word/document.xml", """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """)
    for (name, xml) in parts.sorted(by: { $0.key < $1.key }) { zip.add(name, xml) }
    return zip.build()
}
