/// `required-section`: a top-level section the era's format requires is missing
/// (2019 and 2021 formats: 总体情况 … 其他需要报告的事项, format-spec.md §2.2).
public struct RequiredSectionRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "required-section", severity: .error,
        name: Localized(zh: "缺少必备部分", en: "Required section missing"),
        summary: Localized(zh: "缺少该年度报告格式要求的一级标题部分", en: "A section the report format of the report year requires is missing"),
        rationale: Localized(
            zh: "2019年起的年度报告格式规定了六个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。不得删减。",
            en: "From 2019 the report format prescribes six parts: overview, proactive disclosure, applications received and handled, reconsideration and litigation, problems and improvements, other matters. None may be left out."),
        basis: Localized(zh: "《条例》第五十条；国办公开办函〔2019〕60号、〔2021〕30号", en: "Regulations Art. 50; 国办公开办函〔2019〕60号 and 〔2021〕30号"),
        triggering: [
            RuleExample("某镇2024年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n↓（一）2023年工作中存在问题的改进情况\n\n（二）2024年工作中存在的主要问题\n\n六、其他需要报告的事项\n\n无。"),
            RuleExample("某镇2021年政府信息公开工作年度报告\n\n一、总体情况\n\n↓二、收到和处理政府信息公开申请情况\n\n三、政府信息公开行政复议、行政诉讼情况\n\n四、存在的主要问题及改进情况\n\n五、其他需要报告的事项\n\n无。"),
        ],
        nonTriggering: [
            RuleExample("某镇2021年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n\n无。"),
            RuleExample("某局2016年政府信息公开工作年度报告\n\n一、概述\n\n二、主动公开政府信息情况"),
            // A heading that runs on into its text; a web page copied as one paragraph.
            RuleExample("某镇2024年政府信息公开工作年度报告\n\n一、总体情况 本年度报告根据《中华人民共和国政府信息公开条例》编制，全文包括六个部分。\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n\n无。"),
            RuleExample("某镇2024年政府信息公开工作年度报告\n\n如对本报告有疑问，请与某镇党政办联系（电话：0000-1234567）。 一、总体情况 （一）主动公开情况 全年主动公开政府信息30条。 二、主动公开政府信息情况 见下表。 三、收到和处理政府信息公开申请情况 见下表。 四、政府信息公开行政复议、行政诉讼情况 无。 五、存在的主要问题及改进情况 公开内容不够全面。 六、其他需要报告的事项 无。"),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        guard let era = report.era, let template = context.pack.template(era), !template.sections.isEmpty else { return [] }
        // Without any numbered heading the draft is not structured at all; say so once.
        // The headings by index: a (Section, String) pair found was a copy of the whole section, subsections and all.
        let headings = report.sections.map { $0.title.withoutBlanks }
        var findings: [Finding] = []
        var previousPresent: Int?
        for (k, required) in template.sections.enumerated() {
            if let found = headings.firstIndex(where: { required.matches($0) }) {
                previousPresent = found
                continue
            }
            // Point at the heading that should follow the missing one, else the one before, else the title.
            let later = template.sections[(k + 1)...].lazy.compactMap { t in headings.firstIndex { t.matches($0) } }.first
            let anchor = later.map { report.sections[$0].span } ?? previousPresent.map { report.sections[$0].span }
                ?? report.title?.pieces.first ?? TextSpan(line: 0, start: 0, end: 0)
            let number = ChineseNumerals.numeral(k + 1)
            // The part's content is there, only its heading is not (lost in copying, or left out): a warning, since
            // a reader must look; section-order does not count the skipped number again.
            if let sub = report.headinglessPart(k, of: template), let parent = previousPresent.map({ report.sections[$0] }) {
                findings.append(Finding(span: sub.span, message: Localized(
                    zh: "第\(number)部分“\(required.canonical)”缺少一级标题：其内容“（\(sub.numeral)）\(sub.title)”排在了“\(parent.title)”之下（标题可能在复制或转换时丢失）",
                    en: "section \(k + 1) \"\(required.canonical)\" has no heading of its own: its content (\"\(sub.title)\") stands under \"\(parent.title)\" (the heading may have been lost in copying)"),
                    severity: .warning))
                continue
            }
            findings.append(Finding(span: anchor, message: Localized(
                zh: "缺少第\(number)部分“\(required.canonical)”（\(era.rawValue)年起的报告格式要求）",
                en: "section \(k + 1) \"\(required.canonical)\" is missing (required by the \(era.rawValue) report format)")))
        }
        return findings
    }
}
