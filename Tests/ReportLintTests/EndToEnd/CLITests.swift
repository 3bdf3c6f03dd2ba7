import Foundation
import Testing
@testable import ReportLint

/// Runs the built `xxgk-lint` executable as a user would: exit status, output, files written.
@Suite("Command line")
struct CLITests {
    // (also used by IsolationTests)
    static let executable: URL? = {
        // swift test builds the executable beside the test bundle.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("xxgk-lint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let debug = TestSupport.root.appendingPathComponent(".build/debug/xxgk-lint")
        return FileManager.default.isExecutableFile(atPath: debug.path) ? debug : nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ args: [String], stdin: String? = nil, cwd: URL? = nil, env: [String: String] = [:]) throws -> Run {
        let executable = try #require(Self.executable, "xxgk-lint not built")
        let r = try TestSupport.run(executable.path, args, cwd: cwd, env: env, stdin: stdin.map { Data($0.utf8) })
        return Run(status: r.status, stdout: String(decoding: r.stdout, as: UTF8.self), stderr: String(decoding: r.stderr, as: UTF8.self))
    }

    static let seed = "reports/shexi-2019.txt"

    @Test func seedFindingsInChineseWithCaretAndSummary() throws {
        let r = try run([Self.seed])
        #expect(r.status == 1)
        #expect(r.stdout.contains("reports/shexi-2019.txt:21:50: 错误: 报告年度为2019年"))
        #expect(r.stdout.contains("[year-mismatch]"))
        #expect(r.stdout.contains("\n    ...。政府信息主动公开工作的内容方面，社溪镇2018年度共主动公开政府信息841条。"), "source line shown, clipped")
        #expect(r.stdout.contains("^~~~"))
        #expect(r.stdout.contains("共检查 1 个文件："))
        #expect(!r.stdout.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test func englishMessages() throws {
        let r = try run(["--lang", "en", Self.seed])
        #expect(r.stdout.contains(": error: the report year is 2019, but this states figures for 2018"))
        #expect(r.stdout.contains("in 1 file"))
    }

    @Test func cleanDraftExitsZero() throws {
        let r = try run(["reports/correct-2023.txt"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("0 个错误，0 个警告"))
    }

    @Test func failLevelWarning() throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("a.txt")
        try "某镇人民政府2023年政府信息公开工作年度报告\n\n我镇2023年度我镇无相关申请。".write(to: file, atomically: true, encoding: .utf8)
        // A fragment without sections or tables: only the repeated-word warning is left once those rules are off.
        #expect(try run(["--disable", "required-section,table-missing", file.path]).status == 0)
        #expect(try run(["--disable", "required-section,table-missing", "--fail-level", "warning", file.path]).status == 1)
    }

    @Test func usageErrorsAreOneLineAndExitTwo() throws {
        let unknown = try run(["--frobnicate", Self.seed])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        #expect(unknown.stderr.contains("--frobnicate"))
        let missing = try run(["no/such/draft.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/draft.txt: 错误: 文件不存在"))
        #expect(try run(["--format", "xml", Self.seed]).status == 2)
        #expect(try run([]).status == 2)
        #expect(try run(["explain", "no-such-rule"]).status == 2)
    }

    /// One catalogue: a pack's custom rule is listed by `rules` and explained by `explain`, from either side of
    /// the options; a mistyped id gets a suggestion.
    @Test func customRulesAreExplainedAndMistypedIdsGetASuggestion() throws {
        let dir = try tempDir()
        try #"{"customRules": [{"id": "office-short-name", "pattern": "县政务公开办(?!公室)", "message": {"zh": "请写全称", "en": "write the full name"}}]}"#
            .write(to: dir.appendingPathComponent("pack.json"), atomically: true, encoding: .utf8)
        let listed = try run(["rules", "--rules", "pack.json"], cwd: dir)
        #expect(listed.stdout.contains("office-short-name") && listed.stdout.contains("year-mismatch"))
        let explained = try run(["explain", "--rules", "pack.json", "office-short-name"], cwd: dir)
        #expect(explained.status == 0 && explained.stdout.contains("县政务公开办(?!公室)"), "\(explained.stderr)")
        let typo = try run(["--lang", "en", "explain", "year-mismatsh"], cwd: dir)
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'year-mismatch'?"), "\(typo.stderr)")
        let disabled = try run(["--disable", "punctuaton", Self.seed])
        #expect(disabled.status == 2 && disabled.stderr.contains("是否想写“punctuation”"), "\(disabled.stderr)")
    }

    @Test func unreadableFileDoesNotStopTheBatch() throws {
        let dir = try tempDir()
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: dir.appendingPathComponent("binary.txt"))
        try Data().write(to: dir.appendingPathComponent("empty.md"))
        try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent(Self.seed), to: dir.appendingPathComponent("seed.txt"))
        let r = try run([dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("binary.txt: 错误: 看起来是二进制文件"))
        #expect(r.stderr.contains("empty.md: 错误: 文件为空"))
        #expect(r.stdout.contains("seed.txt:21:50"), "the readable file is still linted")
    }

    /// Issue 4: every kind of broken input is one line with its reason; the good file is still linted.
    @Test func brokenInputsOfEveryFormatInOneBatch() throws {
        let dir = try tempDir()
        func put(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        try put("corrupt.docx", Array("this is not a zip file at all".utf8))
        let real = try [UInt8](Data(contentsOf: TestSupport.root.appendingPathComponent("Tests/Fixtures/merged-cells.docx")))
        try put("truncated.docx", Array(real.prefix(real.count / 2)))
        var noDocument = ZipBuilder()
        noDocument.add("[Content_Types].xml", "<Types/>")
        try put("no-document.docx", noDocument.build())
        var bomb = ZipBuilder()
        bomb.addRaw("word/document.xml", compressed: ZipBuilder.deflateZeros(count: 100 << 20), declaredSize: 100 << 20)
        try put("bomb.docx", bomb.build())
        try put("nobody.html", Array("<html><head><title></title></head></html>".utf8))
        try put("scan.pdf", PDFLoaderTests.imageOnlyPDF())
        try put("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        // A 1 GB sparse file (no disk used) and a binary file: refused without being read.
        let huge = dir.appendingPathComponent("huge.txt")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        try put("binary.md", [0x7F, 0x45, 0x4C, 0x46] + Array(repeating: 0, count: 4096))
        try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent(Self.seed), to: dir.appendingPathComponent("seed.txt"))
        let started = Date()
        let r = try run(["--lang", "en", dir.path])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(r.status == 2)
        let errors = r.stderr.split(separator: "\n")
        for name in ["corrupt.docx", "truncated.docx", "no-document.docx", "bomb.docx", "nobody.html", "old.doc", "huge.txt", "binary.md"] {
            #expect(errors.filter { $0.contains("/\(name): error: ") }.count == 1, "\(name): \(r.stderr)")
        }
        #expect(r.stderr.contains("bomb.docx: error: probable zip bomb"))
        #expect(r.stderr.contains("huge.txt: error: file too large (1073741824 bytes, limit 20971520"))
        #expect(r.stderr.contains("binary.md: error: looks like a binary file"))
        #expect(r.stderr.contains("old.doc: error: this is a legacy Word 97-2003 document"))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            #expect(r.stderr.contains("scan.pdf: error: no text to lint: the PDF has no text layer"))
        }
        #expect(r.stdout.contains("seed.txt:21:50: error:"), "the readable draft is still linted")
    }

    @Test func standardInput() throws {
        let r = try run(["--stdin-filename", "draft.txt", "-"], stdin: "我镇2019年度我镇无相关情况。")
        #expect(r.stdout.contains("draft.txt:1:9:"))
        #expect(r.stdout.contains("[repeated-word]"))
    }

    @Test func outputFileIsWrittenWhole() throws {
        let dir = try tempDir()
        let out = dir.appendingPathComponent("result.sarif")
        let r = try run(["--format", "sarif", "--output", out.path, Self.seed])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let data = try Data(contentsOf: out)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["result.sarif"], "no temporary file left")
    }

    @Test func sarifCarriesRulesResultsAndNotifications() throws {
        let dir = try tempDir()
        try Data([0x00, 0x00, 0x00]).write(to: dir.appendingPathComponent("bad.txt"))
        let r = try run(["--format", "sarif", Self.seed, dir.appendingPathComponent("bad.txt").path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run0 = try #require((json["runs"] as? [[String: Any]])?.first)
        #expect(run0["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run0["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [Any])?.count == RuleRegistry.descriptors.count)
        let results = try #require(run0["results"] as? [[String: Any]])
        let year = try #require(results.first { $0["ruleId"] as? String == "year-mismatch" })
        let location = try #require(((year["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 21 && region["startColumn"] as? Int == 50)
        #expect((region["snippet"] as? [String: Any])?["text"] as? String == "2018年度")
        #expect((location["artifactLocation"] as? [String: Any])?["uriBaseId"] as? String == "SRCROOT")
        #expect(year["partialFingerprints"] != nil && year["fixes"] != nil)
        let invocation = try #require((run0["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect((invocation["toolExecutionNotifications"] as? [Any])?.count == 1)
    }

    @Test func fingerprintsSurviveUnrelatedEdits() throws {
        let dir = try tempDir()
        let seed = try String(contentsOf: TestSupport.root.appendingPathComponent(Self.seed), encoding: .utf8)
        try seed.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try seed.replacingOccurrences(of: "一、概述\n", with: "一、概述\n\n新增的一段说明。\n").write(to: dir.appendingPathComponent("a2.txt"), atomically: true, encoding: .utf8)
        func prints(_ name: String) throws -> [String] {
            let r = try run(["--format", "sarif", name], cwd: dir)
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            let results = ((json["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
            return results.filter { $0["ruleId"] as? String == "year-mismatch" }.map { ($0["partialFingerprints"] as! [String: String]).values.first! }
        }
        #expect(try prints("a.txt") == prints("a2.txt"))
    }

    @Test func rulesExplainText() throws {
        let rules = try run(["rules"])
        #expect(rules.status == 0)
        for d in RuleRegistry.descriptors { #expect(rules.stdout.contains(d.id)) }
        let explain = try run(["explain", "percent-sum", "--lang", "en"])
        #expect(explain.stdout.contains("# percent-sum") && explain.stdout.contains("Examples that trigger"))
        let text = try run(["text", Self.seed])
        #expect(text.stdout.split(separator: "\n")[20].hasPrefix("21\t社溪镇2019年"))
    }

    @Test func helpAndVersion() throws {
        #expect(try run(["--help"]).stdout.contains("用法"))
        #expect(try run(["--help", "--lang", "en"]).stdout.contains("Usage"))
        #expect(try run(["--version"]).stdout.hasPrefix("xxgk-lint "))
    }

    @Test func customRuleFromAPackInABatch() throws {
        let dir = try tempDir()
        try #"{"customRules": [{"id": "stale-plan", "pattern": "2019年，社溪镇将", "message": {"zh": "计划年份", "en": "plan year"}}]}"#
            .write(to: dir.appendingPathComponent("pack.json"), atomically: true, encoding: .utf8)
        for name in ["a.txt", "b.txt"] {
            try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent(Self.seed), to: dir.appendingPathComponent(name))
        }
        try String(contentsOf: dir.appendingPathComponent("b.txt"), encoding: .utf8).replacingOccurrences(of: "2020年，社溪镇将", with: "2019年，社溪镇将")
            .write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let r = try run(["--rules", "pack.json", "--format", "sarif", "a.txt", "b.txt"], cwd: dir)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run0 = try #require((json["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run0["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let index = try #require(rules.firstIndex { $0["id"] as? String == "stale-plan" })
        let results = try #require(run0["results"] as? [[String: Any]]).filter { $0["ruleId"] as? String == "stale-plan" }
        #expect(results.count == 1, "found in b.txt only, by an isolated worker that loaded the pack too")
        #expect(results.first?["ruleIndex"] as? Int == index)
        let bad = try run(["--rules", "missing.json", "a.txt"], cwd: dir)
        #expect(bad.status == 2 && bad.stderr.contains("missing.json"))
    }

    @Test func configFile() throws {
        let dir = try tempDir()
        try #"{"rules": {"year-mismatch": "off"}, "lang": "en"}"#.write(to: dir.appendingPathComponent(".xxgk-lint.json"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent(Self.seed), to: dir.appendingPathComponent("seed.txt"))
        let r = try run(["seed.txt"], cwd: dir)
        #expect(!r.stdout.contains("year-mismatch"))
        #expect(r.stdout.contains(" in 1 file"))
        try "{bad json".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try run(["--config", "bad.json", "seed.txt"], cwd: dir)
        #expect(bad.status == 2 && bad.stderr.contains("bad.json"))
    }

    private func tempDir() throws -> URL {
        let dir = TestSupport.scratch.appendingPathComponent("xxgk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
