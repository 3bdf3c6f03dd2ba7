import Foundation
import Testing
@testable import ReportLint

/// A rule whose phrase list lives in the packs under a key it declares (`PackDataRule`), for these tests only.
private struct InsistenceRule: PackDataRule {
    static let packKey = "packDataTestWords"
    typealias Data = PhraseList
    static let descriptor = RuleDescriptor(
        id: "insistence-test", severity: .note, name: Localized(zh: "测试", en: "test"), summary: Localized(zh: "测试", en: "test"),
        rationale: Localized(zh: "测试", en: "test"), basis: Localized(zh: "无", en: "none"), triggering: [], nonTriggering: [])

    func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        let words = context.packData(Self.self)
        return report.paragraphs.flatMap { p in
            words.scalars.compactMap { word in
                p.scalars.firstIndex(of: word).map { Finding(span: p.span($0, $0 + word.count), message: Localized(zh: "强调", en: "insists")) }
            }
        }
    }
}

@Suite("Rule data in packs")
struct PackDataTests {
    let types = [InsistenceRule.packData!]

    func findings(_ pack: RulePack, _ text: String) -> [Diagnostic] {
        var configuration = Configuration()
        configuration.pack = pack
        return Linter(configuration: configuration, rules: [InsistenceRule()]).lint(TestSupport.document(text)).1
    }

    @Test func packsGiveAndExtendARulesPhraseList() throws {
        let text = "某镇人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n务必做好公开工作，坚决落实条例。"
        var pack = RulePack.builtIn
        #expect(findings(pack, text).isEmpty, "no pack gives the list: the rule has no words")
        try pack.merge(json: Data(#"{"packDataTestWords": ["务必"]}"#.utf8), ruleDataTypes: types)
        #expect(findings(pack, text).map(\.snippet) == ["务必"])
        try pack.merge(json: Data(#"{"subjects": ["我社区"], "packDataTestWords": ["坚决"]}"#.utf8), ruleDataTypes: types)
        #expect(findings(pack, text).map(\.snippet) == ["务必", "坚决"], "a later pack extends the list")
        #expect(pack.subjects.contains("我社区"), "the pack's own keys are read beside the rule's")
    }

    @Test func aRulesDataOfTheWrongShapeIsRefusedWithItsKey() {
        var pack = RulePack.builtIn
        #expect {
            try pack.merge(json: Data(#"{"packDataTestWords": "务必"}"#.utf8), ruleDataTypes: types)
        } throws: { error in
            guard case DecodingError.typeMismatch(_, let context) = error else { return false }
            return context.codingPath.first?.stringValue == "packDataTestWords"
        }
    }

    @Test func rulesDeclareKeysOfTheirOwn() {
        let declared = RuleRegistry.ruleTypes.compactMap { $0.packData?.key }
        #expect(Set(declared).count == declared.count, "two rules declare the same pack key")
        for key in declared { #expect(!RulePack.ownKeys.contains(key), "\(key) is already one of RulePack's keys") }
    }
}
