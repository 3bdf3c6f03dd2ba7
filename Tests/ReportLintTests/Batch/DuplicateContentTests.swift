import Foundation
import Testing
@testable import ReportLint

/// 内容雷同: copies at several shares, distinct reports, reports sharing only boilerplate.
@Suite("Duplicate content")
struct DuplicateContentTests {
    /// Body 1's report, and body 2's made of `copied` of body 1's sentences and its own for the rest.
    func pair(copied fraction: Double, count: Int = 12) -> [BatchFixtures.File] {
        let a = BatchFixtures.sentences(body: 1, count: count), own = BatchFixtures.sentences(body: 2, count: count)
        let k = Int((Double(count) * fraction).rounded())
        // Copied sentences spread through the report, as a clerk copies paragraph by paragraph.
        let mixed = (0..<count).map { i in (i * k) / count != ((i + 1) * k) / count ? a[i] : own[i] }
        let we1 = SampleBatch.body(1).we, we2 = SampleBatch.body(2).we
        return [BatchFixtures.report(body: 1, year: 2023, own: a),
                BatchFixtures.report(body: 2, year: 2023, own: mixed.map { $0.replacingOccurrences(of: we1, with: we2) })]
    }

    func share(_ d: Diagnostic) -> Int? {
        guard let r = d.message.zh.range(of: "约") else { return nil }
        return Int(d.message.zh[r.upperBound...].prefix { $0.isNumber })
    }

    @Test func aThirdCopiedIsNotReported() {
        let found = TestSupport.lintBatch(pair(copied: 0.3), rule: "duplicate-content")
        #expect(found.isEmpty, "\(found.map(\.message.zh))")
    }

    @Test func mostlyCopiedIsReportedWithShareCounterpartAndPassage() throws {
        let files = pair(copied: 0.8)
        let found = BatchFixtures.lint(files, rule: "duplicate-content")
        let d = try #require(found[files[1].name]?.first)
        #expect((65...90).contains(share(d) ?? 0), "\(d.message.zh)")
        #expect(d.message.zh.contains(files[0].name) && d.message.zh.contains("最长的相同段落"))
        #expect(d.related.first?.path == files[0].name)
        // The snippet is text of the report at the place given (Ctrl+F finds it).
        let line = files[1].text.components(separatedBy: "\n")[d.line - 1]
        #expect(line.contains(d.snippet.replacingOccurrences(of: "…", with: "")))
        #expect(d.message.en.contains("About") && d.message.en.contains(files[0].name))
        // Both bodies' reports are reported: which one copied is for the reviewer to find out.
        #expect(found[files[0].name]?.count == 1)
    }

    @Test func halfCopiedIsAtTheLine() throws {
        let found = BatchFixtures.lint(pair(copied: 0.5), rule: "duplicate-content")
        // The share found is near one half (copied sentences are not all of one length); it is reported
        // only when it reaches the line.
        for d in found.values.flatMap({ $0 }) { #expect((50...70).contains(share(d) ?? 0), "\(d.message.zh)") }
        let lower = BatchFixtures.lint(pair(copied: 0.5), rule: "duplicate-content")
        #expect(found.count == lower.count, "deterministic")
    }

    @Test func distinctReportsOfACountyRaiseNothing() {
        let files = (0..<40).map { BatchFixtures.report(body: $0 * 131, year: 2023, own: BatchFixtures.sentences(body: $0 * 131)) }
        let found = TestSupport.lintBatch(files, rule: "duplicate-content")
        #expect(found.isEmpty, "\(found.map { "\($0.path) \($0.message.zh)" })")
    }

    @Test func reportsSharingOnlyBoilerplateNeverReachTheLine() {
        // Standard wording only, with each body's name and figures.
        let standard = (0..<6).map { n -> BatchFixtures.File in
            let (name, _) = SampleBatch.body(n * 53)
            return ("\(name)-2023.txt", BatchExamples.standard(body: name, year: 2023)
                        + "本年度未发生政府信息公开行政复议、行政诉讼情况，均在法定期限内答复。坚持以公开为常态、不公开为例外原则，不断提升政务公开工作质量和水平。")
        }
        #expect(TestSupport.lintBatch(standard, rule: "duplicate-content").isEmpty)
        // The same standard sentences in every report of a county, plus each one's own: learned from the batch.
        let county = (0..<12).map { n -> BatchFixtures.File in
            let shared = ["全面落实政务公开工作要点要求，围绕中心工作做好政策发布、解读和回应，持续推进决策、执行、管理、服务、结果公开。",
                          "健全政府信息公开工作机制，严格落实保密审查和“三审三校”制度，确保公开信息准确规范。"]
            return BatchFixtures.report(body: n * 61, year: 2023, own: shared + BatchFixtures.sentences(body: n * 61, count: 4))
        }
        #expect(TestSupport.lintBatch(county, rule: "duplicate-content").isEmpty)
    }

    @Test func lastYearsOwnReportRepeatedIsReported() throws {
        let own = BatchFixtures.sentences(body: 5)
        let files = [BatchFixtures.report(body: 5, year: 2022, own: own), BatchFixtures.report(body: 5, year: 2023, own: own, seed: 8)]
        let found = BatchFixtures.lint(files, rule: "duplicate-content")
        #expect(found[files[0].name] == nil)
        let d = try #require(found[files[1].name]?.first)
        #expect(d.message.zh.contains("本机关上一年度（2022年）"))
    }

    @Test func theThresholdIsAnOption() {
        var options = DuplicateContentRule.Options()
        options.threshold = 0.25
        let files = pair(copied: 0.3)
        var configuration = Configuration()
        for d in RuleRegistry.descriptors where d.id != "duplicate-content" { configuration.severities[d.id] = .some(nil) }
        configuration.ruleOptions["duplicate-content"] = options
        let rules: [any Rule] = [DuplicateContentRule()]
        let inputs = files.map { Runner.Input.bytes(Array($0.text.utf8), name: $0.name, format: .text) }
        let found = Runner(linter: Linter(configuration: configuration, rules: rules), jobs: 2).run(inputs).files.flatMap(\.diagnostics)
        #expect(!found.isEmpty)
    }
}
