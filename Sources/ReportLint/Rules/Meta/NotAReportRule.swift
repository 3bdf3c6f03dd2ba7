/// `not-a-report`: the file is not an annual report on open government information (a README, a notice), so
/// no report rule is run on it — a note instead of a dozen false errors.
public struct NotAReportRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "not-a-report", severity: .note,
        name: Localized(zh: "不是年度报告", en: "Not an annual report"),
        summary: Localized(zh: "文件不像政府信息公开工作年度报告，未做报告检查", en: "The file does not look like an annual report; report rules were not run"),
        rationale: Localized(
            zh: "草稿文件夹里常有说明文件、通知等其他文档；按年度报告检查它们只会得到一串无意义的错误。文件既无报告标题、年度、法定表格，也几乎不谈信息公开事项时，只给出此提示。",
            en: "Drafts folders hold READMEs, notices and other documents; judged as reports they would get a dozen meaningless errors. A file with no report title, no year, no statutory table and hardly a word on open government information gets this note instead."),
        basis: Localized(zh: "《中华人民共和国政府信息公开条例》第五十条（年度报告的内容）", en: "Regulations on Open Government Information, Art. 50 (what the report contains)"),
        triggering: [
            RuleExample("↓# 文稿仓库说明\n\n提交前请先运行检查，再请办公室审核。"),
        ],
        nonTriggering: [
            RuleExample("某镇人民政府2023年政府信息公开工作年度报告\n\n本报告根据条例编制。"),
            RuleExample("本年度主动公开政府信息120条，收到依申请公开3件。"),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        guard !report.looksLikeAnnualReport else { return [] }
        let first = report.firstTextLine(in: report.lines.indices) ?? 0
        let length = first < report.lines.count ? report.lines[first].count : 0
        return [Finding(span: TextSpan(line: first, start: 0, end: max(length, 1)), message: Localized(
            zh: "此文件不像政府信息公开工作年度报告（没有报告标题、年度或法定表格），未按年度报告检查",
            en: "this file does not look like an annual report on open government information (no report title, year or statutory table); report rules were not run"))]
    }
}
