import Foundation
import Testing
@testable import ReportLint

/// styles.xml is read one style at a time, when a paragraph names it; the answers must be those of reading the
/// whole part — on every .docx at hand (Word's, WPS's, LibreOffice's, the shared corpus's).
@Suite("Word styles read on demand")
struct DocxStylesTests {
    static var drafts: [URL] {
        let fixtures = TestSupport.root.appendingPathComponent("Tests/Fixtures")
        let shared = TestSupport.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/generated/single")
        return [fixtures, shared].flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".docx") }.sorted()
                .map { dir.appendingPathComponent($0) }
        }
    }

    static func stylesPart(_ url: URL) throws -> DocxXML? {
        let zip = try ZipArchive(Array(try Data(contentsOf: url)), limits: .default)
        guard let entry = zip.entry(named: "word/styles.xml") else { return nil }
        var budget = LoadLimits.default.maxInflatedBytes
        return DocxXML(part: "word/styles.xml", bytes: try zip.contents(of: entry, budget: &budget), maxDepth: 64)
    }

    @Test func onDemandAnswersAsTheWholePart() throws {
        var compared = 0
        for url in Self.drafts {
            guard let xml = try Self.stylesPart(url) else { continue }
            let all = try DocxStyles.parse(xml)
            let lazy = try DocxStyles(xml), whole = try DocxStyles(xml, whole: true)
            #expect(DocxStyles.locate(xml.bytes) != nil, "\(url.lastPathComponent): Word's layout found")
            for id in all.keys.sorted() + ["no-such-style", "Heading1", "2"] {
                #expect(lazy.headingLevel(styleID: id) == whole.headingLevel(styleID: id), "\(url.lastPathComponent) \(id)")
                #expect(lazy.numbering(styleID: id)?.numID == whole.numbering(styleID: id)?.numID, "\(url.lastPathComponent) \(id)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    @Test func oddPartsAreReadWhole() throws {
        let odd = #"<?xml version="1.0"?><!-- a comment --><w:styles xmlns:w="x"><w:style w:styleId="1"><w:name w:val="heading 1"/></w:style></w:styles>"#
        #expect(DocxStyles.locate(Array(odd.utf8)) == nil, "a comment sends the part to the whole reading")
        let styles = try DocxStyles(DocxXML(part: "word/styles.xml", bytes: Array(odd.utf8), maxDepth: 64))
        #expect(styles.headingLevel(styleID: "1") == 1)
    }
}
