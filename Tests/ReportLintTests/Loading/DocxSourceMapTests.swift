import Foundation
import Testing
@testable import ReportLint

/// The .docx source map: each character of the text view that comes from the file maps to its bytes in
/// word/document.xml; what the loader generates (list numbers, joins, cell tabs) maps to nothing, and a span
/// that starts or ends there is said to be unmapped, never guessed.
@Suite("docx source map")
struct DocxSourceMapTests {
    static let fixtures = ["annotate-draft.docx", "merged-cells.docx", "tracked-changes-fields.docx", "numbering-headings.docx"]
        .map(TestFiles.fixture)

    /// The draft loaded with its source map, and word/document.xml as the loader read it.
    static func load(_ path: String) throws -> (Document, [UInt8]) {
        let bytes = try TestFiles.bytes(path)
        let document = try DocxLoader(recordingSources: true).load(bytes, path: path, limits: .default)
        let zip = try ZipArchive(bytes, limits: .default)
        var budget = Int.max
        let xml = DocxXML(part: "word/document.xml", bytes: try zip.contents(of: try #require(zip.entry(named: "word/document.xml")), budget: &budget), maxDepth: 256)
        return (document, xml.bytes)
    }

    /// The text a mapped span holds in the file: the decoded characters of the segments between its ends.
    static func decoded(_ segment: DocxSourceSegment, _ xml: [UInt8]) -> String {
        switch segment.kind {
        case .element: return "\u{FFFC}"
        case .text(let cdata):
            let raw = xml[segment.bytes]
            let text = cdata ? String(decoding: raw, as: UTF8.self) : Entities.decode(raw, html: false)
            return String(String.UnicodeScalarView(Array(text.unicodeScalars)[segment.skip..<(segment.skip + segment.length)]))
        }
    }

    static var corpus: [String] {
        let real = TestFiles.shared("corpus/real")
        let generated = TestFiles.shared("corpus/generated/single")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: generated))?.filter { $0.hasSuffix(".docx") }.sorted().prefix(8) ?? []
        return names.map { "\(generated)/\($0)" } + ["\(real)/official-template-2021-blank.docx"].filter(TestFiles.exists)
    }

    /// Every segment of every line holds exactly the characters of the line it claims, in the fixtures and
    /// in the corpus's Word files (tables with merged cells, breaks, fields, tracked changes, numbering).
    @Test(arguments: fixtures + corpus)
    func everySegmentHoldsTheCharactersOfItsLine(_ path: String) throws {
        let (document, xml) = try Self.load(path)
        var mapped = 0
        for line in document.lines {
            let scalars = Array(line.text.unicodeScalars)
            var previousEnd = 0
            for s in line.docxSource?.segments ?? [] {
                #expect(s.column >= previousEnd && s.column + s.length <= scalars.count, "\(path): segment outside its line: \(line.text)")
                guard s.column >= previousEnd, s.column + s.length <= scalars.count else { continue }
                previousEnd = s.column + s.length
                let expected = String(String.UnicodeScalarView(scalars[s.column..<(s.column + s.length)]))
                let found = Self.decoded(s, xml)
                #expect(found == expected || (found == "\u{FFFC}" && ["\t", "-"].contains(expected)), "\(path): “\(found)” ≠ “\(expected)” in \(line.text)")
                mapped += s.length
            }
        }
        #expect(mapped > 0)
    }

    /// A plain load records no segments (it pays for no source map); a recorded one maps nearly all text.
    @Test func plainLoadsRecordNoSegments() throws {
        let path = TestFiles.fixture("annotate-draft.docx")
        let plain = try DocumentLoader().load(path: path)
        #expect(plain.lines.allSatisfy { $0.docxSource?.segments.isEmpty ?? true })
        let (recorded, _) = try Self.load(path)
        #expect(plain.lines.map(\.text) == recorded.lines.map(\.text))
    }

    func span(_ document: Document, _ xml: [UInt8], line text: String, _ word: String, occurrence: Int = 0) throws -> DocxSpanMapping {
        let index = try #require(document.lines.firstIndex { $0.text.contains(text) }, "no line with \(text)")
        let scalars = Array(document.lines[index].text.unicodeScalars), needle = Array(word.unicodeScalars)
        let starts = (0...(scalars.count - needle.count)).filter { Array(scalars[$0..<($0 + needle.count)]) == needle }
        let column = try #require(starts.dropFirst(occurrence).first) + 1
        return document.docxSpan(line: index + 1, column: column, endLine: index + 1, endColumn: column + needle.count, documentXML: xml)
    }

    func text(_ mapping: DocxSpanMapping, _ xml: [UInt8]) -> String? {
        guard case .mapped(let start, let end) = mapping else { return nil }
        return String(decoding: xml[start..<end], as: UTF8.self)
    }

    /// List numbers come from numbering.xml: a span starting on one is unmapped; the words after it map.
    @Test func listNumbersMapToNothing() throws {
        let (document, xml) = try Self.load(TestFiles.fixture("numbering-headings.docx"))
        #expect(try span(document, xml, line: "一、总体情况", "一、") == .unmapped(.generated))
        #expect(try span(document, xml, line: "一、总体情况", "、总体") == .unmapped(.generated))
        #expect(text(try span(document, xml, line: "一、总体情况", "总体情况"), xml) == "总体情况")
        #expect(document.docxSpan(line: 999, column: 1, endLine: 999, endColumn: 2, documentXML: xml) == .unmapped(.outOfRange))
    }

    /// Tracked insertions are text and map into the w:ins; deleted text is not in the view; a field's
    /// result maps, its code does not; a span across runs covers exactly the runs' text.
    @Test func trackedChangesFieldsAndRuns() throws {
        let (document, xml) = try Self.load(TestFiles.fixture("tracked-changes-fields.docx"))
        let inserted = try #require(text(try span(document, xml, line: "本年度共收到申请", "17"), xml))
        #expect(inserted == "17")
        let across = try #require(text(try span(document, xml, line: "本年度共收到申请", "申请17件"), xml))
        // From 申请 to 件: the insertion and the deletion between them are in the range, the deleted 16 is not text.
        #expect(across.hasPrefix("申请</w:t>") && across.contains("<w:ins") && across.contains("<w:delText>16</w:delText>") && across.hasSuffix("件"))
        #expect(text(try span(document, xml, line: "第3页", "3"), xml) == "3")
        #expect(text(try span(document, xml, line: "编制日期", "2024年3月1日"), xml) == "2024年3月1日")
        // A manual line break joins 结果 and 纠正 with nothing; the span over the join covers the break.
        let join = try #require(text(try span(document, xml, line: "结果纠正", "果纠"), xml))
        #expect(join.hasPrefix("果") && join.contains("<w:br/>") && join.hasSuffix("纠"))
        // The space that joins Latin pieces across a break is generated.
        #expect(try span(document, xml, line: "Line one", " line") == .unmapped(.generated))
    }

    /// Table rows: each cell maps into its own w:tc; the tab between cells and merged cells' blanks do not.
    @Test func tableCellsMapIntoTheirCells() throws {
        let (document, xml) = try Self.load(TestFiles.fixture("merged-cells.docx"))
        #expect(text(try span(document, xml, line: "本年新收", "一、本年新收政府信息公开申请数量"), xml) == "一、本年新收政府信息公开申请数量")
        #expect(try span(document, xml, line: "本年新收", "数量\t") == .unmapped(.generated))
        // Two paragraphs of one cell (结果⏎纠正) join with nothing; the span over them runs across the paragraphs.
        let cell = try #require(text(try span(document, xml, line: "结果纠正", "结果纠正"), xml))
        #expect(cell.hasPrefix("结果") && cell.contains("</w:p>") && cell.hasSuffix("纠正"))
    }

    /// Word comments are read on every load with the lines they are anchored on.
    @Test func wordCommentsAndTheirLines() throws {
        let document = try DocumentLoader().load(path: TestFiles.fixture("annotate-draft.docx"))
        let byID = Dictionary(uniqueKeysWithValues: document.wordComments.map { ($0.id, $0) })
        #expect(byID["2"]?.text == "请核对专栏名称" && byID["2"]?.author == "审核人")
        let line = try #require(byID["1"]?.lines)
        #expect(document.lines[line.lowerBound].text.hasPrefix("（三）政府信息管理") && line.count == 1)
    }
}
