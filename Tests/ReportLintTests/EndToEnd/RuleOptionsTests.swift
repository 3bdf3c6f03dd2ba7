import Foundation
import Testing
@testable import ReportLint

/// Rules' own settings in the configuration (`"rules": {"repeated-word": {"allow": ["资金"]}}`): they change
/// what the rule reports, in worker processes too, a wrong key or value is named with its place, and `explain`
/// lists them with their defaults.
@Suite("Rule settings")
struct RuleOptionsTests {
    let cli = CLITests()

    static let draft = """
    某某镇人民政府2024年政府信息公开工作年度报告

    一、总体情况

    截至目前，全年共主动公开政府信息100余条，其中政策文件20条。资金资金已全部到位。
    """

    func folder(_ config: String?) throws -> URL {
        let dir = try TestSupport.folder("options", copying: [:])
        try Self.draft.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Self.draft.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        if let config { try config.write(to: dir.appendingPathComponent(".xxgk-lint.json"), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func settingsChangeWhatIsReportedInEveryWorker() throws {
        let before = try cli.run(["--format", "json", "a.txt", "b.txt"], cwd: folder(nil))
        #expect(before.stdout.components(separatedBy: "\"repeated-word\"").count - 1 == 2)
        #expect(before.stdout.contains("100余条"))
        let config = """
        { "rules": { "repeated-word": { "allow": ["资金"] },
                     "vague-figure": { "severity": "note", "approximateCounts": false } } }
        """
        let after = try cli.run(["--format", "json", "a.txt", "b.txt"], cwd: folder(config))
        #expect(!after.stdout.contains("\"repeated-word\""), "the allowed word is not reported: \(after.stdout.prefix(400))")
        #expect(!after.stdout.contains("100余条"), "approximate counts are off")
        // The vague time is still reported, at the configured severity, in both files (two worker processes).
        let vague = after.stdout.components(separatedBy: "截至目前").count - 1
        #expect(vague >= 2, "\(after.stderr)")
        #expect(after.stdout.contains("\"severity\": \"note\""), "the configured severity")
    }

    @Test func wrongSettingsAreNamedWithTheirPlace() throws {
        let cases: [(text: String, zh: String, en: String)] = [
            ("{\"rules\": {\n  \"vague-figure\": {\"aproximateCounts\": false}}}",
             "第 2 行第 20 列（键“aproximateCounts”）：未知的键，是否想写“approximateCounts”？",
             "line 2, column 20 (key \"aproximateCounts\"): unknown key; did you mean \"approximateCounts\"?"),
            ("{\"rules\": {\"vague-figure\": {\"approximateCounts\": \"no\"}}}",
             "第 1 行第 50 列（键“approximateCounts”）：类型不对，应为true 或 false",
             "line 1, column 50 (key \"approximateCounts\"): wrong type: expected true or false"),
            ("{\"rules\": {\"repeated-word\": {\"allow\": \"资金\"}}}",
             "（键“allow”）：类型不对，应为列表 […]", "(key \"allow\"): wrong type: expected a list […]"),
            ("{\"rules\": {\"report-title\": {\"severity\": \"note\", \"limit\": 3}}}",
             "（键“limit”）：未知的键（可用：severity）", "(key \"limit\"): unknown key (known: severity)"),
            ("{\"rules\": {\"report-title\": 3}}",
             "（键“report-title”）：应为级别", "(key \"report-title\"): must be a severity"),
        ]
        for c in cases {
            let dir = try folder(c.text)
            let zh = try cli.run(["a.txt"], cwd: dir)
            #expect(zh.status == 2 && zh.stderr.contains(c.zh), "\(c.text): \(zh.stderr)")
            let en = try cli.run(["--lang", "en", "a.txt"], cwd: dir)
            #expect(en.status == 2 && en.stderr.contains(c.en), "\(c.text): \(en.stderr)")
        }
    }

    @Test func everySettingIsListedAndExplained() throws {
        let configurable = RuleRegistry.ruleTypes.compactMap { type in RuleOptionsDecoding.type(of: type.descriptor.id).map { (type.descriptor.id, $0) } }
        #expect(configurable.count >= 2)
        for (id, type) in configurable {
            // The listed keys are exactly the keys the defaults encode to: none missing, none misspelt.
            #expect(Set(type.keys.map(\.key)) == Set(RuleOptionsDecoding.defaults(type).keys), "\(id)")
            let zh = try cli.run(["explain", id], cwd: URL(fileURLWithPath: NSTemporaryDirectory()))
            let en = try cli.run(["--lang", "en", "explain", id], cwd: URL(fileURLWithPath: NSTemporaryDirectory()))
            for key in type.keys.map(\.key) {
                #expect(zh.stdout.contains("## 设置") && zh.stdout.contains("`\(key)`（默认"), "\(id)")
                #expect(en.stdout.contains("## Settings") && en.stdout.contains("`\(key)` (default"), "\(id)")
            }
        }
        let plain = try cli.run(["explain", "report-title"], cwd: URL(fileURLWithPath: NSTemporaryDirectory()))
        #expect(!plain.stdout.contains("## 设置"), "a rule without settings shows none")
    }
}

/// The batch rules are configured like the others: duplicate-content's least shared narrative is a setting.
@Suite("Batch rule settings")
struct BatchRuleOptionsTests {
    let cli = CLITests()

    @Test func theDuplicateLineIsConfigurable() throws {
        let dup = TestSupport.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/generated/batch/dup00")
        guard FileManager.default.fileExists(atPath: dup.path) else { return }  // ../shared absent
        let dir = try TestSupport.folder("dup-options")
        for name in try FileManager.default.contentsOfDirectory(atPath: dup.path) {
            try FileManager.default.copyItem(at: dup.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let before = try cli.run(["--format", "json", "."], cwd: dir)
        #expect(before.stdout.components(separatedBy: "\"duplicate-content\"").count - 1 == 2, "both copies are found by default")
        try #"{"rules": {"duplicate-content": {"minimumCharacters": 100000}}}"#
            .write(to: dir.appendingPathComponent(".xxgk-lint.json"), atomically: true, encoding: .utf8)
        let after = try cli.run(["--format", "json", "."], cwd: dir)
        #expect(!after.stdout.contains("\"duplicate-content\""), "no copy shares 100,000 characters: \(after.stderr)")
        try #"{"rules": {"duplicate-content": {"threshold": 1.5}}}"#
            .write(to: dir.appendingPathComponent(".xxgk-lint.json"), atomically: true, encoding: .utf8)
        let wrong = try cli.run(["--lang", "en", "."], cwd: dir)
        #expect(wrong.status == 2 && wrong.stderr.contains("(key \"threshold\"): must be a fraction above 0 and at most 1"), "\(wrong.stderr)")
    }
}
