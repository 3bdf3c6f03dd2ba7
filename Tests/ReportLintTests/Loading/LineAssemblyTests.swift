import Testing
@testable import ReportLint

/// The fast paths in `LineAssembly` must answer exactly as the Unicode properties they stand in for.
@Suite("line assembly")
struct LineAssemblyTests {
    @Test func whitespaceShortcutAgreesWithTheUnicodeProperty() {
        let scalars = (0...0x10FFFF).lazy.compactMap { Unicode.Scalar($0) }
        #expect(scalars.first { LineAssembly.isWhitespace($0) != $0.properties.isWhitespace } == nil)
    }

    @Test func trimKeepsInnerSpaceAndDropsOuterWhitespace() {
        #expect(LineAssembly.trim("\u{3000} 政府 信息\u{A0}\t") == "政府 信息")
        #expect(LineAssembly.trim("政府信息") == "政府信息")
        #expect(LineAssembly.trim(" \u{3000} ") == "")
        #expect(LineAssembly.trim("") == "")
    }

    /// `trim` settles most strings from their first and last UTF-8 bytes; at both ends it must still
    /// drop exactly the white space (every scalar up to past U+4000, where the byte shortcut begins).
    @Test func trimDropsEveryWhitespaceScalarAtEitherEnd() {
        let scalars = (0...0x4100).compactMap { Unicode.Scalar($0) } + ["\u{9FFF}", "\u{FF10}", "\u{20000}"]
        let wrong = scalars.filter { u in
            let s = String(u)
            let expected = u.properties.isWhitespace ? "政" : s + "政" + s
            return LineAssembly.trim(s + "政" + s) != expected
        }
        #expect(wrong.isEmpty)
    }

    @Test func cellTextFlattensTabsAndJoinsParagraphs() {
        #expect(LineAssembly.cellText(["结果", "纠正"]) == "结果纠正")
        #expect(LineAssembly.cellText([" a\tb "]) == "a b")
        #expect(LineAssembly.cellText(["ab", "cd"]) == "ab cd")
        #expect(LineAssembly.cellText([]) == "")
    }
}
