/// `report-year`: the report year could not be settled — the title has none, and the statistics period, the
/// opening text and the page's publication date name different years, or the only hint is weak. No year is
/// set then (a wrong year makes every year check fire on correct sentences), so this note says why the year
/// checks were skipped and how to give the year (`--year`).
public struct ReportYearRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "report-year", severity: .note,
        name: Localized(zh: "报告年度无法确定", en: "Report year uncertain"),
        summary: Localized(zh: "标题无年份，统计期限、正文开头、发布日期所示年份不一致或证据不足，未认定报告年度",
                           en: "The title has no year, and the statistics period, opening text and publication date disagree or are weak evidence"),
        rationale: Localized(
            zh: "报告年度决定适用的报告格式和全部年份检查。标题缺年份时，只能从统计期限、开头文字、发布日期推断；几处不一致时任取其一都可能错判，故不认定年度，并提示补写标题年份或用 --year 指定。",
            en: "The report year decides the format and every year check. Without a year in the title it can only be inferred from the statistics period, the opening text or the publication date; when these disagree any choice may be wrong, so no year is set and the title's year (or --year) is asked for."),
        basis: Localized(zh: "《条例》第四十九条、第五十条；年度报告格式（标题、统计期限）",
                         en: "Regulations Arts. 49–50; report format (title, statistics period)"),
        triggering: [
            RuleExample("某镇政府信息公开工作年度报告\n\n本报告统计期限为↓2019年1月1日至2019年12月31日。\n\n一、总体情况\n\n2020年，我镇认真贯彻《条例》。"),
            RuleExample("某街道政府信息公开工作年度报告\n\n↓发布时间：2021-08-30 浏览次数：12\n\n一、总体情况\n\n我街道认真贯彻《条例》。"),
        ],
        nonTriggering: [
            RuleExample("某镇2019年政府信息公开工作年度报告\n\n本报告统计期限为2018年1月1日至2018年12月31日。"),
            RuleExample("某镇政府信息公开工作年度报告\n\n本报告统计期限为2019年1月1日至2019年12月31日。\n\n一、总体情况\n\n2019年，我镇认真贯彻《条例》。"),
            RuleExample("某街道政府信息公开工作年度报告\n\n发布时间：2021-01-20 浏览次数：12\n\n一、总体情况\n\n2020年，我街道认真贯彻《条例》。"),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        guard report.year == nil, let u = report.yearUncertainty, let first = u.candidates.first else { return [] }
        let span = u.candidates.lazy.compactMap(\.span).first ?? report.title?.pieces.first ?? TextSpan(line: 0, start: 0, end: 0)
        let advice = Localized(zh: "依年份的检查未进行，请在标题中写明年度或用 --year 指定",
                               en: "the year checks were skipped; put the year in the title or pass --year")
        if u.weakOnly {
            return [Finding(span: span, message: Localized(
                zh: "标题没有年份，仅能据\(Self.name(first.source).zh)推测报告年度为\(first.value)年，证据不足，未采用；\(advice.zh)",
                en: "the title has no year; only the \(Self.name(first.source).en) suggests \(first.value), which is too weak to use; \(advice.en)"))]
        }
        // Grouped by source, in the order found: “统计期限为2022年，正文开头为2021年、2022年”.
        var sources: [ReportYear.Source] = []
        for c in u.candidates where !sources.contains(c.source) { sources.append(c.source) }
        let years = { (source: ReportYear.Source) in u.candidates.filter { $0.source == source }.map(\.value) }
        let zh = sources.map { s in "\(Self.name(s).zh)为" + years(s).map { "\($0)年" }.joined(separator: "、") }.joined(separator: "，")
        let en = sources.map { s in "\(Self.name(s).en) " + years(s).map(String.init).joined(separator: " and ") }.joined(separator: ", ")
        return [Finding(span: span, message: Localized(
            zh: "无法确定报告年度：标题没有年份，\(zh)，互不一致；\(advice.zh)",
            en: "the report year is uncertain: the title has none, and the hints disagree (\(en)); \(advice.en)"))]
    }

    static func name(_ source: ReportYear.Source) -> Localized {
        switch source {
        case .title: Localized(zh: "标题", en: "title")
        case .statisticsPeriod: Localized(zh: "统计期限", en: "statistics period")
        case .openingText: Localized(zh: "正文开头", en: "opening text")
        case .publicationDate: Localized(zh: "发布日期", en: "publication date")
        case .fileName: Localized(zh: "文件名", en: "file name")
        case .option: Localized(zh: "--year", en: "--year")
        }
    }
}
