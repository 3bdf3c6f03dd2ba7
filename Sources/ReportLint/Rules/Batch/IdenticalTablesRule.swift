/// `identical-tables`: every cell of 表三 and 表四 equal to the same body's report of the year before, and not all
/// zero — the figures copied forward rather than counted. Tables with few applications repeat by chance (nine
/// applications, eight granted, one in part, two years running), so it takes figures enough to say so: at least
/// `minimumNonZero` cells that are not zero and not totals.
public struct IdenticalTablesRule: StampedCollectingRule {
    public init() {}

    static let minimumNonZero = 5
    /// Rows and columns of totals, left out of the count of figures (a short list: compared, not hashed).
    static let totals = ["total", "outcomeTotal", "results", "denied", "unable", "notProcessed"]
    /// A cell without a figure, in `Facts.cells`.
    static let none = -7  // −0.007: no table cell says that

    public static let descriptor = RuleDescriptor(
        id: "identical-tables", severity: .warning,
        name: Localized(zh: "统计表与上年完全相同", en: "Tables identical to last year's"),
        summary: Localized(zh: "表三、表四每个单元格都与本机关上一年度报告相同（且不全为0），疑似照搬上年数据",
                           en: "Every cell of Tables 3 and 4 equals the body's report of last year (and not all are zero): the figures look copied forward"),
        rationale: Localized(
            zh: "依申请公开和复议诉讼的数量逐年变化，两年的表三、表四逐格相同极少见，多为套用上年报告未更新数据。全为0的表格两年相同是正常的，不报告。",
            en: "Applications, reviews and suits change from year to year; two years with Tables 3 and 4 identical cell for cell are rare and usually mean last year's report was reused without updating the figures. All-zero tables may well repeat and are not reported."),
        basis: Localized(zh: "《条例》第五十条（年度报告应包括本年度的统计数据）；年度报告格式 表三、表四",
                         en: "Regulations Art. 50 (the report gives the year's statistics); report format, Tables 3 and 4"),
        triggering: [
            RuleExample(BatchExamples.tables(title: "社溪镇人民政府2023年政府信息公开工作年度报告", figures: [12, 2, 11, 1]).replacingOccurrences(of: "一、本年新收", with: "↓一、本年新收"),
                        name: "社溪镇-2023.txt",
                        batch: [("社溪镇-2022.txt", BatchExamples.tables(title: "社溪镇人民政府2022年政府信息公开工作年度报告", figures: [12, 2, 11, 1]))]),
        ],
        nonTriggering: [
            RuleExample(BatchExamples.tables(title: "社溪镇人民政府2023年政府信息公开工作年度报告", figures: [12, 3, 14, 1]), name: "社溪镇-2023.txt",
                        batch: [("社溪镇-2022.txt", BatchExamples.tables(title: "社溪镇人民政府2022年政府信息公开工作年度报告", figures: [12, 2, 11, 1]))]),
            RuleExample(BatchExamples.tables(title: "社溪镇人民政府2023年政府信息公开工作年度报告", figures: [0, 0, 0, 0]), name: "社溪镇-2023.txt",
                        batch: [("社溪镇-2022.txt", BatchExamples.tables(title: "社溪镇人民政府2022年政府信息公开工作年度报告", figures: [0, 0, 0, 0]))]),
            // One application a year, granted: the same tables by chance.
            RuleExample(BatchExamples.tables(title: "社溪镇人民政府2023年政府信息公开工作年度报告", figures: [1, 0, 1, 0]), name: "社溪镇-2023.txt",
                        batch: [("社溪镇-2022.txt", BatchExamples.tables(title: "社溪镇人民政府2022年政府信息公开工作年度报告", figures: [1, 0, 1, 0]))]),
        ])

    public struct Facts: Codable, Sendable, Stamped {
        public var stamp: ReportStamp
        /// 表三 then 表四, every cell of the definitions in order, in thousandths (`IdenticalTablesRule.none`: no
        /// figure).
        var cells: PackedIntegers
        /// Cells that are not zero, totals left out (the 总计 column, （七）总计, group rows).
        var nonZero: Int
        /// The first row of 表三, where the finding stands.
        var at: TextSpan
        var atText: String
    }

    public func facts(of report: Report, stamp: ReportStamp, _ context: RuleContext) -> Facts? {
        guard stamp.year != nil, stamp.identity != nil,
              let t3 = report.statutoryTable(.table3), let t4 = report.statutoryTable(.table4),
              let l3 = context.knowledge.tableLabels(.table3), let l4 = context.knowledge.tableLabels(.table4) else { return nil }
        var cells: [Int] = [], nonZero = 0
        cells.reserveCapacity(l3.rowKeys.count * l3.columnKeys.count + l4.rowKeys.count * l4.columnKeys.count)
        Self.keep(t3, l3, Self.totals(l3), &cells, &nonZero)
        Self.keep(t4, l4, Self.totals(l4), &cells, &nonZero)
        let first = t3.rowLabel("new") ?? TextSpan(line: t3.lines.lowerBound, start: 0, end: 0)
        let line = first.line < report.lines.count ? report.lines[first.line] : []
        let end = first.end > first.start ? first.end : line.count
        return Facts(stamp: stamp, cells: PackedIntegers(cells), nonZero: nonZero, at: TextSpan(line: first.line, start: first.start, end: end),
                     atText: Array(line[min(first.start, line.count)..<min(end, line.count)]).string)
    }

    /// Which rows and columns of a table's labels are totals: the rows for a table whose 其他处理 is a group
    /// (it has its parts, 其他处理 1–3) and for one where it is not, and the columns.
    private struct Totals {
        var rowsIfOtherIsGroup: [Bool], rows: [Bool], columns: [Bool]
        /// Whether the labels have the parts of 其他处理.
        var otherHasParts: Bool

        init(_ labels: TableLabels) {
            let totals = IdenticalTablesRule.totals
            otherHasParts = labels.rowKeys.contains { $0.hasPrefix("other.") }
            rows = labels.rowKeys.map { totals.contains($0) }
            rowsIfOtherIsGroup = labels.rowKeys.map { totals.contains($0) || $0 == "other" }
            columns = labels.columnKeys.map { totals.contains($0) }
        }
    }

    /// The built-in labels' totals, worked out once: comparing every key with the totals' names, for every report,
    /// cost a third of these facts.
    private static let builtInTotals = [StatutoryTableKind.table3, .table4].compactMap { kind in
        Knowledge.builtIn.tableLabels(kind).map { (labels: $0, totals: Totals($0)) }
    }

    private static func totals(_ labels: TableLabels) -> Totals {
        builtInTotals.first { $0.labels === labels }?.totals ?? Totals(labels)
    }

    /// Every cell of `table` in the definition's order, in thousandths, onto `cells`; the figures that are not
    /// zero and not totals counted in `nonZero`.
    private static func keep(_ table: StatutoryTable, _ labels: TableLabels, _ totals: Totals, _ cells: inout [Int], _ nonZero: inout Int) {
        // The keys the reader's grid was made with (the same arrays: `figures` knows them at once).
        let rows = labels.rowKeys, columns = labels.columnKeys
        // 其他处理 is a group row where the table has its parts (其他处理 1–3), except in the 2019 layout.
        let totalRow = totals.otherHasParts && table.layout != .y2019 ? totals.rowsIfOtherIsGroup : totals.rows
        let totalColumn = totals.columns
        let figures = table.figures(rows: rows, columns: columns)
        var k = 0
        for r in rows.indices {
            for c in columns.indices {
                // Past the figures (a grid of another shape): no figure.
                let v = k < figures.count ? figures[k] : nil
                k += 1
                guard let v else { cells.append(none); continue }
                cells.append(Int((v * 1000).rounded()))
                if v != 0, !totalRow[r], !totalColumn[c] { nonZero += 1 }
            }
        }
    }

    public func check(_ entries: [CollectedFacts<Facts>], _ context: RuleContext) -> [Finding] {
        let index = BatchIndex(entries)
        var findings: [Finding] = []
        for i in entries.indices {
            let now = entries[i].facts
            let nonZero = now.nonZero
            guard nonZero >= Self.minimumNonZero else { continue }
            guard let j = index.previousYear(of: i).first(where: { entries[$0].facts.cells == now.cells }) else { continue }
            let other = BatchText.file(entries[j].path), year = entries[j].facts.stamp.year ?? 0
            findings.append(Finding(
                location: .init(path: entries[i].path, span: now.at, snippet: now.atText),
                message: Localized(
                    zh: "表三、表四（含\(nonZero)个非零分项数据）与上年报告 \(other)（\(year)年）逐格相同，请核实是否照搬了上年数据",
                    en: "Tables 3 and 4 (\(nonZero) non-zero figures besides totals) are the same cell for cell as last year's report \(other) (\(year)): check whether last year's figures were copied"),
                related: [Finding.Related(.init(path: entries[j].path, span: entries[j].facts.at, snippet: entries[j].facts.atText),
                                          message: Localized(zh: "\(other) 的表三", en: "Table 3 of \(other)"))]))
        }
        return findings
    }
}
