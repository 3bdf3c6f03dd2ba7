import Foundation
import Testing
@testable import ReportLint

/// The filter stage as a user meets it on the built binary: a finding silenced by a comment above it, a range,
/// a whole file; a comment that silences nothing reported; a baseline that accepts what is there so that
/// only new findings show, in a single run and through worker processes.
@Suite("Suppression comments and the baseline")
struct SuppressionBaselineTests {
    let cli = CLITests()
    let rulesOff = ["--disable", "required-section,table-missing"]

    func folder(_ text: String) throws -> URL { try TestSupport.folder("filter", writing: ["a.md": text]) }

    static let title = "某镇人民政府2023年政府信息公开工作年度报告\n\n"

    @Test func commentsSilenceTheLineTheRangeAndTheFile() throws {
        let dir = try folder(Self.title + """
            <!-- xxgk-lint-disable-next-line punctuation -- 引用原文 -->
            全年共主动公开,政府信息10条。
            全年共主动公开,政府信息11条。
            <!-- xxgk-lint-disable punctuation -->
            其中工作动态,5条。
            其中通知公告,5条。
            <!-- xxgk-lint-enable punctuation -->
            本年度无相关情况,特此说明。
            """)
        let r = try cli.run(rulesOff + ["a.md"], cwd: dir)
        let lines = r.stdout.split(separator: "\n").filter { $0.hasPrefix("a.md:") }
        #expect(lines.map { $0.split(separator: ":")[1] } == ["5", "10"], "only the unsilenced lines: \(r.stdout)")
        #expect(!r.stdout.contains("<!--") || !r.stdout.contains("[punctuation]\n    <!--"), "comment lines are not report text")
        let file = try folder(Self.title + "<!-- xxgk-lint-disable-file punctuation -->\n全年共主动公开,政府信息10条。\n")
        #expect(try cli.run(rulesOff + ["a.md"], cwd: file).status == 0)
    }

    @Test func aCommentThatSilencesNothingOrNamesNoRuleIsReported() throws {
        let dir = try folder(Self.title + "<!-- xxgk-lint-disable-next-line repeated-word -->\n本年度无相关情况。\n<!-- xxgk-lint-disable-file punctuaton -->\n")
        let zh = try cli.run(rulesOff + ["a.md"], cwd: dir)
        #expect(zh.stdout.contains("a.md:3:1: 提示: 这条抑制注释没有抑制任何问题（repeated-word），可以删除 [unused-suppression]"), "\(zh.stdout)")
        #expect(zh.stdout.contains("a.md:5:1: 提示: 抑制注释中的规则“punctuaton”不存在，是否想写“punctuation”？"))
        let en = try cli.run(rulesOff + ["--lang", "en", "a.md"], cwd: dir)
        #expect(en.stdout.contains("note: this suppression silences nothing (repeated-word); remove it"))
        #expect(en.stdout.contains("did you mean 'punctuation'?"))
        #expect(try cli.run(rulesOff + ["--disable", "unused-suppression", "a.md"], cwd: dir).stdout.contains("0 个错误，0 个警告\n"))
    }

    @Test func aBaselineHidesAcceptedFindingsAndShowsNewOnes() throws {
        let dir = try folder(Self.title + "全年共主动公开,政府信息10条。\n本年度无相关情况,特此说明。\n")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("a.md"), to: dir.appendingPathComponent("b.md"))
        let first = try cli.run(rulesOff + ["--write-baseline", "accepted.json", "a.md", "b.md"], cwd: dir)
        #expect(first.stdout.contains("4 个警告"), "\(first.stdout)")
        let baseline = try Baseline.decode(Data(contentsOf: dir.appendingPathComponent("accepted.json")))
        #expect(baseline.findings.count == 4 && Set(baseline.findings.map(\.path)) == ["a.md", "b.md"])
        // Accepted: nothing shows, exit 0 — one file in process, two through workers, paths written differently.
        #expect(try cli.run(rulesOff + ["--baseline", "accepted.json", "a.md"], cwd: dir).status == 0)
        let both = try cli.run(rulesOff + ["--baseline", "accepted.json", "./a.md", dir.appendingPathComponent("b.md").path], cwd: dir)
        #expect(both.status == 0, "\(both.stdout)")
        // Text added above moves every line; only the new sentence shows.
        try (Self.title + "新增一句,半角。\n全年共主动公开,政府信息10条。\n本年度无相关情况,特此说明。\n")
            .write(to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        let later = try cli.run(rulesOff + ["--baseline", "accepted.json", "a.md", "b.md"], cwd: dir)
        #expect(later.stdout.split(separator: "\n").filter { $0.contains("[punctuation]") } == ["a.md:3:5: 警告: 中文中使用了半角标点“,”，应为全角“，” [punctuation]"],
                "\(later.stdout)")
        // A broken baseline is a clear error.
        try "{}".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try cli.run(rulesOff + ["--baseline", "bad.json", "a.md"], cwd: dir)
        #expect(bad.status == 2 && bad.stderr.contains("bad.json"))
    }
}
