import Foundation

/// `year-mismatch`: a figure or period attributed to a year other than the report year — the copied-from-
/// last-year mistake (“2018年度共主动公开政府信息841条” in a 2019 report); the statistics period's year
/// differing from the title's; next-year plans naming a past year.
///
/// Legitimate mentions of other years stay silent: comparisons (较2018年增长15%), carried-over applications
/// (2018年结转的申请), cumulative figures (截至2018年底), and sentences that state the report year's figure
/// beside last year's.
public struct YearMismatchRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "year-mismatch", severity: .error,
        name: Localized(zh: "年份不符", en: "Year mismatch"),
        summary: Localized(zh: "正文把数据或工作归于报告年度以外的年份", en: "A figure or period is attributed to a year other than the report year"),
        rationale: Localized(
            zh: "年度报告常由上年报告修改而成，漏改的年份会让全年数据归错年度。统计数据应属于报告年度（统计期限为报告年度1月1日至12月31日），下年度工作计划应写下一年。",
            en: "Reports are often edited from last year's; a year left unchanged attributes the whole year's figures to the wrong year. Statistics belong to the report year (1 Jan – 31 Dec), plans to the next year."),
        basis: Localized(zh: "《条例》第五十条；年度报告格式“统计期限”", en: "Regulations Art. 50; report format, statistics period"),
        triggering: [
            RuleExample("社溪镇2019年度政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n社溪镇↓2018年度共主动公开政府信息841条。"),
            RuleExample("（一）主动公开。↓2021年度，我街道通过政府门户网站共主动公开政府信息419条。", year: 2022),
            RuleExample("某县2020年政府信息公开工作年度报告\n\n本报告统计期限为↓2019年1月1日至2019年12月31日。"),
            RuleExample("↓2018年，我局将进一步加强政府信息公开工作。", year: 2019),
            // Plans for the report year itself in the problems part: copied forward (error), or only dated so (warning).
            RuleExample("五、存在的主要问题及改进情况\n\n↓2023年，本街道将进一步加强政府信息公开工作。", year: 2023),
            RuleExample("五、存在的主要问题及改进情况\n\n（二）整改措施。↓2023年我局加大政务公开力度，一是完善制度，二是加强培训。", year: 2023),
        ],
        nonTriggering: [
            RuleExample("2019年共收到政府信息公开申请12件，较2018年增长15%。", year: 2019),
            RuleExample("办理2018年结转的申请2件。", year: 2019),
            RuleExample("截至2018年底，现行有效规范性文件共52件。", year: 2019),
            RuleExample("2019年共主动公开信息500条，2018年共主动公开信息420条。", year: 2019),
            RuleExample("2020年，我镇将进一步加强政府信息公开工作。", year: 2019),
            RuleExample("对照2018年年度报告中提出的问题，逐项整改。", year: 2019),
            RuleExample("本报告统计期限为2019年1月1日至2019年12月31日。", year: 2019),
            // Years inside names; last year's accounts; measures for next year.
            RuleExample("公开2023年某市科技计划资金分配结果等信息共15条。", year: 2024),
            RuleExample("2023年度部门决算公开共1份。", year: 2024),
            RuleExample("学习《某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》，发布解读共3篇。", year: 2024),
            RuleExample("五、存在的主要问题及改进情况\n\n（一）上年度问题的改进情况。2023年，我局将政务公开纳入年度考核。\n\n（二）改进措施。2024年，我局将进一步加强政务公开工作。", year: 2023),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        guard let year = report.year?.value else { return [] }
        var findings: [Finding] = []
        let phrases = context.knowledge.phrases
        let comparison = phrases.comparisonMarkers + Self.comparisonWords
        let carry = phrases.carryMarkers
        let future = phrases.futureMarkers
        let verbs = phrases.statVerbs + Self.verbWords

        // The statistics period in another year than the title's.
        if let period = report.statisticsPeriod, let periodYear = period.start.year, report.year?.source == .title,
           periodYear != year {
            findings.append(Finding(span: period.startSpan, message: Localized(
                zh: "统计期限写的是\(periodYear)年，与标题中的报告年度\(year)年不符",
                en: "the statistics period is in \(periodYear), but the title's report year is \(year)")))
        }

        // Only the paragraphs with a year other than the report's are looked at: most have none, and grouping every
        // figure of the report by paragraph cost more than the check itself.
        let otherYears = Set(report.figures.lazy.filter { $0.kind == .year && Int($0.value) != year }.map(\.paragraph))
        let figuresByParagraph = otherYears.isEmpty ? [:]
            : Dictionary(grouping: report.figures.filter { otherYears.contains($0.paragraph) }, by: \.paragraph)
        for (index, figures) in figuresByParagraph {
            let s = report.paragraphs[index].scalars
            let sorted = figures.sorted { $0.start < $1.start }
            for f in sorted where f.kind == .year && Int(f.value) != year {
                let y = Int(f.value)
                // A date (2019年1月1日) belongs to the statistics period check.
                var after = f.end
                while after < s.count, s[after].isBlank { after += 1 }
                if after < s.count, s[after].isDigitLike { continue }
                let clauseStart = clauseStart(s, before: f.start)
                let sentenceEnd = s[f.end...].firstIndex(where: { $0.endsSentence }) ?? s.count
                let nextYear = sorted.first { $0.kind == .year && $0.start > f.start }?.start ?? s.count
                let scopeEnd = min(sentenceEnd, nextYear)
                let before = Array(s[clauseStart..<f.start])
                if comparison.contains(where: { before.contains($0) }) { continue }
                // “2018年结转”, “2018年以来”, “2018年年度报告”, “2018年底”.
                let following = Array(s[f.end..<min(f.end + 4, s.count)])
                if carry.contains(where: { following.starts(with: $0) || following.contains($0) }) { continue }
                if following.starts(with: ["年"]) || following.starts(with: Self.report) { continue }
                let scope = Array(s[f.end..<scopeEnd])
                // A year inside a name is no period: 《…二〇三五年远景目标纲要》, “2023年某市科技计划资金分配结果”,
                // “2023年度部门决算” (publishing last year's accounts is normal).
                if OpeningText.insideTitleMarks(s, f.start) || Self.namesDocument(scope, verbs: verbs, figures: sorted, from: f.end) { continue }
                let isPlan = future.contains { scope.contains($0) }
                if isPlan {
                    if y < year {
                        findings.append(Finding(span: report.span(f), message: Localized(
                            zh: "工作计划写的是\(y)年，而报告年度是\(year)年（下一年应为\(year + 1)年）",
                            en: "the plan names \(y), but the report year is \(year) (next year is \(year + 1))")))
                    }
                    continue
                }
                let statesCount = sorted.contains { $0.kind == .count && $0.start > f.end && $0.start < scopeEnd }
                let hasVerb = verbs.contains { scope.contains($0) }
                guard statesCount && hasVerb else { continue }
                // A sentence comparing both years states the report year's own figure too.
                let sentenceStart = s[..<f.start].lastIndex(where: { $0.endsSentence }).map { $0 + 1 } ?? 0
                let sentenceYears = sorted.filter { $0.kind == .year && $0.start >= sentenceStart && $0.start < sentenceEnd }
                if sentenceYears.contains(where: { Int($0.value) == year }) { continue }
                findings.append(Finding(span: report.span(f), message: Localized(
                    zh: "报告年度为\(year)年，此处却写“\(report.text(f))”的统计数据，疑为沿用往年报告未改",
                    en: "the report year is \(year), but this states figures for \(y) — probably copied from an earlier report"),
                    fix: Fix(description: Localized(zh: "改为\(year)年", en: "change to \(year)"),
                             replacement: report.text(f).replacingOccurrences(of: String(y), with: String(year)))))
            }
        }
        return findings + ReportYearPlans.findings(report, year: year, knowledge: context.knowledge)
    }

    /// Words that end the name of a document or list (决算, 结果, 纲要…).
    static let documentWords = ["决算", "预算", "结果", "纲要", "规划", "方案", "要点", "名单", "目录", "清单", "通知", "意见",
                                "办法", "细则", "公告", "公示", "指南", "项目"].map(\.scalars)

    /// Whether the words after a year name a document before any verb or count: “2023年度部门决算公开1份”.
    static func namesDocument(_ scope: [Unicode.Scalar], verbs: [[Unicode.Scalar]], figures: [Figure], from offset: Int) -> Bool {
        var end = scope.count
        for v in verbs { if let at = scope.firstIndex(of: v) { end = min(end, at) } }
        if let count = figures.first(where: { $0.kind == .count && $0.start >= offset }) { end = min(end, count.start - offset) }
        guard end > 0 else { return false }
        return documentWords.contains { scope.firstIndex(of: $0, from: 0, to: end) != nil }
    }

    /// Words besides the pack's markers, as scalars once.
    private static let comparisonWords = ["与", "自", "从", "截至", "截止", "对照", "根据", "按照", "依据", "针对", "回顾", "整改"].map(\.scalars)
    private static let verbWords = ["共"].map(\.scalars)
    private static let report = "报告".scalars

    private func clauseStart(_ s: [Unicode.Scalar], before i: Int) -> Int {
        var j = i
        while j > 0, !s[j - 1].separatesClause { j -= 1 }
        return j
    }
}
