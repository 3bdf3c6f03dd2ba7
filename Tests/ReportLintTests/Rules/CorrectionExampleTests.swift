import Foundation
import Testing
@testable import ReportLint

/// The fixes `--fix` makes, tested from each fixing rule's own corrections (before → after), as SwiftLint
/// tests a correctable rule's corrections: the fixes applied to `before` give exactly `after`, and `after`
/// leaves nothing to fix.
@Suite("Fix examples")
struct CorrectionExampleTests {
    /// The text with the rule's certain fixes applied, in passes as `--fix` makes them.
    static func fixed(_ text: String, rule: String, year: Int?, configuration: Configuration = Configuration(), custom: Set<String> = []) -> (String, Int) {
        var lines = text.components(separatedBy: "\n")
        var applied = 0
        var configuration = configuration
        configuration.yearOverride = year
        for d in RuleRegistry.descriptors where d.id != rule { configuration.severities[d.id] = .some(nil) }
        let linter = Linter(configuration: configuration)
        for _ in 0..<5 {
            let diagnostics = linter.lint(TestSupport.document(lines.joined(separator: "\n"))).1.filter { $0.ruleID == rule }
            let (next, n) = Fixer.apply(diagnostics, to: lines, customRules: custom)
            if n == 0 { break }
            lines = next
            applied += n
        }
        return (lines.joined(separator: "\n"), applied)
    }

    /// Every rule `--fix` trusts carries corrections.
    @Test func everyFixingRuleHasCorrections() {
        for id in Fixer.certainRules {
            #expect(!(RuleRegistry.descriptor(id)?.corrections.isEmpty ?? true), "\(id) has no corrections (before → after)")
        }
    }

    @Test("corrections: before, fixed, is after", arguments: RuleRegistry.descriptors.filter { !$0.corrections.isEmpty }.map(\.id))
    func correctionsHold(_ id: String) {
        for c in RuleRegistry.descriptor(id)!.corrections {
            let location = SourceLocation(fileID: "ReportLint/\(c.file)", filePath: c.file, line: c.line, column: 1)
            let (result, applied) = Self.fixed(c.before, rule: id, year: c.year)
            #expect(applied > 0, "\(id): nothing fixed in \(c.before)", sourceLocation: location)
            #expect(result == c.after, "\(id): fixed to “\(result)”, the correction says “\(c.after)”", sourceLocation: location)
            #expect(Self.fixed(c.after, rule: id, year: c.year).1 == 0, "\(id): “\(c.after)” still has something to fix", sourceLocation: location)
        }
    }

    /// `explain` shows them, in both languages.
    @Test func explainShowsTheCorrections() {
        for id in Fixer.certainRules {
            let d = RuleRegistry.descriptor(id)!
            let zh = RuleDocumentation.render(d, .zh), en = RuleDocumentation.render(d, .en)
            #expect(zh.contains("## 自动修正（--fix，修正前 → 修正后）") && en.contains("## Fixes (--fix, before → after)"))
            for c in d.corrections { #expect(zh.contains("```\n\(c.before)\n```\n→\n```\n\(c.after)\n```")) }
        }
    }

    /// A custom rule's corrections are checked when its pack is loaded, and are its fix examples.
    @Test func customCorrectionsAreCheckedAndApplied() throws {
        let pack = #"{"customRules": [{"id": "office-name", "pattern": "县政务公开办(?!公室)", "message": {"zh": "请写全称", "en": "full name"}, "replacement": "县政务公开办公室", "corrections": [{"before": "报县政务公开办审核。", "after": "报县政务公开办公室审核。"}]}]}"#
        var configuration = Configuration()
        try configuration.pack.merge(json: Data(pack.utf8))
        let spec = try #require(configuration.pack.customRules.first)
        let c = try #require(CustomRuleRunner.descriptor(spec).corrections.first)
        let text = "某镇人民政府2023年政府信息公开工作年度报告\n\n" + c.before
        let (result, applied) = Self.fixed(text, rule: "office-name", year: 2023, configuration: configuration, custom: ["office-name"])
        #expect(applied == 1 && result.hasSuffix("\n" + c.after))
        // A correction the replacement does not make is refused with the pack.
        var wrong = Configuration()
        #expect(throws: CustomRuleSpec.Problem.self) {
            try wrong.pack.merge(json: Data(pack.replacingOccurrences(of: "办公室审核", with: "办审核").utf8))
        }
    }
}
