import Testing
@testable import ReportLint

@Suite("Reading a report")
struct ReaderTests {
    @Test func titleSplitAndSpacedOut() {
        let r = TestSupport.report("社溪镇政府2019年度信息公开年度\n\n报  告\n\n一、概述\n\n正文。")
        #expect(r.title?.text == "社溪镇政府2019年度信息公开年度报告")
        #expect(r.title?.hasBlankLineInside == true)
        #expect(r.title?.spacedOut.count == 1)
        #expect(r.body == "社溪镇政府")
        #expect(r.year?.value == 2019 && r.year?.source == .title)
        #expect(r.era == .y2019)
        #expect(r.level == .town)
    }

    @Test func titleFromPDFTextWithSpacesAndChrome() {
        let r = TestSupport.report("正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n本年度报告根据《条例》编制。")
        #expect(r.title?.text == "2025年上海市人民政府办公厅政府信息公开工作年度报告")
        #expect(r.body == "上海市人民政府办公厅")
        #expect(r.year?.value == 2025)
        #expect(r.title?.spacedOut.isEmpty == true)
    }

    @Test func yearFallsBackToStatisticsPeriodThenOption() {
        let r = TestSupport.report("驼峰路街道办事处政府信息公开工作年度报告\n\n本报告统计期限为2020年1月1日至2020年12月31日。")
        #expect(r.year?.value == 2020 && r.year?.source == .statisticsPeriod)
        let o = TestSupport.report("一、总体情况\n\n无。", year: 2023)
        #expect(o.year?.value == 2023 && o.era == .y2021)
    }

    @Test func outlineVariantsAndNonHeadings() {
        let text = """
        ## 一、总体情况
        （一）主动公开。2023年共主动公开信息5条。
        (二) 依申请公开
        一是加强领导。
        **二．主动公开政府信息情况**
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
        二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0
        """
        let r = TestSupport.report(text, year: 2023)
        #expect(r.sections.map(\.number) == [1, 2, 3])
        #expect(r.sections.map(\.title) == ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"])
        #expect(r.sections[0].subsections.map(\.title) == ["主动公开", "依申请公开"])
        #expect(r.tables.count == 1 && r.tables[0].rows.count == 2)
        #expect(r.tables[0].rows[0].cells.count == 8)
    }

    @Test func figuresInEveryNotation() {
        let r = TestSupport.report("全年共公开信息１２３条，其中工作动态95 件、一百二十条，占 12.5 %；二〇一九年收费3.4万元，1,234条。", year: 2019)
        let counts = r.figures.filter { $0.kind == .count }.map(\.value)
        #expect(counts == [123, 95, 120, 1234])
        #expect(r.figures.contains { $0.kind == .share && $0.value == 12.5 && $0.decimals == 1 })
        #expect(r.figures.contains { $0.kind == .year && $0.value == 2019 && $0.chineseNumeral })
        #expect(r.figures.contains { $0.kind == .amount && $0.unit == "万元" && $0.value == 3.4 })
    }

    @Test func wrappedPDFLinesJoinAndFootersVanish() {
        let text = "一、总体情况\n市政府共受理政府信息公开申请 1295 件，办结 1191 件（含\n— 2 —\n上年结转 189 件），均在法定期限内答复。\n"
        let r = TestSupport.report(text, year: 2025)
        let prose = r.paragraphs.filter { !$0.isHeading }
        #expect(prose.count == 1)
        #expect(prose[0].text.contains("（含上年结转 189 件）"))
        // A figure on the second physical line maps back to that line.
        let carried = r.figures.first { $0.value == 189 }!
        #expect(r.span(carried).line == 3)
    }

    @Test func statisticsPeriodWithBlanksAndOmittedYear() throws {
        let r = TestSupport.report("本年度报告中所列数据统计期限为 2025 年 1 月 1 日至 12 月 31 日。", year: 2025)
        let p = try #require(r.statisticsPeriod)
        #expect(p.start == DateValue(year: 2025, month: 1, day: 1))
        #expect(p.end == DateValue(year: nil, month: 12, day: 31))
    }

    @Test func breakdownAnchors() {
        let seed = TestSupport.report("社溪镇2018年度共主动公开政府信息841条。工作动态426条，占50.65%；公告公示401条，占47.68%；规范性文件14条，占1.67%。", year: 2019)
        #expect(seed.breakdowns.count == 1)
        #expect(seed.breakdowns[0].total?.value == 841)
        #expect(seed.breakdowns[0].parts.map(\.count.value) == [426, 401, 14])
        #expect(seed.breakdowns[0].parts.map(\.label) == ["工作动态", "公告公示", "规范性文件"])
        let nested = TestSupport.report("办结 1191 件（含上年结转 189 件）。其中，予以公开 208 件（17.46%），其他处理 319 件（26.78%，含申请人主动撤回 157 件）。", year: 2025)
        #expect(nested.breakdowns.first?.total?.value == 1191)
        #expect(nested.breakdowns.first?.parts.map(\.count.value) == [208, 319])
    }

    @Test func chineseNumerals() {
        #expect(ChineseNumerals.value(Array("一百二十".unicodeScalars)[...]) == 120)
        #expect(ChineseNumerals.value(Array("十二".unicodeScalars)[...]) == 12)
        #expect(ChineseNumerals.value(Array("二〇一九".unicodeScalars)[...]) == 2019)
        #expect(ChineseNumerals.value(Array("一千零五".unicodeScalars)[...]) == 1005)
        #expect(ChineseNumerals.value(Array("三万二千".unicodeScalars)[...]) == 32000)
    }
}
