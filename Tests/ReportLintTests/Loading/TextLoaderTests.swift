import Foundation
import Testing
@testable import ReportLint

@Suite("Text loading")
struct TextLoaderTests {
    let sample = "某镇2023年政府信息公开工作年度报告\n\n一、总体情况\n共主动公开政府信息12条。\n"

    func load(_ bytes: [UInt8], _ path: String = "draft.txt") throws(LoadError) -> Document {
        try DocumentLoader().load(bytes: bytes, path: path, format: InputFormat(path: path) ?? .text)
    }

    /// The word-at-a-time scans for control characters and NULs answer as a byte-by-byte scan would.
    @Test func wordScansMatchByteScans() {
        var rng = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0x9F, 0xA0, 0xE4, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng) }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            #expect(TextDecoding.hasControlByte(word) == bytes.contains { $0 < 0x20 }, "\(bytes)")
            // The lowest flag stands at the first control byte (the scan skips to it).
            let flags = TextDecoding.controlFlags(word)
            #expect((flags == 0 ? nil : flags.trailingZeroBitCount / 8) == bytes.firstIndex { $0 < 0x20 }, "\(bytes)")
            #expect(TextDecoding.hasZeroByte(word) == bytes.contains(0), "\(bytes)")
        }
    }

    /// The one-pass UTF-8 line decoder judges validity as `String(validating:)` does and splits as `splitLines`.
    @Test func utf8LinesMatchValidatingAndSplitting() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x41], [0x0A], [0x0D], [0x0D, 0x0A], Array("某".utf8), Array("é".utf8), Array("😀".utf8),
                                 [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5],
                                 [0x80], [0xE4, 0xB8], [0xC2], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80]]
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0...8, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            let expected = String(validating: bytes, as: UTF8.self).map { TextDecoding.splitLines($0).map(\.scalars) }
            let got = bytes.withUnsafeBufferPointer { TextDecoding.utf8Lines($0) }
            #expect(got == expected, "\(bytes)")
        }
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try load(Array(sample.utf8))
        let bom = try load([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(plain.lines.map(\.text) == bom.lines.map(\.text))
        #expect(bom.lines[0].text.hasPrefix("某镇"), "the BOM is not part of line 1")
        #expect(plain.metadata.encoding == "UTF-8")
    }

    @Test func utf16BothEndiannesses() throws {
        let units = Array(sample.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { u -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { u -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try load(le).lines.map(\.text) == sample.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
        #expect(try load(be).lines[2].text == "一、总体情况")
    }

    @Test func gb18030() throws {
        let gbk = try #require(encodeGB18030(sample))
        let doc = try load(gbk)
        #expect(doc.metadata.encoding == "GB18030")
        #expect(doc.lines[3].text == "共主动公开政府信息12条。")
    }

    /// GB18030 text is split into lines as the same text in UTF-8 is: CRLF alike, no empty line after the last.
    @Test func gb18030LinesAsInUTF8() throws {
        let text = sample.replacingOccurrences(of: "\n", with: "\r\n") + "（一）主动公开"
        let doc = try load(try #require(encodeGB18030(text)))
        #expect(doc.metadata.encoding == "GB18030")
        #expect(doc.lines.map(\.text) == (try load(Array(text.utf8))).lines.map(\.text))
        #expect(doc.lines.last?.text == "（一）主动公开")
    }

    @Test func lineEndsCRLFAndCR() throws {
        let crlf = try load(Array(sample.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let cr = try load(Array(sample.replacingOccurrences(of: "\n", with: "\r").utf8))
        let lf = try load(Array(sample.utf8))
        #expect(crlf.lines.map(\.text) == lf.lines.map(\.text))
        #expect(cr.lines.map(\.text) == lf.lines.map(\.text))
        #expect(lf.lines.count == 4)
    }

    @Test func badInputIsAClearError() {
        #expect(throws: LoadError.empty) { try load([]) }
        #expect(throws: LoadError.binary) { try load([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 64)) }
        #expect(throws: LoadError.noText("only white space")) { try load(Array("  \n\n \t\n".utf8)) }
        // Bytes that are neither UTF-8 nor GB18030.
        #expect(throws: LoadError.self) { try load([0x81, 0x30, 0xFF, 0xFF, 0x81, 0x7F, 0xFE, 0xFF]) }
    }

    @Test func missingAndOversizeFiles() throws {
        #expect(throws: LoadError.notFound) { try DocumentLoader().load(path: "/nonexistent/draft.txt") }
        let dir = TestSupport.scratch.appendingPathComponent("xxgk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.txt")
        try Data(repeating: 0x41, count: 2048).write(to: big)
        var limits = LoadLimits()
        limits.maxFileBytes = 1024
        #expect(throws: LoadError.tooLarge(bytes: 2048, limit: 1024)) { try DocumentLoader(limits: limits).load(path: big.path) }
        for name in ["old.doc", "t.xls", "报告"] { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        #expect(throws: LoadError.legacyWord) { try DocumentLoader().load(path: dir.appendingPathComponent("old.doc").path) }
        #expect(throws: LoadError.unsupportedFormat(".xls")) { try DocumentLoader().load(path: dir.appendingPathComponent("t.xls").path) }
        #expect(throws: LoadError.unsupportedFormat("")) { try DocumentLoader().load(path: dir.appendingPathComponent("报告").path) }
        #expect(LoadError.unsupportedFormat("").message(.zh).contains("没有扩展名"))
        #expect(LoadError.unsupportedFormat("").message(.en).contains("no extension"))
        // A mistyped name is not there, whatever it looks like: not "unsupported file type 'reprots'".
        for name in ["reprots", "old2.doc", "t2.xls"] {
            #expect(throws: LoadError.notFound) { try DocumentLoader().load(path: dir.appendingPathComponent(name).path) }
        }
    }

    @Test func messagesInBothLanguages() {
        for e in [LoadError.binary, .empty, .undecodable, .legacyWord, .toolMissing(tool: "pdftotext", package: "poppler-utils")] {
            #expect(e.message(.zh).unicodeScalars.contains { $0.isHan })
            #expect(!e.message(.en).unicodeScalars.contains { $0.isHan })
        }
        #expect(LoadError.toolMissing(tool: "pdftotext", package: "poppler-utils").message(.en).contains("poppler-utils"))
    }

    private func encodeGB18030(_ s: String) -> [UInt8]? {
        // Round trip through iconv: UTF-8 → GB18030.
        let cd = iconv_open("GB18030", "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = Array(s.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let capacity = output.count
        var produced = -1
        input.withUnsafeMutableBytes { i in
            output.withUnsafeMutableBytes { o in
                var ip = i.baseAddress?.assumingMemoryBound(to: CChar.self), il = i.count
                var op = o.baseAddress?.assumingMemoryBound(to: CChar.self), ol = o.count
                if iconv(cd, &ip, &il, &op, &ol) != -1 { produced = capacity - ol }
            }
        }
        return produced < 0 ? nil : Array(output[0..<produced])
    }
}
