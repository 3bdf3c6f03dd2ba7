import Foundation
import Testing
@testable import ReportLint

@Suite("Rule registry and packs")
struct RegistryTests {
    @Test func everyRuleFileIsRegistered() throws {
        let rulesDir = TestSupport.root.appendingPathComponent("Sources/ReportLint/Rules")
        let walker = try #require(FileManager.default.enumerator(atPath: rulesDir.path))
        var declared: [String] = []
        while let file = walker.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: rulesDir.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("public struct ") && (line.contains(": Rule") || line.contains(": CollectingRule") || line.contains(": StampedCollectingRule") || line.contains(": ConfigurableRule") || line.contains(": PackDataRule")) {
                declared.append(String(line.dropFirst("public struct ".count).prefix { $0 != ":" }))
            }
        }
        let registered = RuleRegistry.ruleTypes.map { "\($0)" }
        #expect(Set(declared) == Set(registered), "declared \(declared.sorted()) vs registered \(registered.sorted())")
        #expect(declared.count >= 13)
    }

    /// Swift builds a `Regex` literal's program again each time the expression runs: two of them, asked of the
    /// lines of every PDF, were half of the linter's own time on PDFs. The library matches by hand (or compiles
    /// a user's pattern once per report, `CustomRule`); a literal coming back is caught here.
    @Test func noRegexLiteralsInTheLibrary() throws {
        let sources = TestSupport.root.appendingPathComponent("Sources/ReportLint")
        let walker = try #require(FileManager.default.enumerator(atPath: sources.path))
        var found: [String] = [], files = 0
        while let file = walker.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            files += 1
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                for literal in ["(of: /", "(of: #/", "= /^", "Regex {", "try! Regex(", "try Regex(\""] where code.contains(literal) {
                    found.append("\(file):\(n + 1): \(code)")
                }
            }
        }
        #expect(files > 100)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func idsAreUniqueKebabCase() {
        let ids = RuleRegistry.descriptors.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0 == "-" } && !id.hasPrefix("-") && !id.hasSuffix("-"), "\(id)") }
        let design = ["year-mismatch", "statistics-period", "percent-sum", "percent-share", "sum-mismatch", "count-plausibility",
                      "required-section", "section-order", "superseded-format", "report-title", "regulation-title", "punctuation"]
        for id in design { #expect(ids.contains(id), "DESIGN.md rule \(id) is not implemented") }
    }

    /// rules/*.json are compiled in through EmbeddedPacks.swift; it must be regenerated after every edit.
    @Test func embeddedPacksAreCurrent() throws {
        let dir = TestSupport.root.appendingPathComponent("rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(EmbeddedPacks.all.map(\.name) == files, "run scripts/embed-rules.sh")
        for (name, json) in EmbeddedPacks.all {
            let onDisk = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            #expect(json + "\n" == onDisk || json == onDisk, "\(name) changed since it was embedded: run scripts/embed-rules.sh")
        }
    }

    @Test func builtInPackHasEveryEra() {
        let pack = RulePack.builtIn
        for era in Era.allCases { #expect(pack.template(era) != nil) }
        #expect(pack.template(.y2021)?.sections.count == 6)
        #expect(pack.regulation.correct.first == "中华人民共和国政府信息公开条例")
    }

    @Test func userPackExtendsLists() throws {
        var pack = RulePack.builtIn
        try pack.merge(json: Data(#"{"subjects": ["我社区"], "regulation": {"knownWrong": ["政府信息公开办法"]}}"#.utf8))
        #expect(pack.subjects.contains("我社区") && pack.subjects.contains("我镇"))
        var configuration = Configuration()
        configuration.pack = pack
        let text = "我社区2023年度我社区无相关申请。"
        var withPack = Linter(configuration: configuration).lint(TestSupport.document(text)).1
        withPack = withPack.filter { $0.ruleID == "repeated-word" }
        #expect(withPack.count == 1)
        #expect(TestSupport.lint(text, rule: "repeated-word").isEmpty)
    }

    @Test func configurationTurnsRulesOffAndChangesSeverity() throws {
        var configuration = Configuration()
        try configuration.setSeverity(rule: "punctuation", "off")
        try configuration.setSeverity(rule: "repeated-word", "error")
        #expect(throws: Configuration.Error.unknownRule("no-such-rule", suggestion: nil)) { try configuration.setSeverity(rule: "no-such-rule", "off") }
        let d = Linter(configuration: configuration).lint(TestSupport.document("我镇2019年度我镇无相关情况.")).1
        #expect(!d.contains { $0.ruleID == "punctuation" })
        #expect(d.contains { $0.ruleID == "repeated-word" && $0.severity == .error })
    }
}

@Suite("Generated rule documentation")
struct RuleDocumentationTests {
    @Test func rulesBookIsCurrent() throws {
        let url = TestSupport.root.appendingPathComponent("rules/RULES.md")
        let book = RuleDocumentation.book()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil { try book.write(to: url, atomically: true, encoding: .utf8) }
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        #expect(onDisk == book, "rules/RULES.md is stale: run UPDATE_GOLDEN=1 swift test")
        for d in RuleRegistry.descriptors { #expect(book.contains("## \(d.id) — \(d.name.zh)")) }
    }
}
