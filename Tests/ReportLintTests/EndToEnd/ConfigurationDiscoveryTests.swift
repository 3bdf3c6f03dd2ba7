import Foundation
import Testing
@testable import ReportLint

/// A county office keeps one configuration at the top of its folder and another in one town's folder: each
/// draft is checked with the configuration nearest to it, in one run, whatever the current folder.
@Suite("Configuration found by walking up")
struct ConfigurationDiscoveryTests {
    let cli = CLITests()
    static let draft = "某镇人民政府2023年政府信息公开工作年度报告\n\n全年共主动公开政府信息10条,其中工作动态10条。\n"

    @Test func theNearestConfigurationWins() throws {
        let root = TestSupport.scratch.appendingPathComponent("xxgk-walk-\(UUID().uuidString)")
        for town in ["a-town", "b-town", "c-town/sub"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(town), withIntermediateDirectories: true)
            try Self.draft.write(to: root.appendingPathComponent("\(town)/draft.txt"), atomically: true, encoding: .utf8)
        }
        // The county turns punctuation off everywhere …
        try #"{"rules": {"punctuation": "off", "required-section": "off", "table-missing": "off"}}"#
            .write(to: root.appendingPathComponent(".xxgk-lint.json"), atomically: true, encoding: .utf8)
        // … one town wants it, as an error.
        try #"{"rules": {"punctuation": "error", "required-section": "off", "table-missing": "off"}}"#
            .write(to: root.appendingPathComponent("b-town/.xxgk-lint.json"), atomically: true, encoding: .utf8)
        let elsewhere = FileManager.default.temporaryDirectory
        for jobs in ["1", "2"] {
            let r = try cli.run(["--jobs", jobs, root.path], cwd: elsewhere)
            let findings = r.stdout.split(separator: "\n").filter { $0.contains("[punctuation]") }
            #expect(findings.count == 1 && findings[0].contains("b-town/draft.txt:3:") && findings[0].contains(": 错误: "), "\(r.stdout)")
            #expect(r.status == 1)
            #expect(r.stdout.contains("共检查 3 个文件"))
        }
        // From inside a town's folder, too; and --config overrides every discovered file.
        let inside = try cli.run(["draft.txt"], cwd: root.appendingPathComponent("b-town"))
        #expect(inside.stdout.contains("[punctuation]"))
        let forced = try cli.run(["--config", root.appendingPathComponent(".xxgk-lint.json").path, root.path], cwd: elsewhere)
        #expect(!forced.stdout.contains("[punctuation]") && forced.status == 0)
        // `rules` reads the configuration found from the current folder.
        let listed = try cli.run(["rules"], cwd: root.appendingPathComponent("c-town/sub"))
        #expect(listed.status == 0)
    }

    @Test func patternsMatchAsInGitignore() {
        #expect(Glob("*.pdf").matches("a/b/c.pdf") && !Glob("*.pdf").matches("a/b/c.docx"))
        #expect(Glob("drafts/**/*.docx").matches("drafts/a.docx") && Glob("drafts/**/*.docx").matches("drafts/x/y/a.docx"))
        #expect(!Glob("drafts/*.docx").matches("drafts/x/a.docx"))
        #expect(Glob("old/**").matches("old/2019/a.txt") && !Glob("old/**").matches("new/old/a.txt"))
        #expect(Glob("r0[0-4]?.txt").matches("r012.txt") && !Glob("r0[0-4]?.txt").matches("r052.txt"))
        #expect(Glob("[!a]*.md").matches("b.md") && !Glob("[!a]*.md").matches("a.md"))
    }

    @Test func includeAndExcludeSelectWhatFoldersYield() throws {
        let root = TestSupport.scratch.appendingPathComponent("xxgk-globs-\(UUID().uuidString)")
        for name in ["towns/a.txt", "towns/old/b.txt", "notes/c.txt"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Self.draft.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try #"{"include": ["towns/**"], "exclude": ["**/old/**"]}"#.write(to: root.appendingPathComponent(".xxgk-lint.json"), atomically: true, encoding: .utf8)
        let r = try cli.run(["--format", "json", "."], cwd: root)
        #expect(r.stdout.contains("\"path\": \"./towns/a.txt\"") && !r.stdout.contains("old/b.txt") && !r.stdout.contains("notes/c.txt"), "\(r.stdout)")
        let named = try cli.run(["--format", "json", "notes/c.txt"], cwd: root)
        #expect(named.stdout.contains("notes/c.txt"), "a file named on the command line is linted")
    }
}


/// The walk up takes each folder's parent as Foundation would, for the paths a batch hands it.
@Suite("Parent folder of a path")
struct ParentFolderTests {
    @Test func sameAsFoundation() {
        for path in ["/a/b/c.txt", "/a", "/", "/a/b/", "/a//b", "/a//b//", "//a", "/镇/报告 2023.docx", "/a/./b", "/a/../b.txt"] {
            #expect(ConfigurationDiscovery.parent(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
    }
}
