/// `superseded-format`: the draft follows an older era's structure than its report year requires —
/// typically a 2019-or-later report still laid out by the 2007 Regulations' Art. 32 items (概述, 依申请公开
/// 政府信息和不予公开政府信息情况, 收费及减免情况, separate 行政复议 and 行政诉讼 parts, no statutory tables).
public struct SupersededFormatRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "superseded-format", severity: .error,
        name: Localized(zh: "沿用旧版报告格式", en: "Superseded report format"),
        summary: Localized(zh: "报告年度要求新格式，草稿却沿用旧格式的结构", en: "The draft follows an older format than its report year requires"),
        rationale: Localized(
            zh: "2019年修订的《条例》施行后，年度报告须按国办统一格式编写（2019、2020年度用试行格式，2021年度起用〔2021〕30号格式），包括六个部分和三张统计表。照搬2019年前的结构（概述、收费及减免情况等）说明报告由旧稿改成，未按现行格式。",
            en: "Since the 2019 revision of the Regulations, reports follow the national format (the trial format for 2019–2020, the 〔2021〕30号 format from 2021) with six parts and three statistical tables. A pre-2019 layout (概述, fees and waivers, …) shows an old report was reused."),
        basis: Localized(zh: "《条例》第五十条；国办公开办函〔2019〕60号、〔2021〕30号", en: "Regulations Art. 50; 国办公开办函〔2019〕60号 and 〔2021〕30号"),
        triggering: [
            RuleExample("某局2025年政府信息公开工作年度报告\n\n↓一、概述\n\n二、主动公开政府信息情况\n\n三、依申请公开政府信息和不予公开政府信息情况\n\n四、政府信息公开的收费及减免情况"),
        ],
        nonTriggering: [
            RuleExample("某局2016年政府信息公开工作年度报告\n\n一、概述\n\n二、主动公开政府信息情况\n\n三、依申请公开政府信息和不予公开政府信息情况\n\n四、政府信息公开的收费及减免情况"),
            RuleExample("某镇2021年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况"),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        guard let era = report.era, era != .y2008, let year = report.year?.value else { return [] }
        var signals: [(Section, String)] = []
        for section in report.sections {
            let compact = section.title.withoutBlanks
            if let old = context.pack.oldFormatHeadings.first(where: { compact.contains($0.phrase) }) {
                signals.append((section, old.why))
            }
        }
        // Reconsideration and litigation as two separate parts is the old layout too.
        // The first such part and whether the other stands (filtered lists copied every section they kept).
        let review = report.sections.first { $0.title.contains("行政复议") && !$0.title.contains("行政诉讼") }
        let litigation = report.sections.contains { $0.title.contains("行政诉讼") && !$0.title.contains("行政复议") }
        if let r = review, litigation, !signals.contains(where: { $0.0.span == r.span }) {
            signals.append((r, "行政复议、行政诉讼分列两部分"))
        }
        // One old heading in an otherwise current draft is a naming slip; two or more is the old structure.
        guard signals.count >= 2, let first = signals.min(by: { $0.0.span < $1.0.span }) else { return [] }
        let formatName = context.pack.template(era)?.formatName ?? era.rawValue
        var whys: [String] = []
        for (_, why) in signals where !whys.contains(why) { whys.append(why) }
        return [Finding(span: first.0.span, message: Localized(
            zh: "\(year)年度报告应采用\(formatName)，但草稿沿用2019年前的旧结构（\(whys.joined(separator: "；"))）",
            en: "a \(year) report must follow the \(era.rawValue) national format, but the draft keeps the pre-2019 structure (\(signals.count) old-format headings)"),
            related: signals.dropFirst().map { ($0.0.span, Localized(zh: "旧格式标题", en: "old-format heading")) })]
    }
}
