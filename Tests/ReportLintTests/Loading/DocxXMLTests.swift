import Testing
@testable import ReportLint

@Suite("docx XML events: element names and nesting limit")
struct DocxXMLTests {
    /// The elements reported by a part read without unknown elements.
    private static func started(_ xml: String, maxDepth: Int = 64) throws(LoadError) -> [DocxXML.Element] {
        var events = DocxXML(part: "word/document.xml", bytes: Array(xml.utf8), maxDepth: maxDepth).events(unknownElements: false)
        var elements: [DocxXML.Element] = []
        while let event = try events.next() { if case .start(let element?) = event { elements.append(element) } }
        return elements
    }

    @Test func everyKnownNameIsRecognisedAndNearNamesAreNot() throws {
        let known = DocxXML.Element.allCases
        let xml = "<w:document>" + known.map { "<\($0.rawValue)/>" }.joined() + "</w:document>"
        #expect(try Self.started(xml) == known)
        // Names sharing length and first and last letters with known ones, and unknown Word elements.
        let others = ["w:q", "w:x", "w:tt", "w:tcc", "w:trPx", "w:rFonts", "w:jc", "w:sz", "w:tblPr", "w:bookmarkStart", "w:commentRangeStarts", "W:p", "x:p"]
        #expect(try Self.started("<w:document>" + others.map { "<\($0)/>" }.joined() + "</w:document>").isEmpty)
    }

    @Test func nestingLimitCountsUnreportedSelfClosingElements() throws {
        // Three levels are allowed: the root, one unknown element and a self-closing unknown one inside it.
        #expect(try Self.started("<w:document><a><c/></a></w:document>", maxDepth: 3).isEmpty)
        // A fourth level is refused even when it is a self-closing element no reader looks at.
        #expect(throws: LoadError.self) { try Self.started("<w:document><a><b><c/></b></a></w:document>", maxDepth: 3) }
        #expect(throws: LoadError.self) { try Self.started("<w:document><a><b><w:p/></b></a></w:document>", maxDepth: 3) }
    }
}
