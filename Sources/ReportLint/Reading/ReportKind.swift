/// Whether a document is an annual report on open government information at all — or a README, a notice, a
/// meeting record that happens to sit among the drafts. Only then do the report rules apply: a README
/// judged as a report collects a dozen false errors (no title, no sections, no tables).
extension Report {
    /// A report — or a fragment of one pasted in — has a title, a report year (found, hinted at, or given
    /// with `--year`), a statutory table, a count, share or year, or speaks of one of the report’s own matters.
    /// Only a document with none of these is taken for something else.
    public var looksLikeAnnualReport: Bool {
        if title != nil || year != nil || yearUncertainty != nil || !statutoryTables.isEmpty { return true }
        if figures.contains(where: { $0.kind == .count || $0.kind == .share || $0.kind == .year }) { return true }
        return paragraphs.contains { p in Self.reportMatters.contains { p.text.contains($0) } }
    }

    static let reportMatters = ["政府信息公开", "信息公开", "主动公开", "依申请", "年度报告", "公开条例", "政务公开", "行政复议", "行政诉讼"]
}
