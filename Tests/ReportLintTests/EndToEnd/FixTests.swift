import Foundation
import Testing
@testable import ReportLint

/// `--fix` as a clerk or a team uses it: the certain fixes written into the draft in its own encoding, BOM
/// and line ends, nothing else changed byte for byte, a second run with nothing left; `--dry-run` a diff.
@Suite("Fixes applied")
struct FixTests {
    let cli = CLITests()

    /// The seed with its three certain fixes made by hand (the spaced 报  告, the regulation's name, the “.”).
    static func fixedSeed() throws -> (before: String, after: String) {
        let before = try String(contentsOf: TestSupport.root.appendingPathComponent("reports/shexi-2019.txt"), encoding: .utf8)
        let after = before.replacingOccurrences(of: "报  告", with: "报告")
            .replacingOccurrences(of: "《中华人民共和国信息公开条例》", with: "《中华人民共和国政府信息公开条例》")
            .replacingOccurrences(of: "数量信息情况.", with: "数量信息情况。")
        #expect(before != after)
        return (before, after)
    }

    /// The text in each encoding a draft comes in.
    static func encodings(_ text: String) -> [(name: String, bytes: [UInt8])] {
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        var utf16 = [UInt8(0xFF), 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return [("utf8.txt", Array(text.utf8)), ("crlf.md", Array(crlf.utf8)), ("bom.txt", [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
                ("gb18030.txt", TextDecoding.iconvConvert(Array(text.utf8), from: "UTF-8", to: "GB18030") ?? []),
                ("utf16.txt", utf16)]
    }

    @Test func certainFixesChangeOnlyWhatTheySayInEveryEncoding() throws {
        let (before, after) = try Self.fixedSeed()
        let dir = try TestSupport.folder("fix")
        for (name, bytes) in Self.encodings(before) { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let names = Self.encodings(before).map(\.name)
        let preview = try cli.run(["--fix", "--dry-run"] + names, cwd: dir)
        #expect(preview.status == 1 && preview.stdout.contains("-报  告\n+报告\n") && preview.stdout.contains("+++ b/gb18030.txt"), "\(preview.stdout)")
        for (name, bytes) in Self.encodings(before) {
            #expect(try [UInt8](Data(contentsOf: dir.appendingPathComponent(name))) == bytes, "--dry-run wrote \(name)")
        }
        let fixed = try cli.run(["--fix"] + names, cwd: dir)
        #expect(fixed.stderr.contains("utf8.txt: 已自动修正 3 处"), "\(fixed.stderr)")
        #expect(fixed.status == 1, "the findings that need a person remain")
        #expect(fixed.stdout.contains("[year-mismatch]") && !fixed.stdout.contains("[regulation-title]"))
        for (name, bytes) in Self.encodings(after) {
            #expect(try [UInt8](Data(contentsOf: dir.appendingPathComponent(name))) == bytes, "\(name) differs from the hand-fixed text")
        }
        let again = try cli.run(["--fix", "--dry-run"] + names, cwd: dir)
        #expect(again.status == 0 && again.stdout.isEmpty, "nothing left to fix")
    }

    @Test func aFileThatCannotBeReadWholeIsLeftAlone() throws {
        let dir = try TestSupport.folder("fix-bad")
        let bad: [UInt8] = [0xE6, 0x8A, 0xA5, 0x0A, 0xFF, 0xFE, 0x00, 0x01, 0x02]
        try Data(bad).write(to: dir.appendingPathComponent("bad.txt"))
        let r = try cli.run(["--fix", "bad.txt"], cwd: dir)
        #expect(r.status == 2)
        #expect(try [UInt8](Data(contentsOf: dir.appendingPathComponent("bad.txt"))) == bad)
        let word = try cli.run(["--lang", "en", "--fix", TestSupport.root.appendingPathComponent("Tests/Fixtures/merged-cells.docx").path], cwd: dir)
        #expect(word.stderr.contains("--fix changes .txt and .md files only"))
    }

    @Test func aCustomRulesReplacementIsApplied() throws {
        let dir = try TestSupport.folder("fix-custom", writing: [
            "pack.json": #"{"customRules": [{"id": "office", "pattern": "县政务公开办(?!公室)", "message": {"zh": "写全称", "en": "full name"}, "replacement": "县政务公开办公室"}]}"#,
            "a.md": "某镇人民政府2023年政府信息公开工作年度报告\n\n请与县政务公开办联系。\n",
        ])
        _ = try cli.run(["--rules", "pack.json", "--fix", "a.md"], cwd: dir)
        #expect(try String(contentsOf: dir.appendingPathComponent("a.md"), encoding: .utf8) == "某镇人民政府2023年政府信息公开工作年度报告\n\n请与县政务公开办公室联系。\n")
    }
}
