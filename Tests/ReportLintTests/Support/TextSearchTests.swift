import Testing
@testable import ReportLint

/// The searches the rules use for speed (memchr on a needle's last byte, scans over array storage, a byte check for
/// blanks) answer as the plain searches they replace: every text against every needle, including the empty ones,
/// a needle longer than the text, matches at either end, needles whose last byte recurs, small Strings (15 bytes
/// or fewer, stored inline) and long ones.
@Suite("Text search")
struct TextSearchTests {
    static let texts = ["", "条例", "条", "《中华人民共和国政府信息公开条例》", "行政复议、行政诉讼情况", "政府信息公开条例（2019年修订）",
                        "aaaa", "abab", "ab", "申请 人", "申\u{3000}请", "申\u{A0}请", "一\n二\r三\t四", "𠀀政府𠀀",
                        "二、主动公开政府信息情况二、主动公开政府信息情况"]
    static let needles = ["", "条例", "条", "例", "中华人民共和国政府信息公开条例", "行政复议", "行政诉讼", "aa", "aab", "ab", "ba",
                          "申请", "政府", "𠀀", "信息情况二", "主动公开政府信息情况二、主动公开政府信息情况二"]

    /// Byte by byte, at every position.
    static func plainContains(_ text: String, _ needle: String) -> Bool {
        let t = Array(text.utf8), n = Array(needle.utf8)
        if n.isEmpty { return true }
        guard n.count <= t.count else { return false }
        return (0...(t.count - n.count)).contains { Array(t[$0..<($0 + n.count)]) == n }
    }

    /// Scalar by scalar, at every position.
    static func plainFirstIndex(_ text: [Unicode.Scalar], _ needle: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty else { return nil }
        let end = min(to, text.count) - needle.count
        guard max(from, 0) <= end else { return nil }
        return (max(from, 0)...end).first { Array(text[$0..<($0 + needle.count)]) == needle }
    }

    @Test func containsTextAnswersAsAByteSearch() {
        for text in Self.texts {
            for needle in Self.needles {
                #expect(text.containsText(needle) == Self.plainContains(text, needle), "\(text.debugDescription) \(needle.debugDescription)")
            }
        }
        // A String that is not native (a substring made into a String through its view) takes the same answer.
        let sliced = String("《中华人民共和国政府信息公开条例》".dropFirst())
        #expect(sliced.containsText("公开条例"))
        #expect(!sliced.containsText("《"))
    }

    @Test func scalarSearchesAnswerAsPlainOnes() {
        for text in Self.texts.map(\.scalars) {
            for needle in Self.needles.map(\.scalars) {
                for from in [-1, 0, 1, 3] {
                    for to in [text.count, max(0, text.count - 1), 4] {
                        #expect(text.firstIndex(of: needle, from: from, to: to) == Self.plainFirstIndex(text, needle, from: from, to: to),
                                "\(text.string.debugDescription) \(needle.string.debugDescription) \(from) \(to)")
                    }
                }
                for at in -1...(text.count + 1) {
                    let plain = at >= 0 && at + needle.count <= text.count && Array(text[at..<(at + needle.count)]) == needle
                    #expect(text.has(needle, at: at) == plain, "\(text.string.debugDescription) \(needle.string.debugDescription) \(at)")
                }
            }
        }
    }

    @Test func withoutBlanksRemovesExactlyTheBlanks() {
        let removed: Set<Unicode.Scalar> = [" ", "\t", "\u{3000}", "\u{A0}", "\n", "\r"]
        for text in Self.texts + ["\u{2003}全角", "\u{C2}\u{E3}", "、。", " "] {
            #expect(text.withoutBlanks == String(String.UnicodeScalarView(text.unicodeScalars.filter { !removed.contains($0) })),
                    "\(text.debugDescription)")
        }
    }

    /// `sameBytes` is byte equality (not `==`'s canonical equivalence), and `hashBytes` agrees with it.
    @Test func sameBytesIsByteEqualityAndItsHashAgrees() {
        func hash(_ s: String) -> Int { var h = Hasher(); s.hashBytes(into: &h); return h.finalize() }
        let pairs: [(String, String, Bool)] = [
            ("", "", true), ("鹤庆县金牛镇", "鹤庆县金牛镇", true), ("鹤庆县金牛镇", "鹤庆县金牛", false),
            ("a", "b", false), ("é", "e\u{301}", false), ("金", "\u{F90A}", false),
            (String(repeating: "太平镇", count: 40), String(repeating: "太平镇", count: 40), true),
        ]
        for (a, b, same) in pairs {
            #expect(a.sameBytes(as: b) == same, "\(a.debugDescription) \(b.debugDescription)")
            #expect(a.sameBytes(as: b) == a.utf8.elementsEqual(b.utf8))
            if same { #expect(hash(a) == hash(b)) }
        }
        // A String built piece by piece hashes as the same text written at once.
        var built = ""
        for c in "鹤庆县金牛镇" { built.append(c) }
        #expect(hash(built) == hash("鹤庆县金牛镇") && built.sameBytes(as: "鹤庆县金牛镇"))
    }
}
