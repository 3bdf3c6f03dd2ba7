/// `sum-mismatch`: the parts of a partition stated in prose do not add up to the stated total.
///
/// Only where the wording says the parts make up the whole (分别为; 自然人 + 法人或其他组织; a list of parts
/// each with its share) — a “其中” list that names only some parts stays silent unless its parts exceed the
/// total (a warning: overlapping channels such as 网站/微信 are exempt). A single part larger than its total
/// is an error whatever the wording; a list without 等 that ends with a catch-all (其他信息45条) names every
/// part, so parts that fall short of the total are a warning.
public struct SumMismatchRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "sum-mismatch", severity: .error,
        name: Localized(zh: "分项之和与总数不符", en: "Parts do not add up to the total"),
        summary: Localized(zh: "正文中各分项数量相加不等于所述总数", en: "The parts stated in prose do not add up to the stated total"),
        rationale: Localized(
            zh: "“共…其中…”的分项若覆盖全部总数，其和必须等于总数；不相等说明某个数字写错或漏项。",
            en: "When the parts listed after a total make up the whole, they must add up to it; otherwise a figure is wrong or a part is missing."),
        basis: Localized(zh: "《条例》第五十条；年度报告格式（数据准确）", en: "Regulations Art. 50; report format (accurate figures)"),
        triggering: [
            RuleExample("2021年共收到政府信息公开申请↓16件，其中自然人申请16件，法人或其他组织申请2件，均在法定期限内答复。", year: 2021),
            RuleExample("共主动公开政府信息↓840条。工作动态426条，占50.71%；公告公示401条，占47.74%；规范性文件14条，占1.67%。", year: 2019),
            RuleExample("共主动公开政府信息↓378条，其中通过网站公开400条，通过微信公众号公开120条。", year: 2024),
            RuleExample("全年主动公开信息↓378条，其中政府职能25条，乡村振兴72条，财政预决算2条，其他信息45条。", year: 2024),
        ],
        nonTriggering: [
            RuleExample("2021年共收到政府信息公开申请16件，其中自然人申请14件，法人或其他组织申请2件。", year: 2021),
            RuleExample("全年共发布信息500条，其中政策文件20条，政策解读15条。", year: 2021),
            RuleExample("共主动公开政府信息378条，其中通过网站公开378条，通过微信公众号公开120条。", year: 2024),
            RuleExample("公开政府信息60条，概况信息2篇，公文1篇，政务动态45篇，财政信息3篇等。", year: 2019),
            // Each total with its own parts; parts of a part; counts of the same matter that are no partition.
            RuleExample("行政复议12件，其中维持5件，纠正3件，其他结果2件，尚未审结2件；行政诉讼4件，其中维持1件，纠正1件，其他结果1件，尚未审结1件。", year: 2024),
            RuleExample("共主动公开信息100条，其中机构类信息20条，内有领导成员10条，政策文件50条，其他信息30条。", year: 2024),
            RuleExample("全年受理申请11件，其中网络申请11件，办结8件，结转1件。", year: 2024),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for b in report.breakdowns {
            guard let total = b.total, !b.parts.isEmpty else { continue }
            let sum = b.partsSum
            // One part larger than the whole, in the total's unit: impossible whatever the wording.
            if let part = b.parts.first(where: { $0.count.value > total.value + 0.5 && $0.count.unit == total.unit }) {
                findings.append(Finding(span: report.span(total), message: Localized(
                    zh: "分项“\(part.label)\(NumberText.count(part.count))\(part.count.unit)”大于总数 \(NumberText.count(total))",
                    en: "the part '\(part.label)' (\(NumberText.count(part.count))) is larger than the total \(NumberText.count(total))"),
                    related: [(report.span(part.count), Localized(zh: "分项", en: "part"))]))
                continue
            }
            guard abs(sum - total.value) >= 0.5 else { continue }
            let terms = b.parts.map { NumberText.count($0.count) }.joined(separator: "+")
            let sumText = NumberText.format(sum)
            let related = b.parts.map { (report.span($0.count), Localized(zh: "分项", en: "part")) }
            // A list without 等 that ends with a catch-all (其他…) names every part.
            let complete = !b.openEnded && b.parts.count >= 2 && b.parts.last.map { $0.label.hasPrefix("其他") || $0.label.hasPrefix("其它") } == true
            if complete, !b.claimsExhaustive, sum < total.value {
                findings.append(Finding(span: report.span(total), message: Localized(
                    zh: "各项（以“\(b.parts.last!.label)”收尾，应已列全）合计 \(terms)=\(sumText)，少于总数 \(NumberText.count(total))",
                    en: "the parts, ending with the catch-all '\(b.parts.last!.label)', add up to \(terms) = \(sumText), less than the total \(NumberText.count(total))"),
                    severity: .warning, related: related))
                continue
            }
            if b.claimsExhaustive {
                findings.append(Finding(span: report.span(total), message: Localized(
                    zh: "分项合计 \(terms)=\(sumText)，与总数 \(NumberText.count(total)) 不符",
                    en: "the parts add up to \(terms) = \(sumText), not the total \(NumberText.count(total))"),
                    related: related))
            } else if sum > total.value, !b.openEnded,
                      !b.parts.contains(where: { p in BreakdownReader.channelWords.contains { p.label.contains($0) } }) {
                findings.append(Finding(span: report.span(total), message: Localized(
                    zh: "“其中”各项合计 \(terms)=\(sumText)，超过总数 \(NumberText.count(total))",
                    en: "the parts listed add up to \(terms) = \(sumText), more than the total \(NumberText.count(total))"),
                    severity: .warning, related: related))
            }
        }
        return findings
    }
}
