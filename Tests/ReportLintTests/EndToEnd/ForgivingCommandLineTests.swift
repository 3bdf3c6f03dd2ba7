import Foundation
import Testing
@testable import ReportLint

/// The command line forgives as mature linters do: subcommands after options, attached short values,
/// suggestions for typos; and it does not pass silently over a folder without drafts or judge a README.
@Suite("A command line that forgives")
struct ForgivingCommandLineTests {
    let cli = CLITests()
    static let seed = "reports/shexi-2019.txt"

    @Test func subcommandsAfterOptionsAndAttachedShortValues() throws {
        let explain = try cli.run(["--lang", "en", "explain", "year-mismatch"])
        #expect(explain.status == 0 && explain.stdout.contains("year-mismatch"))
        let r = try cli.run(["-j2", "-fjson", Self.seed, "reports/correct-2023.txt"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("{") && r.stdout.contains("\"path\": \"reports/correct-2023.txt\""))
    }

    @Test func typosGetASuggestion() throws {
        let option = try cli.run(["--lang", "en", "--formta", "json", Self.seed])
        #expect(option.status == 2 && option.stderr.contains("did you mean '--format'?"))
        let zh = try cli.run(["--fial-level", "warning", Self.seed])
        #expect(zh.stderr.contains("是否想写“--fail-level”"))
        let subcommand = try cli.run(["--lang", "en", "explian", "year-mismatch"])
        #expect(subcommand.status == 2 && subcommand.stderr.contains("did you mean 'explain'?"), "\(subcommand.stderr)")
    }

    @Test func aFolderWithoutDraftsIsAnError() throws {
        let dir = TestSupport.scratch.appendingPathComponent("xxgk-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "notes".write(to: dir.appendingPathComponent("sub/notes.rtf"), atomically: true, encoding: .utf8)
        let alone = try cli.run([dir.path])
        #expect(alone.status == 2 && alone.stderr.contains("文件夹中没有可检查的草稿"))
        let withOther = try cli.run(["--lang", "en", dir.path, "reports/correct-2023.txt"])
        #expect(withOther.status == 2 && withOther.stderr.contains("no drafts in this folder"))
        #expect(withOther.stdout.contains("in 1 file"), "the other draft is still linted")
    }

    @Test func aREADMEGetsANoteNotTheReportRules() throws {
        let dir = TestSupport.scratch.appendingPathComponent("xxgk-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "# 文稿仓库\n\n提交前请先运行检查，再交办公室审核。\n\n## 用法\n\n见下文。\n".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let r = try cli.run(["README.md"], cwd: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("README.md:1:1: 提示: 此文件不像政府信息公开工作年度报告"))
        #expect(!r.stdout.contains("[report-title]") && !r.stdout.contains("[required-section]"))
    }

    /// Completion scripts parse in their shell and offer the parser's options, formats and rule ids; the manual
    /// page has every option of --help.
    @Test func completionsAndManualPageFollowTheParser() throws {
        let bash = try cli.run(["completion", "bash"])
        #expect(bash.status == 0 && bash.stdout.contains("--write-baseline") && bash.stdout.contains("junit") && bash.stdout.contains("year-mismatch"))
        let dir = TestSupport.scratch.appendingPathComponent("xxgk-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (shell, check) in [("bash", ["/bin/bash", "-n"]), ("zsh", ["/usr/bin/zsh", "-n"]), ("fish", ["/usr/bin/fish", "--no-execute"])] {
            let script = try cli.run(["completion", shell]).stdout
            #expect(!script.isEmpty)
            guard FileManager.default.isExecutableFile(atPath: check[0]) else { continue }
            let file = dir.appendingPathComponent("completion.\(shell)")
            try script.write(to: file, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: check[0])
            p.arguments = Array(check.dropFirst()) + [file.path]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(shell) script does not parse")
        }
        for lang in ["zh", "en"] {
            let help = try cli.run(["--lang", lang, "--help"]).stdout
            let man = try cli.run(["--lang", lang, "man"]).stdout
            #expect(man.hasPrefix(".TH XXGK-LINT 1"))
            let options = Set(help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).filter { $0.hasPrefix("--") })
            #expect(options.count > 15)
            for option in options { #expect(man.contains(option.replacingOccurrences(of: "-", with: "\\-")), "\(option) missing from the manual page") }
        }
    }
}
