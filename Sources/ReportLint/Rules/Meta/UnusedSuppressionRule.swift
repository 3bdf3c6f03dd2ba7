/// `unused-suppression`: a suppression comment that silences nothing, or names a rule that does not exist —
/// left behind after the text was fixed, or mistyped. Reported by the filter stage (`SuppressionFilter`),
/// which alone knows what the comments silenced; as a rule it is in the catalogue, configurable and
/// explained like any other.
public struct UnusedSuppressionRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "unused-suppression", severity: .note,
        name: Localized(zh: "多余的抑制注释", en: "Unused suppression"),
        summary: Localized(zh: "抑制注释没有抑制任何问题，或写了不存在的规则", en: "A suppression comment that silences nothing, or names an unknown rule"),
        rationale: Localized(
            zh: "问题改正后留下的抑制注释会让以后真正的问题被漏掉；写错的规则名则什么也抑制不了。",
            en: "A comment left after the text was fixed would hide a real problem later; a mistyped rule id silences nothing."),
        basis: Localized(zh: "xxgk-lint 用法（行内抑制）", en: "xxgk-lint usage (inline suppression)"),
        triggering: [
            RuleExample("↓<!-- xxgk-lint-disable-next-line -->\n全年共主动公开政府信息10条。"),
            RuleExample("↓<!-- xxgk-lint-disable-file punctuaton -->\n全年共主动公开政府信息10条。"),
        ],
        nonTriggering: [
            RuleExample("<!-- xxgk-lint-disable-next-line punctuation -->\n全年共主动公开,政府信息10条。"),
            RuleExample("全年共主动公开政府信息10条。"),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] { [] }

    static func unused(_ rules: [String]) -> Localized {
        rules.isEmpty
            ? Localized(zh: "这条抑制注释没有抑制任何问题，可以删除", en: "this suppression silences nothing; remove it")
            : Localized(zh: "这条抑制注释没有抑制任何问题（\(rules.joined(separator: "、"))），可以删除",
                        en: "this suppression silences nothing (\(rules.joined(separator: ", "))); remove it")
    }

    static func unknown(_ id: String, suggestion: String?) -> Localized {
        guard let suggestion else {
            return Localized(zh: "抑制注释中的规则“\(id)”不存在", en: "the suppression names an unknown rule '\(id)'")
        }
        return Localized(zh: "抑制注释中的规则“\(id)”不存在，是否想写“\(suggestion)”？",
                         en: "the suppression names an unknown rule '\(id)'; did you mean '\(suggestion)'?")
    }
}
