/// `section-order`: top-level sections out of order, skipped or repeated numbers (一、二、四…), or the
/// format's sections in another order than the format's.
public struct SectionOrderRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "section-order", severity: .error,
        name: Localized(zh: "标题序号或顺序错误", en: "Section numbering or order"),
        summary: Localized(zh: "一级标题序号跳号、重号，或各部分顺序与格式不一致",
                           en: "Top-level section numbers skip or repeat, or the parts are out of the format's order"),
        rationale: Localized(
            zh: "序号跳号或重号通常是删改段落后未重新编号；格式规定的六个部分应按固定顺序排列，便于汇总比对。",
            en: "Skipped or repeated numbers usually mean a part was deleted or moved without renumbering; the six parts of the format come in a fixed order so reports can be compared."),
        basis: Localized(zh: "国办公开办函〔2021〕30号 年度报告格式", en: "Report format, 国办公开办函〔2021〕30号"),
        triggering: [
            RuleExample("某镇人民政府2024年政府信息公开工作年度报告\n\n↓二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况"),
            RuleExample("一、总体情况\n\n↓三、主动公开政府信息情况\n\n四、收到和处理政府信息公开申请情况", year: 2024),
            RuleExample("一、总体情况\n\n二、主动公开政府信息情况\n\n↓二、收到和处理政府信息公开申请情况", year: 2024),
            RuleExample("一、总体情况\n\n二、收到和处理政府信息公开申请情况\n\n↓三、主动公开政府信息情况", year: 2024),
        ],
        nonTriggering: [
            RuleExample("一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况", year: 2024),
            RuleExample("一、总体情况\n\n（一）主动公开\n\n（二）依申请公开\n\n二、主动公开政府信息情况", year: 2024),
            // 五 lost its heading but its content is there: required-section says so once; no jump counted here.
            RuleExample("一、总体情况\n\n二、主动公开政府信息情况\n\n三、收到和处理政府信息公开申请情况\n\n四、政府信息公开行政复议、行政诉讼情况\n\n（一）2024年工作中存在问题的改进情况\n\n本年度加强培训。\n\n（二）2025年工作中存在的主要问题\n\n宣传不够。\n\n六、其他需要报告的事项\n\n无。", year: 2025),
            RuleExample("本报告由某局编制。 一、总体情况 （一）主动公开情况 全年主动公开信息30条。 二、主动公开政府信息情况 见下表。\n\n三、收到和处理政府信息公开申请情况", year: 2024),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var expected = 1
        let template = report.era.flatMap { context.pack.template($0) }
        for section in report.sections {
            // A jump over parts whose content stands headingless under the part before is required-section's one
            // finding (the heading is missing, not the number wrong).
            let skippedAreHeadingless = section.level == 1 && section.number > expected && template.map { t in
                (expected..<section.number).allSatisfy { report.headinglessPart($0 - 1, of: t) != nil }
            } ?? false
            if section.number != expected, !skippedAreHeadingless {
                let wanted = ChineseNumerals.numeral(expected)
                let message = expected == 1
                    ? Localized(zh: "第一个一级标题的序号是“\(section.numeral)”，应从“一”开始",
                                en: "the first section is numbered \(section.number); numbering should start at 1")
                    : section.number < expected
                    ? Localized(zh: "标题序号“\(section.numeral)”重复或倒退，此处应为“\(wanted)”",
                                en: "section number \(section.number) repeats or goes back; expected \(expected)")
                    : Localized(zh: "标题序号从“\(ChineseNumerals.numeral(expected - 1))”跳到“\(section.numeral)”，此处应为“\(wanted)”",
                                en: "section numbers jump from \(expected - 1) to \(section.number); expected \(expected)")
                findings.append(Finding(span: section.span, message: message,
                                        fix: Fix(description: Localized(zh: "改为“\(wanted)”", en: "renumber as \(expected)"),
                                                 replacement: wanted + report.lines[section.span.line][(section.span.start + section.numeral.unicodeScalars.count)..<section.span.end].string)))
            }
            expected = max(expected, section.number + 1)
        }
        // The format's parts in the format's order.
        guard let era = report.era, let template = context.pack.template(era), !template.sections.isEmpty else { return findings }
        var lastIndex = -1
        var lastTitle = ""
        for section in report.sections {
            let compact = section.title.withoutBlanks
            guard let index = template.sections.firstIndex(where: { $0.matches(compact) }) else { continue }
            if index < lastIndex, !findings.contains(where: { $0.span == section.span }) {
                findings.append(Finding(span: section.span, message: Localized(
                    zh: "“\(section.title)”应排在“\(lastTitle)”之前（年度报告格式的顺序）",
                    en: "\"\(section.title)\" should come before \"\(lastTitle)\" (the report format's order)")))
            }
            if index > lastIndex { lastIndex = index; lastTitle = section.title }
        }
        return findings
    }
}
