/// Part of `year-mismatch`: plans for the report year itself in the problems-and-improvement part
/// (存在的主要问题及改进情况) — the year copied forward from last year's report. “2023年，本街道将进一步…” in a 2023
/// report is an error (a future marker says it is a plan); measures only dated the report year (“（二）整改措施。
/// …2023年我局加大…力度，一是…”) are a warning: they may describe what was done, a reader must look.
///
/// What the report year's own improvements say (“（一）上年度问题的改进情况。2023年，我局将政务公开纳入考核”: 将 as 把)
/// stays silent.
enum ReportYearPlans {
    /// Words after 将 that make it “will” rather than “把”.
    static let willWords = ["进一步", "继续", "持续", "加大", "加强", "不断", "着力", "深入", "全面", "坚持", "重点", "积极", "切实",
                            "认真", "严格", "围绕", "聚焦", "推动", "推进", "做好", "抓好", "以"].map(\.scalars)
    /// Headings of the measures for next year.
    static let measuresWords = ["整改措施", "改进措施", "下一步", "工作计划", "工作打算", "工作安排"].map(\.scalars)

    static func findings(_ report: Report, year: Int, knowledge: Knowledge) -> [Finding] {
        let problems = knowledge.pack.eras.values.flatMap(\.sections).filter { $0.key == "problems" }
        // Asked for every report-year figure: answered once per section title.
        var answers: [String: Bool] = [:]
        func isProblems(_ title: String?) -> Bool {
            guard let title else { return false }
            if let known = answers[title] { return known }
            let answer = problems.contains { $0.matches(title.withoutBlanks) }
            answers[title] = answer
            return answer
        }
        let plainFuture = knowledge.phrases.futureMarkers.filter { $0 != ["将"] }
        let will: [Unicode.Scalar] = ["将"]
        var findings: [Finding] = []
        for f in report.figures where f.kind == .year && Int(f.value) == year {
            let p = report.paragraphs[f.paragraph]
            guard isProblems(p.sectionTitle) else { continue }
            let s = p.scalars
            if OpeningText.followedByDate(s, f.end) || OpeningText.insideTitleMarks(s, f.start) { continue }
            let following = Array(s[f.end..<min(f.end + 3, s.count)])
            if knowledge.phrases.carryMarkers.contains(where: { following.starts(with: $0) }) { continue }
            let clauseEnd = s[f.end...].firstIndex { $0.endsSentence || $0 == "；" } ?? s.count
            let scope = Array(s[f.end..<clauseEnd])
            var isPlan = plainFuture.contains { scope.firstIndex(of: $0) != nil }
            var from = 0
            while !isPlan, let at = scope.firstIndex(of: will, from: from) {
                isPlan = willWords.contains { scope.has($0, at: at + 1) }
                from = at + 1
            }
            if isPlan {
                findings.append(Finding(span: report.span(f), message: Localized(
                    zh: "工作计划写的是\(year)年，即报告年度本身，疑为沿用上年报告未改（下一年应为\(year + 1)年）",
                    en: "the plan names \(year), the report year itself — probably copied from last year's report (next year is \(year + 1))"),
                    fix: Fix(description: Localized(zh: "改为\(year + 1)年", en: "change to \(year + 1)"),
                             replacement: report.text(f).replacingOccurrences(of: String(year), with: String(year + 1)))))
                continue
            }
            let context = Array(s[..<f.start]) + subsectionTitle(report, before: p).scalars
            guard OpeningText.opensSentence(s, f.start), measuresWords.contains(where: { context.firstIndex(of: $0) != nil }) else { continue }
            findings.append(Finding(span: report.span(f), message: Localized(
                zh: "改进措施写的是报告年度\(year)年：如是下一年的计划，应为\(year + 1)年，请核对",
                en: "the improvement measures are dated \(year), the report year: if they are next year's plans they should say \(year + 1); please check"),
                severity: .warning))
        }
        return findings
    }

    /// The title of the subsection (（一）（二）…) the paragraph stands in, if any.
    static func subsectionTitle(_ report: Report, before p: Paragraph) -> String {
        let line = p.span(0, 0).line
        let subsections = report.sections.flatMap(\.subsections).filter { $0.span.line <= line }
        return subsections.last?.title ?? ""
    }
}
