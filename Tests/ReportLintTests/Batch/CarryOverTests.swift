import Foundation
import Testing
@testable import ReportLint

/// Year against year: generated series of one body's reports.
@Suite("Carry-over and copied tables")
struct CarryOverTests {
    @Test func aConsistentSeriesRaisesNothing() {
        // Three bodies, four years each, carry-overs and documents in force agreeing.
        let files = (0..<3).flatMap { BatchFixtures.series(body: $0 * 977, years: 2021...2024) }
        let found = TestSupport.lintBatch(files).filter { ["carry-over-mismatch", "identical-tables", "duplicate-content",
                                                           "report-version-conflict", "ambiguous-body", "peer-outlier"].contains($0.ruleID) }
        #expect(found.isEmpty, "\(found.map { "\($0.path) \($0.message.zh)" })")
        // Nor does any other rule raise an error on them: they are correct reports.
        let errors = TestSupport.lintBatch(files).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { "\($0.path):\($0.line) \($0.ruleID) \($0.message.zh)" }.prefix(5))")
    }

    @Test("a changed carry-over is reported in its column, naming both files and values", arguments: 0..<6)
    func inconsistentColumn(_ column: Int) throws {
        var files = BatchFixtures.series(body: 42, years: 2022...2023)
        // Raise this year's 二、上年结转 in one applicant column (and its total, as a clerk would).
        var lines = files[1].text.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.hasPrefix("二、上年结转") })
        var cells = lines[at].components(separatedBy: "\t")
        cells[1 + column] = String(Int(cells[1 + column])! + 3)
        cells[7] = String(Int(cells[7])! + 3)
        lines[at] = cells.joined(separator: "\t")
        files[1].text = lines.joined(separator: "\n")
        let found = BatchFixtures.lint(files, rule: "carry-over-mismatch")
        #expect(found[files[0].name] == nil, "last year's report is not the one at fault")
        let d = try #require(found[files[1].name]?.first)
        let columnName = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"][column]
        #expect(d.severity == .error)
        #expect(d.message.zh.contains("“\(columnName)”列") && d.message.zh.contains("“总计”列"), "\(d.message.zh)")
        #expect(d.message.zh.contains(files[0].name))
        #expect(d.line == at + 1 && d.column == cells[0..<(1 + column)].joined(separator: "\t").unicodeScalars.count + 2)
        #expect(d.related.count == 2 && d.related.allSatisfy { $0.path == files[0].name })
        #expect(d.message.en.contains("carried forward"))
    }

    @Test func documentsInForceThatDoNotRollForwardAreAWarning() throws {
        var files = BatchFixtures.series(body: 7, years: 2022...2023)
        var lines = files[1].text.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.hasPrefix("行政规范性文件\t") })
        var cells = lines[at].components(separatedBy: "\t")
        cells[3] = String(Int(cells[3])! + 5)
        lines[at] = cells.joined(separator: "\t")
        files[1].text = lines.joined(separator: "\n")
        let d = try #require(BatchFixtures.lint(files, rule: "carry-over-mismatch")[files[1].name]?.first)
        #expect(d.severity == .warning && d.message.zh.contains("现行有效件数为\(cells[3])"))
    }

    @Test("tables copied from last year are reported", arguments: [9, 10, 11, 12] as [UInt64])
    func tablesCopiedFromLastYear(_ seed: UInt64) throws {
        var files = BatchFixtures.series(body: 11, years: 2022...2023, seed: seed)
        // This year's tables replaced by last year's (the narrative is this year's own).
        let tables = { (text: String) in text.components(separatedBy: "\n").filter { $0.contains("\t") } }
        var now = files[1].text
        for (new, old) in zip(tables(files[1].text), tables(files[0].text)) { now = now.replacingOccurrences(of: new, with: old) }
        files[1].text = now
        let found = BatchFixtures.lint(files, rule: "identical-tables")
        // Reported when the tables have figures enough to tell a copy from chance (and they do for most seeds).
        let facts = IdenticalTablesRule().facts(of: TestSupport.report(files[1].text), RuleContext(pack: .builtIn))
        let telling = try #require(facts).nonZero >= IdenticalTablesRule.minimumNonZero
        #expect((found[files[1].name]?.count ?? 0) == (telling ? 1 : 0))
        // Seed 9 gives a quiet body (too few figures to tell); the others give figures enough.
        #expect(telling == (seed != 9))
        #expect(found[files[0].name] == nil)
        // Last year's 结转 is then this year's 上年结转 only by chance: carry-over may fire too, never the reverse file.
        #expect(BatchFixtures.lint(files, rule: "carry-over-mismatch")[files[0].name] == nil)
    }
}
