import Foundation
import Testing
@testable import ReportLint

@Suite("Custom rules from rule packs")
struct CustomRuleTests {
    func pack(_ json: String) throws -> RulePack {
        var pack = RulePack.builtIn
        try pack.merge(json: Data(json.utf8))
        return pack
    }

    @Test func findsPatternAtItsColumnWithFix() throws {
        var configuration = Configuration()
        configuration.pack = try pack(#"""
        {"customRules": [{"id": "office-short-name", "pattern": "县政务公开办(?!公室)", "severity": "error",
          "message": {"zh": "请写全称“县政务公开办公室”", "en": "write the full name"}, "replacement": "县政务公开办公室"}]}
        """#)
        let text = "𠮷按照县政务公开办的要求，县政务公开办公室负责汇总。"
        let d = Linter(configuration: configuration).lint(TestSupport.document(text)).1.filter { $0.ruleID == "office-short-name" }
        #expect(d.count == 1)
        #expect(d.first?.column == 4 && d.first?.snippet == "县政务公开办")
        #expect(d.first?.severity == .error && d.first?.fix?.replacement == "县政务公开办公室")
        #expect(Linter(configuration: configuration).descriptors.contains { $0.id == "office-short-name" })
    }

    @Test func exponentialPatternsAreRefusedWhenLoaded() {
        for bad in ["(a+)+b", "(\\d*)*", "(?:x|y+){2,}", "(政府+)*", "(a)\\1", "(?<n>a)\\k<n>",
                    "(a|a)*$", "(a|aa)*b", "(a?){30}a{30}", ".*.*.*x", "(.|x)+", "\\d+\\d*", "(?:政府|政)+"] {
            #expect(CustomRuleSpec.exponentialRisk(bad) != nil, "\(bad) should be refused")
            #expect(throws: CustomRuleSpec.Problem.self) {
                try pack(#"{"customRules": [{"id": "x", "pattern": "\#(bad.replacingOccurrences(of: "\\", with: "\\\\"))", "message": {"zh": "z", "en": "e"}}]}"#)
            }
        }
        for good in ["县政务公开办(?!公室)", "\\d+条", "(政务|政府)信息", "[一二三]是", "a{1,3}b", "(ab)?c+",
                     "(年|月)+", "县.*办.*室", "(?:ab|ba)*c", "[(]\\d+[)]"] {
            #expect(CustomRuleSpec.exponentialRisk(good) == nil, "\(good) is safe")
        }
    }

    @Test func badIdsAndInvalidPatternsAreRefused() {
        #expect(throws: CustomRuleSpec.Problem.badID("Bad_ID")) {
            try CustomRuleSpec(id: "Bad_ID", pattern: "x", message: .init(zh: "z", en: "e")).validate()
        }
        #expect(throws: CustomRuleSpec.Problem.builtInID("punctuation")) {
            try CustomRuleSpec(id: "punctuation", pattern: "x", message: .init(zh: "z", en: "e")).validate()
        }
        #expect(throws: CustomRuleSpec.Problem.self) {
            try CustomRuleSpec(id: "broken", pattern: "(unclosed", message: .init(zh: "z", en: "e")).validate()
        }
    }

    @Test func configurationRefusesAnUnsafePackWithItsPath() throws {
        let dir = TestSupport.scratch.appendingPathComponent("xxgk-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("bad.json")
        try #"{"customRules": [{"id": "slow", "pattern": "(a+)+$", "message": {"zh": "z", "en": "e"}}]}"#.write(to: file, atomically: true, encoding: .utf8)
        var configuration = Configuration()
        #expect(throws: Configuration.Error.invalidPack(path: file.path, reason: "custom rule slow: the pattern is refused: a repeated group that contains a repetition or an optional part can make matching take minutes (catastrophic backtracking)")) {
            try configuration.addPack(path: file.path)
        }
        // Said as a rule pack's problem, not a configuration file's.
        #expect(Configuration.Error.invalidPack(path: "p.json", reason: "r").message(.zh) == "规则包 p.json 有误：r")
    }
}
