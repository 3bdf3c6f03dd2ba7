/// `statistics-period`: the stated statistics period is not 1 January – 31 December of the report year,
/// or not a valid date range (“2022年1月1日至2022年11月31日”).
public struct StatisticsPeriodRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "statistics-period", severity: .error,
        name: Localized(zh: "统计期限有误", en: "Statistics period"),
        summary: Localized(zh: "统计期限不是报告年度的1月1日至12月31日，或日期本身无效",
                           en: "The statistics period is not 1 Jan – 31 Dec of the report year, or not a valid date range"),
        rationale: Localized(
            zh: "年度报告报告的是上一年度的情况，统计期限应为报告年度1月1日至12月31日；不存在的日期（如11月31日）说明数据口径写错。",
            en: "The report covers the previous calendar year, so the statistics period is 1 January to 31 December of the report year; an impossible date (such as 31 November) shows the period was mistyped."),
        basis: Localized(zh: "《条例》第四十九条“上一年度”", en: "Regulations Art. 49, \"the previous year\""),
        triggering: [
            RuleExample("本报告中所列数据的统计期限为2022年1月1日至↓2022年11月31日。", year: 2022),
            RuleExample("数据统计期限为2019年1月1日至↓2019年6月30日。", year: 2019),
            RuleExample("本报告统计期限为↓2019年3月1日至2019年12月31日。", year: 2019),
            RuleExample("本报告起止时间为↓202011日至↓20201231日。", year: 2020),
        ],
        nonTriggering: [
            RuleExample("本报告中所列数据的统计期限为2022年1月1日至2022年12月31日。", year: 2022),
            RuleExample("本年度报告中所列数据统计期限为 2025 年 1 月 1 日至 12 月 31 日。", year: 2025),
            RuleExample("本报告所列数据统计期限从2025年1月1日至2025年12月31日止。", year: 2025),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        guard let p = report.statisticsPeriod else { return [] }
        var findings: [Finding] = []
        // A date that lost its marks (shared with `date-format`, which leaves the period to this rule).
        for (defect, span) in p.garbled {
            let missing = if case .lostMarks(let marks) = defect { marks } else { "" }
            let written = report.lines[span.line][span.start..<span.end].string
            findings.append(Finding(span: span, message: Localized(
                zh: "统计期限的日期“\(written)”残缺（缺“\(missing)”）", en: "the statistics period's date '\(written)' lost its marks (\(missing))")))
        }
        if !findings.isEmpty { return findings }
        let endYear = p.end.year ?? p.start.year
        let end = DateValue(year: endYear, month: p.end.month, day: p.end.day)
        for (date, span) in [(p.start, p.startSpan), (end, p.endSpan)] where !date.isValid {
            findings.append(Finding(span: span, message: Localized(
                zh: "“\(date.description)”不是有效日期", en: "\(date.description) is not a valid date")))
        }
        if !findings.isEmpty { return findings }
        if p.start.month != 1 || p.start.day != 1 {
            findings.append(Finding(span: p.startSpan, message: Localized(
                zh: "统计期限应从1月1日开始，此处为\(p.start.description)",
                en: "the statistics period should start on 1 January, not \(p.start.month)-\(p.start.day)")))
        }
        if end.month != 12 || end.day != 31 {
            findings.append(Finding(span: p.endSpan, message: Localized(
                zh: "统计期限应到12月31日结束，此处为\(end.description)",
                en: "the statistics period should end on 31 December, not \(end.month)-\(end.day)")))
        }
        if let s = p.start.year, let e = endYear, s != e {
            findings.append(Finding(span: p.span, message: Localized(
                zh: "统计期限跨越\(s)年至\(e)年，应为一个自然年",
                en: "the statistics period runs from \(s) to \(e); it should be one calendar year")))
        }
        return findings
    }
}
