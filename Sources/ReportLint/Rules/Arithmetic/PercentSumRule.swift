/// `percent-sum`: the shares of one breakdown do not add up to 100% beyond the rounding of their printed
/// digits (a share printed with k decimals may be off by half a unit in the last digit; n shares by n halves).
public struct PercentSumRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "percent-sum", severity: .error,
        name: Localized(zh: "占比合计不为100%", en: "Shares do not sum to 100%"),
        summary: Localized(zh: "同一组分项的占比相加不等于100%（超出四舍五入误差）",
                           en: "The shares of one breakdown do not add up to 100% (beyond rounding)"),
        rationale: Localized(
            zh: "各分项覆盖全部总数时，其占比之和必为100%；超出四舍五入误差说明某个占比或数量算错、抄错。",
            en: "When the parts make up the whole, their shares must add up to 100%; a larger gap than rounding explains means a share or a count is wrong."),
        basis: Localized(zh: "《条例》第五十条；年度报告格式（数据准确）", en: "Regulations Art. 50; report format (accurate figures)"),
        triggering: [
            RuleExample("共主动公开政府信息788条。工作动态308条，占↓46.59%；公告公示411条，占52.16%；政策文件69条，占8.76%。", year: 2020),
            RuleExample("共主动公开政府信息100条，其中工作动态60条（↓60%）、通知公告30条（30%）、政策文件10条（20%）。", year: 2020),
        ],
        nonTriggering: [
            RuleExample("社溪镇2018年度共主动公开政府信息841条。工作动态426条，占50.65%；公告公示401条，占47.68%；规范性文件14条，占1.67%。", year: 2018),
            RuleExample("其中，予以公开及部分公开 208 件（17.46%），不予公开 20 件（1.68%），无法提供 564 件（47.36%），不予处理 80 件（6.72%），其他处理 319 件（26.78%，含申请人主动撤回 157 件）。", year: 2025),
            RuleExample("共主动公开信息300条，其中通过网站公开200条，占66.7%。", year: 2020),
            RuleExample("共主动公开信息3条。工作动态1条，占33.3%；通知公告1条，占33.3%；政策文件1条，占33.3%。", year: 2020),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for b in report.breakdowns {
            let shares = b.parts.compactMap(\.share)
            guard shares.count >= 2, shares.count == b.parts.count else { continue }
            let countsAddUp = b.total.map { abs(b.partsSum - $0.value) < 0.5 } ?? false
            let sum = shares.reduce(0) { $0 + $1.value }
            let tolerance = shares.reduce(1e-9) { $0 + 0.5 * pow10(-$1.decimals) }
            guard abs(sum - 100) > tolerance else { continue }
            // Shares of parts that make up the whole must add up to 100; parts of unknown coverage only
            // when they exceed it.
            guard countsAddUp || b.claimsExhaustive || sum > 100 + tolerance else { continue }
            let decimals = shares.map(\.decimals).max() ?? 0
            let terms = shares.map { NumberText.percent($0) }.joined(separator: "+")
            let total = NumberText.format(sum, decimals: decimals) + "%"
            findings.append(Finding(span: report.span(shares[0]), message: Localized(
                zh: "各分项占比合计 \(terms)=\(total)，不等于100%",
                en: "the shares add up to \(terms) = \(total), not 100%"),
                related: shares.dropFirst().map { (report.span($0), Localized(zh: "同组占比", en: "share in the same breakdown")) }))
        }
        return findings
    }
}

func pow10(_ e: Int) -> Double {
    var r = 1.0
    if e >= 0 { for _ in 0..<e { r *= 10 } } else { for _ in 0..<(-e) { r /= 10 } }
    return r
}
