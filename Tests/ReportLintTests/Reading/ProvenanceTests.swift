import Foundation
import Testing
@testable import ReportLint

/// Issue 11 point 5: the title, body and year as a reviewer finds them, and where each came from.
/// Fragments are made up in the shape of real reports.
@Suite("Title, body and year provenance")
struct ProvenanceTests {
    @Test func titleInTwoLinesBodyAbove() {
        let r = TestSupport.report("         某市某区人民政府\n    2024 年政府信息公开工作年度报告\n\n  本报告由某区人民政府办公室编制。\n  一、总体情况\n")
        #expect(r.title?.text == "某市某区人民政府2024年政府信息公开工作年度报告")
        #expect(r.body == "某市某区人民政府" && r.bodySource == .title)
        #expect(r.year?.value == 2024 && r.year?.source == .title)
        #expect(r.level == .countyGovernment)
        #expect(!TestSupport.lint("某市某区人民政府\n2024年政府信息公开工作年度报告\n\n一、总体情况\n", rule: "report-title")
            .contains { $0.message.zh.contains("机关名称") })
    }

    @Test func websiteChromeIsNeverTheTitle() {
        let text = "索引号：abc/2025-00001 信息分类：政务公开\n发布机构：某县某镇\n称：某县某镇人民政府2025年政府信息公开工作年度报告\n\n某县某镇人民政府2025年政府信息公开工作年度报告\n\n一、总体情况\n"
        let r = TestSupport.report(text)
        #expect(r.title?.pieces.first?.line == 4)
        #expect(r.body == "某县某镇人民政府")
        let chrome = TestSupport.report("您当前所在位置：首页 > 政务公开 > 年度报告\n选择特殊符号\n\n一、总体情况\n\n无。")
        #expect(chrome.title == nil)
    }

    @Test func yearFromEachSourceInTurn() {
        let period = TestSupport.report("政府政务公开年报\n\n本报告统计期限自2019年1月1日起至2019年12月31日止。\n\n一、总体情况\n")
        #expect(period.year?.value == 2019 && period.year?.source == .statisticsPeriod)
        #expect(period.body == nil, "政府 alone is no body")
        let named = TestSupport.report("现公布某市某区某街道2020年政府信息公开工作年度报告。\n\n一、总体情况\n\n街道认真贯彻《条例》。")
        #expect(named.year?.value == 2020 && named.year?.source == .openingText)
        #expect(named.body == "某市某区某街道" && named.bodySource == .openingText)
        let compiled = TestSupport.report("本报告由某县某镇人民政府根据《条例》编制。\n\n一、总体情况\n", year: 2024)
        #expect(compiled.body == "某县某镇人民政府" && compiled.bodySource == .openingText)
        let leading = TestSupport.report("一、总体情况\n\n2020年，我街道认真贯彻《条例》，学习《某区2035年远景目标纲要》。\n\n2020年度我街道未收到申请。")
        #expect(leading.year?.value == 2020 && leading.year?.source == .openingText)
        let published = TestSupport.report("发布时间：2021-01-18 来源：某街道 浏览次数：-\n\n一、总体情况\n\n我街道认真贯彻《条例》。")
        #expect(published.year?.value == 2020 && published.year?.source == .publicationDate)
        let file = ReportReader().read(TestSupport.document("一、总体情况\n\n无。", path: "某县某镇人民政府-2023.txt"))
        #expect(file.year?.value == 2023 && file.year?.source == .fileName)
        #expect(file.body == "某县某镇人民政府" && file.bodySource == .fileName)
        // A year in a file name of Latin letters may be anything (a template's format, a date): weak evidence.
        let template = ReportReader().read(TestSupport.document("一、总体情况\n\n无。", path: "official-template-2021-blank.txt"))
        #expect(template.year == nil && template.yearUncertainty?.weakOnly == true)
    }

    @Test func webPageMetadata() {
        let page = #"<html><head><meta name="PubDate" content="2024-01-22"></head><body><div class="meta">发布机构：某县教育局 发布日期：2024-01-22</div><div class="article"><p>一、总体情况</p><p>我局认真贯彻《条例》，做好政务公开工作。</p></div></body></html>"#
        let r = ReportReader().read(TestSupport.document(page, path: "page.html"))
        #expect(r.year?.value == 2023 && r.year?.source == .publicationDate)
        #expect(r.body == "某县教育局" && r.bodySource == .publisher)
    }

    @Test func disagreementOrWeakEvidenceSetsNoYear() {
        let clash = TestSupport.report("某镇政府信息公开工作年度报告\n\n本报告统计期限为2019年1月1日至2019年12月31日。\n\n一、总体情况\n\n2020年，我镇认真贯彻《条例》。")
        #expect(clash.year == nil)
        #expect(clash.yearUncertainty?.candidates.map(\.value) == [2019, 2020])
        let weak = TestSupport.report("发布时间：2021-08-30 浏览次数：3\n\n一、总体情况\n\n我街道认真贯彻《条例》。")
        #expect(weak.year == nil && weak.yearUncertainty?.weakOnly == true)
        // The note, in both languages; --year settles it.
        let text = "某镇政府信息公开工作年度报告\n\n本报告统计期限为2019年1月1日至2019年12月31日。\n\n一、总体情况\n\n2020年，我镇认真贯彻《条例》。"
        let notes = TestSupport.lint(text, rule: "report-year")
        #expect(notes.count == 1 && notes.first?.severity == .note)
        #expect(notes.first?.message.zh.contains("统计期限为2019年，正文开头为2020年") == true)
        #expect(notes.first?.message.en.contains("statistics period 2019, opening text 2020") == true)
        let weakNote = TestSupport.lint("发布时间：2021-08-30 浏览次数：3\n\n一、总体情况\n\n无。", rule: "report-year")
        #expect(weakNote.first?.message.zh.contains("证据不足") == true)
        #expect(weakNote.first?.message.en.contains("too weak") == true)
        #expect(TestSupport.lint(text, year: 2019, rule: "report-year").isEmpty)
        let twice = TestSupport.lint("某镇政府信息公开工作年度报告\n\n统计期限为2022年1月1日至2022年12月31日。\n\n一、总体情况\n\n2021年度，我镇共公开信息9条。2022年未收到申请。", rule: "report-year")
        #expect(twice.first?.message.zh.contains("统计期限为2022年，正文开头为2021年、2022年，互不一致") == true)
        #expect(twice.first?.message.en.contains("statistics period 2022, opening text 2021 and 2022") == true)
    }

    @Test func jsonSaysWhereYearAndBodyCameFrom() {
        let report = TestSupport.report("政府政务公开年报\n\n本报告统计期限自2023年1月1日起至2023年12月31日止。\n")
        let file = LintResults.File(path: "a.txt", report: Runner.summary(report, []), diagnostics: [])
        var out: [UInt8] = []
        JSONReporter(options: ReporterOptions()).file(file, after: LintTotals(), into: &out)
        let json = String(decoding: out, as: UTF8.self)
        #expect(json.contains(#""year": 2023"#) && json.contains(#""yearSource": "statistics-period""#))
        #expect(json.contains(#""body": null"#) && json.contains(#""bodySource": null"#))
    }

    /// Every real excerpt whose text shows its year: found, and never wrong (the header above `---` is not text).
    @Test(.enabled(if: TestSupport.hasShared, "../shared/corpus is not beside the repository"))
    func excerptYears() throws {
        let folder = TestSupport.shared.appendingPathComponent("corpus/real/excerpts")
        var found = 0
        for n in 1...20 {
            let path = folder.appendingPathComponent(String(format: "r%03d.txt", n)).path
            var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            let rule = try #require(lines.firstIndex(of: "---"))
            let header = lines[0..<rule].first { $0.hasPrefix("report_year:") } ?? ""
            let truth = Int(header.dropFirst("report_year:".count).trimmingCharacters(in: .whitespaces))
            for i in 0...rule { lines[i] = "" }
            let report = ReportReader().read(TestSupport.document(lines.joined(separator: "\n"), path: path))
            if let truth {
                #expect(report.year?.value == truth, "r\(n): found \(String(describing: report.year)), header \(truth)")
                if report.year?.value == truth { found += 1 }
            } else {
                #expect(report.year == nil, "r\(n): no year is visible, yet \(String(describing: report.year))")
            }
        }
        #expect(found == 18)
    }
}
