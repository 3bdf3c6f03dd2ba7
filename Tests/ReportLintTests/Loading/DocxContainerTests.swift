import Foundation
import Testing
@testable import ReportLint

/// Bad .docx input: every case ends in one LoadError a user can act on, never a crash or a hang.
@Suite("docx container")
struct DocxContainerTests {
    @Test func arbitraryBytesAreACorruptFile() {
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }
        guard case .corruptContainer = loadError(bytes, as: .docx) else {
            Issue.record("arbitrary bytes should be a corrupt container, got \(String(describing: loadError(bytes, as: .docx)))")
            return
        }
    }

    @Test(.enabled(if: TestFiles.exists(TestFiles.shared("corpus/generated/single/d001.docx")), "shared corpus absent"))
    func everyTruncationOfARealDocxIsRefusedCleanly() throws {
        let bytes = try TestFiles.bytes(TestFiles.shared("corpus/generated/single/d001.docx"))
        let half = Array(bytes.prefix(bytes.count / 2))
        guard case .corruptContainer = loadError(half, as: .docx) else {
            Issue.record("the first half of a docx should be a corrupt container")
            return
        }
        // Cutting anywhere, or flipping bytes in the middle, must never trap.
        for cut in stride(from: 0, to: bytes.count, by: 997) {
            _ = load(Array(bytes.prefix(cut)), as: .docx)
        }
        for position in stride(from: 0, to: bytes.count, by: 1499) {
            var damaged = bytes
            damaged[position] ^= 0x5A
            _ = load(damaged, as: .docx)
        }
    }

    @Test func zipWithoutDocumentPartNamesTheMissingPart() {
        var zip = ZipBuilder()
        zip.add("word/styles.xml", "<w:styles/>")
        #expect(loadError(zip.build(), as: .docx) == .missingPart("word/document.xml"))
        #expect(LoadError.missingPart("word/document.xml").message(.zh) == "文档缺少必要部分 word/document.xml")
    }

    @Test func oleHeaderIsALegacyWordDocument() {
        let bytes = DocxLoader.oleSignature + [UInt8](repeating: 0, count: 1024)
        #expect(loadError(bytes, as: .docx) == .legacyWord)
    }

    /// A 100 MB entry of zeros that says so in the directory: refused from the declared size alone.
    @Test func declaredZipBombIsRefusedQuickly() {
        var zip = ZipBuilder()
        zip.addRaw("word/document.xml", compressed: ZipBuilder.deflateZeros(count: 100 << 20), declaredSize: 100 << 20)
        let bytes = zip.build()
        let clock = ContinuousClock()
        var error: LoadError?
        let elapsed = clock.measure { error = loadError(bytes, as: .docx) }
        guard case .zipBomb = error else { Issue.record("expected zipBomb, got \(String(describing: error))"); return }
        #expect(elapsed < .seconds(1))
    }

    /// The same bomb lying about its size (declares 2 KB): caught by the output cap while inflating,
    /// after at most ~100× its compressed size — never 100 MB.
    @Test func lyingZipBombIsStoppedByTheOutputCap() {
        var zip = ZipBuilder()
        zip.addRaw("word/document.xml", compressed: ZipBuilder.deflateZeros(count: 100 << 20), declaredSize: 2048)
        let bytes = zip.build()
        let clock = ContinuousClock()
        var error: LoadError?
        let elapsed = clock.measure { error = loadError(bytes, as: .docx) }
        guard case .zipBomb(let why) = error else { Issue.record("expected zipBomb, got \(String(describing: error))"); return }
        #expect(why.contains("100:1"))
        #expect(elapsed < .seconds(1))
    }

    @Test func totalInflatedSizeIsBounded() {
        var zip = ZipBuilder()
        zip.add("word/document.xml", String(repeating: "<w:p/>", count: 4000))
        let limits = LoadLimits(maxInflatedBytes: 10_000)
        guard case .zipBomb = loadError(zip.build(), as: .docx, limits: limits) else {
            Issue.record("an entry above the total limit should be refused")
            return
        }
    }

    @Test func tooManyEntriesAreRefused() {
        var zip = ZipBuilder()
        for i in 0..<20 { zip.add("junk/\(i).xml", "x") }
        guard case .zipBomb(let why) = loadError(zip.build(), as: .docx, limits: LoadLimits(maxZipEntries: 10)) else {
            Issue.record("20 entries with a limit of 10 should be refused")
            return
        }
        #expect(why.contains("20"))
    }

    @Test func storedEntriesAndArchiveCommentsAreRead() throws {
        var zip = ZipBuilder()
        zip.add("word/document.xml", "<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>",
                deflate: false)
        let document = try load(zip.build(comment: "written by a tool that adds a comment"), as: .docx).get()
        #expect(document.lines.map(\.text) == ["正文"])
    }

    /// The declared size only sizes the first step of inflating: a part that declares too little (a stream
    /// longer than 64 KiB, so it grows in several steps) or too much still reads whole.
    @Test(arguments: [0, 1_000, 70_000, 200_000, 1_000_000])
    func entriesWithAWrongDeclaredSizeAreReadWhole(declaredSize: Int) throws {
        // Varied text, so that the part deflates to well under the 100:1 ratio limit.
        let paragraphs = (0..<2_000).map { "<w:p><w:r><w:t>第\($0)条 政府信息公开 \($0 &* 7_919 % 10_007)</w:t></w:r></w:p>" }
        var zip = ZipBuilder()
        zip.add("word/document.xml", "<w:document xmlns:w=\"x\"><w:body>\(paragraphs.joined())</w:body></w:document>")
        #expect(zip.entries[0].declaredSize > 64 * 1024)
        zip.entries[0].declaredSize = declaredSize
        let document = try load(zip.build(), as: .docx).get()
        #expect(document.lines.count == 2_000)
        #expect(document.lines.last?.text == "第1999条 政府信息公开 \(1_999 &* 7_919 % 10_007)")
    }

    @Test func damagedEntryDataIsCaughtByItsChecksum() {
        var bytes = makeDocx(body: "<w:p><w:r><w:t>\(String(repeating: "政府信息公开", count: 50))</w:t></w:r></w:p>")
        // Flip a byte inside the compressed data, which follows the entry's name in its local header.
        let name = Array("word/document.xml".utf8)
        guard let at = (0...(bytes.count - name.count)).first(where: { Array(bytes[$0..<($0 + name.count)]) == name }) else {
            Issue.record("no document entry")
            return
        }
        bytes[at + name.count + 10] ^= 0xFF
        let error = loadError(bytes, as: .docx)
        guard case .corruptContainer = error else { Issue.record("expected corruptContainer, got \(String(describing: error))"); return }
    }

    @Test func doctypeInDocumentXMLIsRefused() {
        var zip = ZipBuilder()
        zip.add("word/document.xml", """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>
            """)
        guard case .malformedMarkup = loadError(zip.build(), as: .docx) else {
            Issue.record("a DOCTYPE must be refused")
            return
        }
    }

    @Test func nestingBeyondTheLimitIsRefused() {
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 200) + String(repeating: "</w:sdtContent></w:sdt>", count: 200)
        guard case .malformedMarkup = loadError(makeDocx(body: deep), as: .docx) else {
            Issue.record("nesting of 400 levels must be refused with the default limit of 256")
            return
        }
    }

    @Test func documentWithoutTextSaysSo() {
        #expect(loadError(makeDocx(body: "<w:p/><w:p/>"), as: .docx) == .noText("the document contains no text"))
    }
}
