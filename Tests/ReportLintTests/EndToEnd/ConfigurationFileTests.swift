import Foundation
import Testing
@testable import ReportLint

/// Configuration files and rule packs as people write them: `init` gives a commented start; every mistake is
/// named with file, line, column and key, in the message language, with a suggestion where one is near.
@Suite("Configuration files and packs")
struct ConfigurationFileTests {
    let cli = CLITests()

    func folder() throws -> URL { try TestSupport.folder("config", copying: ["draft.txt": "reports/shexi-2019.txt"]) }

    @Test func initWritesACommentedFileThatIsUsedAndNeverOverwritten() throws {
        let dir = try folder()
        let first = try cli.run(["init"], cwd: dir)
        #expect(first.status == 0)
        let url = dir.appendingPathComponent(".xxgk-lint.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("// \"year-mismatch\": \"error\","), "every rule listed, commented out")
        #expect(try cli.run(["draft.txt"], cwd: dir).stdout.contains("[year-mismatch]"), "the commented file changes nothing")
        // Uncommenting one line (the last one, leaving a trailing comma) turns that rule off.
        text = text.replacingOccurrences(of: "    // \"year-mismatch\": \"error\",", with: "    \"year-mismatch\": \"off\",")
        text = text.replacingOccurrences(of: "    // \"not-a-report\": \"note\",", with: "    \"not-a-report\": \"note\",")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let after = try cli.run(["draft.txt"], cwd: dir)
        #expect(after.status == 1 && !after.stdout.contains("[year-mismatch]"), "\(after.stderr)")
        let again = try cli.run(["--lang", "en", "init"], cwd: dir)
        #expect(again.status == 2 && again.stderr.contains("already exists"))
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
    }

    @Test func mistakesAreNamedWithLineColumnAndKey() throws {
        let dir = try folder()
        let cases: [(file: String, text: String, flag: String, zh: String, en: String)] = [
            ("c1.json", "{\n  \"rules\": {\"punctuation\": \"off\"},\n  \"yaer\": 2023\n}\n", "--config",
             "配置文件 c1.json 第 3 行第 3 列（键“yaer”）：未知的键，是否想写“year”？",
             "configuration file c1.json, line 3, column 3 (key \"yaer\"): unknown key; did you mean \"year\"?"),
            ("c2.json", "{\n  \"rules\": {\"punctuation\": \"off\"\n  \"year\": 2023\n}\n", "--config",
             "配置文件 c2.json 第 3 行第 3 列：不是有效的 JSON，此处应为“,”或“}”",
             "configuration file c2.json, line 3, column 3: not valid JSON: expected ',' or '}' here"),
            ("c3.json", "{\"rules\": {\"punctuation\": \"of\"}}", "--config",
             "配置文件 c3.json 第 1 行第 12 列（键“punctuation”）：规则 punctuation 的级别“of”无效",
             "configuration file c3.json, line 1, column 12 (key \"punctuation\"): invalid severity 'of'"),
            ("p1.json", "{\"customRules\": [{\"id\": \"x\",\n \"patern\": \"a\", \"message\": {\"zh\": \"z\", \"en\": \"e\"}}]}", "--rules",
             "规则包 p1.json 第 2 行第 2 列（键“patern”）：未知的键，是否想写“pattern”？",
             "rule pack p1.json, line 2, column 2 (key \"patern\"): unknown key; did you mean \"pattern\"?"),
            ("p2.json", "{\"countUnits\": \"条\"}", "--rules",
             "规则包 p2.json 第 1 行第 16 列（键“countUnits”）：类型不对，应为列表 […]",
             "rule pack p2.json, line 1, column 16 (key \"countUnits\"): wrong type: expected a list […]"),
        ]
        for c in cases {
            try c.text.write(to: dir.appendingPathComponent(c.file), atomically: true, encoding: .utf8)
            let zh = try cli.run([c.flag, c.file, "draft.txt"], cwd: dir)
            #expect(zh.status == 2 && zh.stderr.contains(c.zh), "\(c.file): \(zh.stderr)")
            let en = try cli.run(["--lang", "en", c.flag, c.file, "draft.txt"], cwd: dir)
            #expect(en.stderr.contains(c.en), "\(c.file): \(en.stderr)")
            #expect(!zh.stderr.contains("DecodingError") && !en.stderr.contains("DecodingError"))
        }
    }
}

/// A user's pack may begin as a copy of a built-in one (each has a `"description"` for people).
@Suite("Packs copied from the built-in ones")
struct CopiedPackTests {
    @Test func aCopyOfEveryBuiltInPackIsAccepted() throws {
        let rules = TestSupport.root.appendingPathComponent("rules")
        let packs = try FileManager.default.contentsOfDirectory(atPath: rules.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(packs.count >= 3)
        for name in packs {
            var configuration = Configuration()
            do { try configuration.addPack(path: rules.appendingPathComponent(name).path) } catch {
                Issue.record("\(name): \(error.message(.en))")
            }
        }
    }
}
