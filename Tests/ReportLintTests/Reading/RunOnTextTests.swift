import Testing
@testable import ReportLint

/// Issue 11 points 6–10 at the reader and in both languages: headings inside a line, wrapped text, sums scoped
/// to their clause, years in names and plans, stocks. Fragments are made up in the shape of real reports.
@Suite("Run-on text as real reports have it")
struct RunOnTextTests {
    @Test func headingThatRunsOnKeepsItsTextAsProse() {
        let r = TestSupport.report("一、总体情况 2024年，我局共主动公开政府信息120条。\n二、主动公开政府信息情况（一）规章", year: 2024)
        #expect(r.sections.map(\.title) == ["总体情况", "主动公开政府信息情况"])
        let prose = r.paragraphs.filter { !$0.isHeading }
        #expect(prose.first?.text == "2024年，我局共主动公开政府信息120条。")
        #expect(prose.first?.sectionNumber == 1)
        #expect(r.figures.contains { $0.kind == .count && $0.value == 120 })
        // A flattened table row is not a heading that runs on.
        #expect(HeadingParser.parse("一、本年新收政府信息公开申请数量 24 0 0 0 0 0 24".scalars) == nil)
        // Nor is a letter-spaced title cut.
        #expect(HeadingParser.parse("一、总 体 情 况".scalars)?.title == "总 体 情 况")
    }

    @Test func webPageCopiedAsOneParagraph() {
        let line = "本报告由某镇编制，联系电话：1234567。 一、总体情况 （一）主动公开情况 全年公开信息30条。 二、主动公开政府信息情况 见下表。二、三月份集中公开。"
        let r = TestSupport.report(line, year: 2024)
        #expect(r.sections.map(\.number) == [1, 2], "“。二、三月份…” names no part and stays prose")
        #expect(r.sections.allSatisfy { $0.span.line == 0 })
        #expect(r.paragraphs.first?.text == "本报告由某镇编制，联系电话：1234567。")
        #expect(r.paragraphs.contains { !$0.isHeading && $0.sectionNumber == 1 && $0.text.contains("全年公开信息30条") })
    }

    @Test func breakdownsScopedToTheirClause() {
        let r = TestSupport.report("行政复议12件，其中维持5件，纠正3件，其他结果2件，尚未审结2件；行政诉讼4件，其中维持1件，纠正1件，其他结果1件，尚未审结1件。", year: 2024)
        #expect(r.breakdowns.map { $0.total?.value } == [12, 4])
        #expect(r.breakdowns.map(\.partsSum) == [12, 4])
        let nested = TestSupport.report("共主动公开信息100条，其中机构类信息20条，内有领导成员10条、内设机构10条，政策文件50条，其他信息30条。", year: 2024)
        #expect(nested.breakdowns.first?.parts.map(\.count.value) == [20, 50, 30])
        let status = TestSupport.report("全年受理申请11件，其中网络申请11件，办结8件，结转1件。", year: 2024)
        #expect(status.breakdowns.first?.parts.map(\.count.value) == [11])
    }

    @Test func plansForTheReportYearInBothLanguages() {
        let text = "五、存在的主要问题及改进情况\n\n2023年，本街道将进一步加强政府信息公开工作。\n\n（二）整改措施。2023年我局加大政务公开力度，一是完善制度。"
        let found = TestSupport.lint(text, year: 2023, rule: "year-mismatch")
        #expect(found.map(\.severity) == [.error, .warning])
        #expect(found.first?.message.zh == "工作计划写的是2023年，即报告年度本身，疑为沿用上年报告未改（下一年应为2024年）")
        #expect(found.first?.message.en == "the plan names 2023, the report year itself — probably copied from last year's report (next year is 2024)")
        #expect(found.first?.fix?.replacement == "2024年")
        #expect(found.last?.message.zh.contains("改进措施写的是报告年度2023年") == true)
        #expect(found.last?.message.en.contains("the improvement measures are dated 2023") == true)
        // The same sentences outside the problems part, or naming next year, are silent.
        #expect(TestSupport.lint("一、总体情况\n\n2023年，本街道将政务公开纳入考核。", year: 2023, rule: "year-mismatch").isEmpty)
        #expect(TestSupport.lint("五、存在的主要问题及改进情况\n\n2024年，本街道将进一步加强政府信息公开工作。", year: 2023, rule: "year-mismatch").isEmpty)
    }

    @Test func lostPartHeadingInBothLanguages() {
        let text = "某镇2024年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n（一）2023年工作中存在问题的改进情况\n\n六、其他需要报告的事项"
        let found = TestSupport.lint(text, rule: "required-section")
        #expect(found.count == 1 && found.first?.line == 11)
        #expect(found.first?.message.zh == "第五部分“存在的主要问题及改进情况”缺少一级标题：其内容“（一）2023年工作中存在问题的改进情况”排在了“政府信息公开行政复议、行政诉讼情况”之下（标题可能在复制或转换时丢失）")
        #expect(found.first?.severity == .warning, "the content is there: a reader must look, not an error")
        // One finding for one lost heading: section-order does not also count the jump from 四 to 六.
        #expect(TestSupport.lint(text, rule: "section-order").isEmpty)
        // Numbering that starts past 一 is said as such (not “from 零 to 二”).
        let late = TestSupport.lint("某镇人民政府2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况", rule: "section-order")
        #expect(late.first?.message.zh == "第一个一级标题的序号是“二”，应从“一”开始")
        #expect(late.first?.message.en == "the first section is numbered 2; numbering should start at 1")
        #expect(found.first?.message.en.hasPrefix("section 5 \"存在的主要问题及改进情况\" has no heading of its own") == true)
        // 总体情况's own subsections (（一）主动公开情况…) are the format's, not a lost part.
        let overview = "某镇2024年政府信息公开工作年度报告\n\n一、总体情况\n\n（一）主动公开情况\n\n（二）依申请公开情况\n\n三、收到和处理政府信息公开申请情况"
        let missing = TestSupport.lint(overview, rule: "required-section")
        #expect(missing.first?.message.zh.hasPrefix("缺少第二部分") == true)
    }

    @Test func wrapsAreLinesOfTextNotParagraphsOfAPage() {
        // Text and PDF lines wrap by width: a pair split over two lines is balanced.
        #expect(TestSupport.lint("按照《\n中华人民共和国政府信息公开条例》要求编制。", year: 2024, rule: "punctuation").isEmpty)
        // In a web page or Word file a line is a paragraph: a pair split over two paragraphs is not.
        let page = "<html><body><p>按照《</p><p>中华人民共和国政府信息公开条例》要求编制。</p></body></html>"
        let found = TestSupport.lint(page, year: 2024, rule: "punctuation", path: "page.html")
        #expect(found.count == 2, "\(found.map(\.message.zh))")
    }

    @Test func websiteChromeIsNotProse() {
        let text = "号: abc/2025-00011 信息分类: 政务公开\n发文日期: 2026-01-16\n\n某镇2025年政府信息公开工作年度报告\n\n注:本报告由某镇编制。\n\n一、总体情况"
        let r = TestSupport.report(text)
        #expect(r.paragraphs.map(\.text) == ["注:本报告由某镇编制。", "一、总体情况"])
        #expect(TestSupport.lint(text, rule: "punctuation").map(\.line) == [6])
    }

    @Test func stocksAreNotPublications() {
        let text = "某某镇人民政府2025年政府信息公开工作年度报告\n\n累计汇聚数据8232万条。全年共主动公开政府信息984000条。"
        let found = TestSupport.lint(text, rule: "count-plausibility")
        #expect(found.count == 1 && found.first?.snippet.contains("984000") == true)
    }
}
