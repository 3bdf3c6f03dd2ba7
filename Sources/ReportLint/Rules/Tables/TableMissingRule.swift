/// `table-missing`: a statutory table the report year's format requires is absent, uses the other era's
/// layout (a 2022 report with the 2019 trial 表二), or lacks rows or columns of its layout.
///
/// Rows and columns are only said to be missing from a table read in full (every data row placed): in a
/// table garbled by PDF extraction a row not found may merely be unread. A table whose labels stand in the text
/// but could not be read at all is there — the rule says nothing about it.
public struct TableMissingRule: Rule {
    public init() {}

    private static let t2 = "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t0\t3\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t86\n第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t12\n"
    private static let t4 = "行政复议\t\t\t\t\t行政诉讼\n\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"

    public static let descriptor = RuleDescriptor(
        id: "table-missing", severity: .error,
        name: Localized(zh: "缺少统计表或表式不符", en: "Statutory table missing or of the wrong layout"),
        summary: Localized(zh: "报告年度所用格式要求的表二、表三、表四缺失，采用了另一版格式的表式，或缺少规定的行、列",
                           en: "Table 2, 3 or 4 required by the report year's format is absent, follows the other format's layout, or lacks required rows or columns"),
        rationale: Localized(
            zh: "2019年起的年度报告须附三张统计表：表二主动公开政府信息情况、表三收到和处理政府信息公开申请情况、表四政府信息公开行政复议行政诉讼情况。2019、2020年度用试行格式的表式，2021年度起用〔2021〕30号格式的表式（表二列目改为本年制发件数、本年废止件数、现行有效件数等，表三“（六）其他处理”分为三项）。不得删减表格或行列。",
            en: "From 2019 the annual report carries three statistical tables: Table 2 (proactive disclosure), Table 3 (applications received and handled), Table 4 (reconsideration and litigation). Reports for 2019–2020 use the trial format's tables, reports from 2021 the 〔2021〕30号 tables (Table 2's columns became 本年制发件数/本年废止件数/现行有效件数, Table 3's （六） was split into three rows). Tables, rows and columns may not be left out."),
        basis: Localized(zh: "《条例》第五十条；国办公开办函〔2019〕60号、〔2021〕30号", en: "Regulations Art. 50; 国办公开办函〔2019〕60号 and 〔2021〕30号"),
        triggering: [
            RuleExample("某镇2022年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容\t↓本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t1\t1\t5\n\n三、收到和处理政府信息公开申请情况\n\n↓本年度收到和处理政府信息公开申请情况详见下表。\n\n四、政府信息公开行政复议、行政诉讼情况\n\n" + t4),
            RuleExample("某镇2023年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n↓" + t2 + "\n三、收到和处理政府信息公开申请情况\n\n↓本年度未收到政府信息公开申请。\n\n四、政府信息公开行政复议、行政诉讼情况\n\n" + t4),
        ],
        nonTriggering: [
            RuleExample("某局2016年政府信息公开工作年度报告\n\n一、概述\n\n二、主动公开政府信息情况\n\n全年公开信息120条。"),
            RuleExample("某镇2023年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n" + t2 + "行政强制\t0\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0\n\n三、收到和处理政府信息公开申请情况\n\n| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n|---|---|---|---|---|---|---|---|\n| 本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n| 上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n\n四、政府信息公开行政复议、行政诉讼情况\n\n" + t4),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        guard let era = report.era, era != .y2008, let year = report.year?.value else { return [] }
        var findings: [Finding] = []
        // The tables by index: a table bound by `for … in` was a copy of it (a dozen arrays retained and released).
        let tables = report.statutoryTables
        for (index, definition) in context.pack.statutoryTables.enumerated() {
            // Asked, then walked in place: a filtered array copied every table of the kind (each a dozen arrays).
            if !tables.contains(where: { $0.kind == definition.kind }) {
                findings.append(Finding(span: anchor(definition.section, report, context.pack, era), message: Localized(
                    zh: "未找到\(definition.title)：\(year)年度报告应按\(Self.formatName(era, .zh))附此表",
                    en: "\(definition.titleEn) not found: a \(year) report must include it (\(Self.formatName(era, .en)))")))
            }
            for t in tables.indices where tables[t].kind == definition.kind && !tables[t].isTrace {
                let table = tables[t]
                if let layout = table.layout, layout != era, Self.onlyMergedGroups(table, definition, layout) {
                    // （六）其他处理 filled as one row in a 2021 table: the three sub-rows merged, not another layout.
                    findings.append(Finding(span: table.layoutEvidence ?? firstLine(table, report), message: Localized(
                        zh: "\(definition.shortTitle)按\(Self.formatName(layout, .zh))只填一行（\(Self.mergedLabels(definition, layout))），\(Self.formatName(era, .zh))将其分为若干项",
                        en: "\(definition.shortTitleEn) fills one row as the \(Self.formatName(layout, .en)) does (\(Self.mergedLabels(definition, layout))); the \(Self.formatName(era, .en)) splits it"),
                        severity: .note))
                    continue
                }
                if let layout = table.layout, layout != era {
                    let expected = Self.distinctiveLabels(definition, era)
                    findings.append(Finding(span: table.layoutEvidence ?? firstLine(table, report), message: Localized(
                        zh: "\(definition.shortTitle)采用的是\(Self.formatName(layout, .zh))的表式；\(year)年度报告应采用\(Self.formatName(era, .zh))的表式（\(expected)）",
                        en: "\(definition.shortTitleEn) follows the \(Self.formatName(layout, .en)) layout; a \(year) report must use the \(Self.formatName(era, .en)) layout (\(expected))")))
                    continue
                }
                guard table.isWellRead else { continue }
                // The compiled labels are of the first definition of a kind (`RulePack.table`).
                let labels = context.pack.statutoryTables.firstIndex { $0.kind == definition.kind } == index
                    ? context.knowledge.tableLabels(definition.kind) : nil
                findings += incomplete(table, definition, layout: table.layout ?? era, report, labels)
            }
        }
        return findings
    }

    /// Missing rows and columns of a table read in full.
    private func incomplete(_ table: StatutoryTable, _ d: StatutoryTableDefinition, layout: Era, _ report: Report,
                            _ labels: TableLabels?) -> [Finding] {
        let missingRows: [LabelDefinition]
        var missingColumns: [LabelDefinition] = []
        if let labels {
            // The same, by the definition's rows and columns as compiled, and from the reader's grid.
            let e = Era.allCases.firstIndex(of: layout)!
            let required = labels.requiredRows[e]
            let present = required.filter { table.hasCells(row: labels.rowCanon[$0], in: labels) }
            var isPresent = [Bool](repeating: false, count: d.rows.count)
            for r in present { isPresent[r] = true }
            missingRows = required.filter { !isPresent[$0] }.map { d.rows[$0] }
            // A column is missing when rows of its block are present and none has a cell in it: asked row by
            // row, without a list of the column's rows for every column of every table.
            for j in labels.layoutColumns[e] {
                let c = labels.columnCanon[j], fits = labels.columnFitsRow[j]
                var hasRows = false, hasCell = false
                for r in present where fits[r] {
                    hasRows = true
                    if table.hasValue(row: labels.rowCanon[r], column: c, in: labels) { hasCell = true; break }
                }
                if hasRows, !hasCell { missingColumns.append(d.columns[j]) }
            }
        } else {
            // Group labels are not rows of figures, except in the layouts they name (2019: （六）其他处理).
            let required = d.rows.filter { $0.belongs(to: layout) && (!$0.isGroup || $0.layouts != nil) }
            let present = table.rowKeys
            missingRows = required.filter { !present.contains($0.key) }
            for column in d.columns where column.belongs(to: layout) {
                let rows = required.filter { present.contains($0.key) && column.inBlock($0.block) }
                if !rows.isEmpty, !rows.contains(where: { table[$0.key, column.key] != nil }) { missingColumns.append(column) }
            }
        }
        var findings: [Finding] = []
        let span = firstLine(table, report)
        if !missingRows.isEmpty {
            findings.append(Finding(span: span, message: Localized(
                zh: "\(d.shortTitle)缺少\(missingRows.count)行：\(Self.list(missingRows.map(\.label)))",
                en: "\(d.shortTitleEn) lacks \(missingRows.count) row(s): \(Self.list(missingRows.map { "\($0.shortName) (\($0.en))" }))")))
        }
        if !missingColumns.isEmpty {
            findings.append(Finding(span: span, message: Localized(
                zh: "\(d.shortTitle)缺少列：\(Self.list(missingColumns.map(\.label)))",
                en: "\(d.shortTitleEn) lacks column(s): \(Self.list(missingColumns.map { "\($0.label) (\($0.en))" }))")))
        }
        return findings
    }

    /// Where an absent table should stand: the first line of its section's text, else its heading, else the title.
    private func anchor(_ sectionKey: String, _ report: Report, _ pack: RulePack, _ era: Era) -> TextSpan {
        if let template = pack.template(era)?.sections.first(where: { $0.key == sectionKey }),
           let index = report.sections.firstIndex(where: { template.matches($0.title.withoutBlanks) }) {
            let heading = report.sections[index]
            let end = index + 1 < report.sections.count ? report.sections[index + 1].span.line : report.lines.count
            if let line = report.firstTextLine(in: heading.span.line + 1..<max(end, heading.span.line + 1)) {
                // Its first sentence (“本年度…详见下表。”), not a whole paragraph.
                var span = trimmed(line, report)
                let text = report.lines[line]
                if let stop = (span.start..<span.end).first(where: { text[$0].endsSentence }) { span.end = stop + 1 }
                span.end = min(span.end, span.start + 40)
                return span
            }
            return heading.span
        }
        if let title = report.title?.pieces.first { return title }
        return trimmed(report.firstTextLine(in: report.lines.indices) ?? 0, report)
    }

    private func firstLine(_ table: StatutoryTable, _ report: Report) -> TextSpan { trimmed(table.lines.lowerBound, report) }

    private func trimmed(_ line: Int, _ report: Report) -> TextSpan {
        guard line < report.lines.count else { return TextSpan(line: 0, start: 0, end: 0) }
        let (s, e) = TableFinder.trim(report.lines[line], 0, report.lines[line].count)
        return TextSpan(line: line, start: s, end: e)
    }

    static func formatName(_ era: Era, _ lang: Language) -> String {
        switch (era, lang) {
        case (.y2019, .zh): "2019年试行格式（国办公开办函〔2019〕60号）"
        case (.y2021, .zh): "2021年格式（国办公开办函〔2021〕30号）"
        case (.y2008, .zh): "2019年前的格式"
        case (.y2019, .en): "2019 trial format"
        case (.y2021, .en): "2021 format"
        case (.y2008, .en): "pre-2019 format"
        }
    }

    /// The only rows of `layout` the table has are group labels of the other layout filled as one row (2019's
    /// （六）其他处理, split into three in 2021): the table merged sub-rows rather than following the old format.
    static func onlyMergedGroups(_ table: StatutoryTable, _ d: StatutoryTableDefinition, _ layout: Era) -> Bool {
        let own = d.rows.filter { $0.layouts == [layout] && table.rowKeys.contains($0.key) }
        let columns = d.columns.filter { $0.layouts == [layout] && table.columnKeys.contains($0.key) }
        return !own.isEmpty && columns.isEmpty && own.allSatisfy(\.isGroup)
            && !d.rows.contains { $0.layouts != nil && $0.layouts != [layout] && table.rowKeys.contains($0.key) }
    }

    static func mergedLabels(_ d: StatutoryTableDefinition, _ layout: Era) -> String {
        list(d.rows.filter { $0.layouts == [layout] && $0.isGroup }.map(\.label))
    }

    /// The labels only the expected layout has (“本年制发件数、本年废止件数…”).
    static func distinctiveLabels(_ d: StatutoryTableDefinition, _ era: Era) -> String {
        let only = { (l: LabelDefinition) in l.layouts == [era] }
        let labels = d.columns.filter(only).map(\.label) + d.rows.filter(only).map(\.label)
        return list(labels.map { $0.count > 14 ? $0.prefix(13) + "…" : $0 })
    }

    static func list(_ items: [String]) -> String {
        items.count <= 6 ? items.joined(separator: "、") : items.prefix(6).joined(separator: "、") + "等\(items.count)项"
    }
}
