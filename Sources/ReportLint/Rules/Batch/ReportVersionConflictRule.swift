import Foundation

/// `report-version-conflict`: two files of the batch are the same body's report for the same year, and they
/// differ — in the statutory tables' figures or in the wording. Assessments deduct for a report “changed after
/// publication”, and a county office must know which version is the one. The same report in two formats (a
/// Word draft and its PDF) with the same wording and figures is not reported.
public struct ReportVersionConflictRule: StampedCollectingRule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "report-version-conflict", severity: .warning,
        name: Localized(zh: "同一年度报告有不同版本", en: "Two versions of one year's report"),
        summary: Localized(zh: "同一机关同一年度的报告在批次中出现两份，且数据或文字不同",
                           en: "The batch holds two reports of one body for one year, and their figures or wording differ"),
        rationale: Localized(
            zh: "一个机关每年只发布一份年度报告。同一年度出现内容不同的两份，说明报告发布后被修改过，或送审的不是定稿；考核评估对“发布后修改”扣分。请确认以哪一份为准，并删除另一份。同一份报告的Word和PDF两种格式（文字和数据相同）不报告。",
            en: "A body publishes one annual report a year. Two differing reports for one year mean the report was changed after publication, or the draft sent is not the final one; assessments deduct for changes after publication. Decide which one stands and remove the other. The same report in two formats (same wording and figures) is not reported."),
        basis: Localized(zh: "《条例》第四十九条（每年1月31日前公布本机关上一年度报告）", en: "Regulations Art. 49 (a body publishes its report on the previous year by 31 January)"),
        triggering: [
            RuleExample("↓" + BatchExamples.table2(title: "社溪镇人民政府2023年政府信息公开工作年度报告", issued: 2, repealed: 1, inForce: "11"), name: "社溪镇-2023.txt",
                        batch: [("社溪镇政府-2023-修改稿.txt", BatchExamples.table2(title: "社溪镇政府2023年政府信息公开工作年度报告", issued: 2, repealed: 0, inForce: "12"))]),
        ],
        nonTriggering: [
            RuleExample(BatchExamples.table2(title: "社溪镇人民政府2023年政府信息公开工作年度报告", issued: 2, repealed: 1, inForce: "11"), name: "社溪镇-2023.txt",
                        batch: [("社溪镇-2023.md", BatchExamples.table2(title: "社溪镇人民政府2023年政府信息公开工作年度报告", issued: 2, repealed: 1, inForce: "11"))]),
            RuleExample(BatchExamples.table2(title: "社溪镇人民政府2023年政府信息公开工作年度报告", issued: 2, repealed: 1, inForce: "11"), name: "社溪镇-2023.txt",
                        batch: [("社溪镇-2022.txt", BatchExamples.table2(title: "社溪镇人民政府2022年政府信息公开工作年度报告", issued: 2, repealed: 0, inForce: "10"))]),
        ])

    public struct Facts: Codable, Sendable, Stamped {
        public var stamp: ReportStamp
        /// A hash of the wording (Han characters and letters of the prose, in order).
        var wording: UInt64
        /// A hash of every statutory table figure, in the definitions' order.
        var figures: UInt64
    }

    public func facts(of report: Report, stamp: ReportStamp, _ context: RuleContext) -> Facts? {
        guard stamp.year != nil, stamp.identity != nil else { return nil }
        // Hashed as they come (`StreamHash`): gathering every letter of the report first cost more than hashing it.
        var wording = NarrativeSketch.StreamHash()
        for p in report.paragraphs {
            // Letters only (Han or other scripts).
            for u in p.scalars where u.isHan || NarrativeSketch.isLetter(u) {
                wording.add(u.value)
            }
        }
        var figures = NarrativeSketch.StreamHash()
        for definition in context.pack.statutoryTables {
            guard let table = report.statutoryTable(definition.kind) else { figures.add(0xFFFF_FFFF); continue }
            let labels = context.knowledge.tableLabels(definition.kind)  // the reader's keys: `figures` knows them at once
            for v in table.figures(rows: labels?.rowKeys ?? definition.rows.map(\.key), columns: labels?.columnKeys ?? definition.columns.map(\.key)) {
                figures.add(v.map { UInt32(truncatingIfNeeded: Int64($0 * 100)) } ?? 0xFFFF_FFFE)
            }
        }
        return Facts(stamp: stamp, wording: wording.value, figures: figures.value)
    }

    public func check(_ entries: [CollectedFacts<Facts>], _ context: RuleContext) -> [Finding] {
        let index = BatchIndex(entries)
        var findings: [Finding] = []
        for group in index.repeatedGroups {
            for i in group.entries {
                let me = entries[i].facts
                let others = group.entries.filter { $0 != i && (entries[$0].facts.figures != me.figures || entries[$0].facts.wording != me.wording) }
                guard let first = others.first else { continue }
                let figuresDiffer = entries[first].facts.figures != me.figures
                let names = others.map { BatchText.file(entries[$0].path) }.joined(separator: "、")
                findings.append(Finding(
                    location: me.stamp.location(entries[i].path),
                    message: Localized(
                        zh: "批次中还有\(group.year)年度同一机关的另一份报告 \(names)，两者\(figuresDiffer ? "统计表数据" : "文字")不同：请确认以哪一份为准",
                        en: "The batch has another \(group.year) report of the same body, \(names), whose \(figuresDiffer ? "table figures" : "wording") differ: decide which one stands"),
                    related: others.map { j in
                        Finding.Related(entries[j].facts.stamp.location(entries[j].path),
                                        message: Localized(zh: "另一份：\(BatchText.file(entries[j].path))", en: "the other version: \(BatchText.file(entries[j].path))"))
                    }))
            }
        }
        return findings
    }
}
