/// `ambiguous-body`: the report names its body in a way the batch cannot tie to one body — “太平镇人民政府”
/// when the batch has both 鹤庆县太平镇 and 宾川县太平镇. The year-on-year rules leave such a report out rather
/// than guess; this note says so, and what would settle it.
public struct AmbiguousBodyRule: StampedCollectingRule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "ambiguous-body", severity: .note,
        name: Localized(zh: "无法确定报告机关", en: "Reporting body ambiguous in the batch"),
        summary: Localized(zh: "报告机关名称在同批次中可能指两个以上机关（如“太平镇”而批次中有两个县的太平镇），跨年度比对已跳过",
                           en: "The body's name could be more than one body of the batch (太平镇 where two counties have one); year-on-year checks skip the report"),
        rationale: Localized(
            zh: "跨年度比对要先确定两份报告出自同一机关。名称省略了县名、而批次中有同名的乡镇或部门时，无法确定是哪一个，宁可不比对也不猜测。在标题中写全机关名称（含县名）即可。",
            en: "Year-on-year checks must know two reports are of one body. A name without its county, where the batch has bodies of that name in two counties, cannot be tied to one: the report is not compared rather than guessed at. Give the body's full name (with the county) in the title."),
        basis: Localized(zh: "年度报告格式（标题写明机关全称）", en: "Report format (the title gives the body's full name)"),
        triggering: [
            RuleExample("↓太平镇人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开政府信息120条。", name: "太平镇-2023.txt",
                        batch: [("鹤庆县太平镇-2022.txt", "鹤庆县太平镇人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开政府信息100条。"),
                                ("宾川县太平镇-2022.txt", "宾川县太平镇人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开政府信息90条。")]),
        ],
        nonTriggering: [
            RuleExample("太平镇人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开政府信息120条。", name: "太平镇-2023.txt",
                        batch: [("鹤庆县太平镇-2022.txt", "鹤庆县太平镇人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开政府信息100条。")]),
            RuleExample("鹤庆县太平镇人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开政府信息120条。", name: "太平镇-2023.txt",
                        batch: [("宾川县太平镇-2022.txt", "宾川县太平镇人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开政府信息90条。")]),
        ])

    public struct Facts: Codable, Sendable, Stamped {
        public var stamp: ReportStamp
    }

    public func facts(of report: Report, stamp: ReportStamp, _ context: RuleContext) -> Facts? {
        guard stamp.identity != nil else { return nil }
        return Facts(stamp: stamp)
    }

    public func check(_ entries: [CollectedFacts<Facts>], _ context: RuleContext) -> [Finding] {
        let identities = entries.compactMap { $0.facts.stamp.identity }
        let resolver = entries.first?.batch?.resolver(identities) ?? BodyIdentity.Resolver(identities)
        var findings: [Finding] = []
        for e in entries {
            guard let identity = e.facts.stamp.identity, resolver.isAmbiguous(identity), let candidates = resolver.ambiguous[identity.key] else { continue }
            let zh = candidates.map { "“\($0)”" }.joined(separator: "、"), en = candidates.joined(separator: ", ")
            let named = e.facts.stamp.body ?? identity.key
            findings.append(Finding(
                location: e.facts.stamp.location(e.path),
                message: Localized(
                    zh: "报告机关“\(named)”在本批次中可能是\(zh)，无法确定是哪一个，跨年度比对已跳过；请在标题中写全机关名称",
                    en: "The body '\(named)' could be any of \(en) in this batch; year-on-year checks skip this report — give the body's full name in the title")))
        }
        return findings
    }
}
