import Testing
@testable import ReportLint

/// The byte-wise prefix and suffix tests the readers use for speed answer as `hasPrefix` / `hasSuffix` (which
/// compare Characters up to canonical equivalence) — also where the text is not plain: a combining mark right
/// after the prefix, a compatibility ideograph that equals its unified twin, a CR before a LF.
@Suite("Plain prefix and suffix")
struct PlainAffixTests {
    static let texts = ["受理申请", "受理", "受", "", "受理\u{301}申请", "受\u{301}理", "\u{F900}理", "\u{8C48}理",
                        "某镇人民政府", "某镇政府\u{301}", "\u{301}政府", "政府", "本机关", "\r\n本", "a\r\n政府", "𠀀政府"]
    static let affixes = ["受理", "受", "政府", "人民政府", "本", "\u{8C48}", "\u{F900}", "\r", "\n政府", ""]

    @Test func prefixAnswersAsHasPrefix() {
        for text in Self.texts {
            for affix in Self.affixes {
                #expect(text.hasPlainPrefix(affix) == text.hasPrefix(affix), "\(text.debugDescription) \(affix.debugDescription)")
            }
        }
    }

    @Test func suffixAnswersAsHasSuffix() {
        for text in Self.texts {
            for affix in Self.affixes {
                #expect(text.hasPlainSuffix(affix) == text.hasSuffix(affix), "\(text.debugDescription) \(affix.debugDescription)")
            }
        }
    }

    /// The body key of a plain name (made on scalars) is the one the String path makes.
    @Test func bodyKeysOfPlainNames() {
        #expect(BodyIdentity("某县某镇人民政府")?.key == "某县某镇")
        #expect(BodyIdentity("某区某某街道办事处")?.key == "某区某某街道")
        #expect(BodyIdentity("某县人民政府办公室")?.key == "某县政府办公室")
        #expect(BodyIdentity("某镇 人民政府（2023）")?.key == "某镇政府2023")
        // A compatibility ideograph keeps the String path: the same key as before.
        #expect(BodyIdentity("\u{F900}镇人民政府")?.key == "\u{F900}镇")
        #expect(BodyIdentity("政府") == nil)
    }
}
