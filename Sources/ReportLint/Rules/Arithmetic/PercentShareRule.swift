/// `percent-share`: a share does not match count ÷ total beyond the rounding of its printed digits.
public struct PercentShareRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "percent-share", severity: .error,
        name: Localized(zh: "占比与数量不符", en: "Share does not match count"),
        summary: Localized(zh: "某分项的占比不等于其数量除以总数（超出四舍五入误差）",
                           en: "A share does not equal its count divided by the total (beyond rounding)"),
        rationale: Localized(
            zh: "占比应由数量除以总数算出。偏差超过末位半个单位，说明占比算错或与其他分项对调；偏差在一个单位以内多为截断而非四舍五入，作为警告。",
            en: "A share is the count divided by the total. A gap beyond half a unit of the last printed digit means a miscalculated or swapped share; within one unit it is usually truncation instead of rounding, reported as a warning."),
        basis: Localized(zh: "《条例》第五十条；年度报告格式（数据准确）", en: "Regulations Art. 50; report format (accurate figures)"),
        triggering: [
            RuleExample("共主动公开政府信息1349条。公告公示300条，占↓66.27%；工作动态894条，占↓22.24%；政策文件155条，占11.49%。", year: 2022),
            RuleExample("共主动公开政府信息3条。工作动态2条，占↓66.66%；通知公告1条，占33.33%。", year: 2022),
            // A near miss in the last printed digit (13÷1046 = 1.24%): a warning.
            RuleExample("共收到政府信息公开申请1046件，其中自然人申请1033件，占比98.8%；法人或其他组织申请13件，占比↓1.3%。", year: 2022),
        ],
        nonTriggering: [
            RuleExample("共主动公开政府信息841条。工作动态426条，占50.65%；公告公示401条，占47.68%；规范性文件14条，占1.67%。", year: 2019),
            RuleExample("办结 1191 件（含上年结转 189 件）。其中，予以公开及部分公开 208 件（17.46%），不予公开 20 件（1.68%），无法提供 564 件（47.36%），不予处理 80 件（6.72%），其他处理 319 件（26.78%）。", year: 2025),
            RuleExample("共收到申请20件，较上年增长25%，其中自然人申请15件，法人或其他组织申请5件。", year: 2022),
            RuleExample("共收到政府信息公开申请1046件，其中自然人申请1033件，占比98.8%；法人或其他组织申请13件，占比1.2%。", year: 2022),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for b in report.breakdowns {
            guard let total = b.total, total.value > 0 else { continue }
            // Shares that add up to exactly 100 were rounded and then adjusted so (the largest-remainder
            // practice); within one unit of the last digit that is not a mistake.
            let shares = b.parts.compactMap(\.share)
            let adjustedTo100 = shares.count == b.parts.count && abs(shares.reduce(0) { $0 + $1.value } - 100) < 1e-6
            for part in b.parts {
                guard let share = part.share else { continue }
                let expected = part.count.value / total.value * 100
                let unit = pow10(-share.decimals)
                let gap = abs(share.value - expected)
                guard gap > unit / 2 + 1e-9, !(adjustedTo100 && gap <= unit + 1e-9) else { continue }
                let expectedText = NumberText.format(expected, decimals: share.decimals) + "%"
                let counted = "\(NumberText.count(part.count))÷\(NumberText.count(total))"
                findings.append(Finding(span: report.span(share), message: Localized(
                    zh: "“\(part.label)\(report.text(part.count))”的占比应为 \(counted)=\(expectedText)，文中为 \(NumberText.percent(share))",
                    en: "the share of \(report.text(part.count)) should be \(counted) = \(expectedText), not \(NumberText.percent(share))"),
                    severity: gap > unit + 1e-9 ? nil : .warning,
                    related: [(report.span(total), Localized(zh: "总数", en: "the total"))]))
            }
        }
        return findings
    }
}
