/// `report-title`: the title is malformed — no year, no body, not “…年政府信息公开工作年度报告”, split over
/// lines with a blank line between, or letter-spaced (“报  告”).
public struct ReportTitleRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "report-title", severity: .warning,
        name: Localized(zh: "标题不规范", en: "Malformed title"),
        summary: Localized(zh: "标题缺年份或机关名称、文种名称不规范、被拆成多行或字间加空格",
                           en: "The title lacks the year or the body, misnames the genre, is split over lines or letter-spaced"),
        rationale: Localized(
            zh: "标题通常为“〈机关名称〉YYYY年政府信息公开工作年度报告”，文种名称与《条例》第四十九、五十条一致；缺年份的标题无法归档比对，拆行和字间空格在网页发布和检索时会出错。",
            en: "The usual title is \"<body> YYYY年政府信息公开工作年度报告\", the genre named as in Regulations Arts. 49–50; a title without a year cannot be filed or compared, and split or letter-spaced titles break on the web and in search."),
        basis: Localized(zh: "《条例》第四十九条、第五十条（文种名称）", en: "Regulations Arts. 49–50 (genre name)"),
        triggering: [
            RuleExample("↓某某镇政府信息公开工作年度报告\n\n一、总体情况"),
            RuleExample("↓某某镇人民政府2019年政务信息公开年度报告\n\n一、总体情况"),
            RuleExample("↓社溪镇政府2019年度信息公开年度\n\n↓报  告\n\n一、概述"),
        ],
        nonTriggering: [
            RuleExample("社溪镇人民政府2019年政府信息公开工作年度报告\n\n一、总体情况"),
            RuleExample("2019年上海市人民政府办公厅政府信息公开工作年度报告\n\n一、总体情况"),
            RuleExample("2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n本年度报告根据《中华人民共和国政府信息公开条例》编制。"),
            // The body on the line above, as PDF titles are set; website chrome above the title.
            RuleExample("         某市某区人民政府\n    2024 年政府信息公开工作年度报告\n\n  一、总体情况"),
            RuleExample("索引号：abc/2025-00001 信息分类：政务公开\n发布机构：某县某镇\n\n某县某镇人民政府2025年政府信息公开工作年度报告\n\n一、总体情况"),
        ],
        corrections: [
            RuleCorrection("某 镇 人 民 政 府 2019 年政府信息公开工作年度报告\n\n一、总体情况",
                           "某镇人民政府 2019 年政府信息公开工作年度报告\n\n一、总体情况"),
            // Only the spaces go: the title split by a blank line is left to a person (which line is the title?).
            RuleCorrection("某镇人民政府2019年政府信息公开工作年度\n\n报  告\n\n一、总体情况",
                           "某镇人民政府2019年政府信息公开工作年度\n\n报告\n\n一、总体情况"),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        guard let title = report.title, let first = title.pieces.first else {
            return [Finding(span: TextSpan(line: 0, start: 0, end: 0), message: Localized(
                zh: "未找到报告标题（应为“〈机关名称〉YYYY年政府信息公开工作年度报告”）",
                en: "no report title found (expected \"<body> YYYY年政府信息公开工作年度报告\")"))]
        }
        var findings: [Finding] = []
        let genre = context.pack.genre.correct
        if TitleReader.year(in: title.text) == nil {
            findings.append(Finding(span: first, message: Localized(
                zh: "标题中没有报告年度（应写明如“2024年”）", en: "the title has no report year (such as 2024年)"), severity: .error))
        }
        if !genre.isEmpty, !title.text.contains(genre) {
            let used = context.pack.genre.knownVariants.first { title.text.contains($0) }
            findings.append(Finding(span: first, message: Localized(
                zh: used.map { "文种名称“\($0)”不规范，应为“\(genre)”" } ?? "标题中没有规范的文种名称“\(genre)”",
                en: used.map { "the genre is named \"\($0)\"; it should be \"\(genre)\"" } ?? "the title does not name the genre \"\(genre)\"")))
        }
        if report.body == nil {
            findings.append(Finding(span: first, message: Localized(
                zh: "标题中没有报告机关名称", en: "the title does not name the reporting body")))
        }
        if title.hasBlankLineInside, let last = title.pieces.last {
            findings.append(Finding(span: last, message: Localized(
                zh: "标题被空行拆成了\(title.pieces.count)段，应写在一处：“\(title.text)”",
                en: "the title is split over \(title.pieces.count) lines with a blank line between; write it in one piece: \(title.text)")))
        }
        for spaced in title.spacedOut {
            let text = report.lines[spaced.line][spaced.start..<spaced.end].string
            findings.append(Finding(span: spaced, message: Localized(
                zh: "标题字间有空格“\(text)”，请删除空格", en: "the title is letter-spaced (\(text)); remove the spaces"),
                fix: Fix(description: Localized(zh: "删除空格", en: "remove the spaces"), replacement: text.withoutBlanks)))
        }
        return findings
    }
}
