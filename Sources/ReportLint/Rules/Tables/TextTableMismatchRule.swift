/// `text-table-mismatch`: a figure stated in prose disagrees with the same figure in a statutory table —
/// applications received (and by applicant), carried over, handled, carried forward, reconsideration and
/// litigation cases; 规章 and 行政规范性文件 issued, repealed and in force (表二 第二十条第（一）项).
///
/// Precise wording (“收到…申请N件”, “办结N件”, “结转下年度继续办理N件”) is an error; loose wording is a
/// warning: “受理N件” may or may not include the carried-over applications (either reading is accepted), “办理N件”
/// is vaguer than “办结”; a sentence naming a sub-unit (区政府办…) may state that unit's figure (a note).
public struct TextTableMismatchRule: Rule {
    public init() {}

    private static let table3 = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n一、本年新收政府信息公开申请数量\t24\t0\t3\t1\t0\t0\t28\n二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n（七）总计\t25\t0\t3\t1\t0\t0\t29\n四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n"
    private static let table4 = "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n行政复议\t1\t0\t0\t0\t1\n行政诉讼（未经复议直接起诉）\t0\t0\t0\t0\t0\n行政诉讼（复议后起诉）\t0\t0\t0\t0\t0\n"

    private static let table2 = "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t4\n行政规范性文件\t3\t1\t12\n"

    public static let descriptor = RuleDescriptor(
        id: "text-table-mismatch", severity: .error,
        name: Localized(zh: "正文与统计表数字不一致", en: "Text and table disagree"),
        summary: Localized(zh: "正文所述的申请数、结转数、办结数、行政复议和行政诉讼数、制发文件数等与统计表中的同一数字不一致",
                           en: "A figure in the text (applications received, carried over or forward, handled; reconsideration and litigation cases; documents issued) differs from the same figure in a statistical table"),
        rationale: Localized(
            zh: "总体情况中的数字与表二、表三、表四是同一组统计，应当一致；不一致说明其中一处填错或沿用了旧稿。“受理N件”可能含上年结转，按两种口径核对；提到下属单位的数字只作提示（注意级别）。",
            en: "The overview restates the figures of Tables 2–4; they must agree, and a difference means one of them is wrong or copied from an old draft. “受理N件” may include the carried-over applications, so both readings are accepted; figures in sentences naming a sub-unit only get a note."),
        basis: Localized(zh: "《条例》第五十条；国办公开办函〔2021〕30号（发布内容应准确）", en: "Regulations Art. 50; 国办公开办函〔2021〕30号 (published content must be accurate)"),
        triggering: [
            RuleExample("（二）依申请公开。2023年共收到政府信息公开申请↓29件，其中自然人申请24件，法人或其他组织申请4件；上年结转2件。全年办结29件，结转下年度继续办理1件。\n\n" + table3, year: 2023),
            RuleExample("（二）依申请公开。2023年共收到政府信息公开申请28件，其中自然人申请↓25件，法人或其他组织申请4件。全年办结↓27件。\n\n" + table3, year: 2023),
            RuleExample("（二）依申请公开。全年共受理政府信息公开申请↓31件。本年度被申请行政复议↓2件。\n\n" + table3 + "\n" + table4, year: 2022),
            // 规章 and 规范性文件 of 总体情况 against 表二 (制发, 废止, 现行有效).
            RuleExample("（一）主动公开。本年度制发规章↓2件，现行有效规章4件；制发行政规范性文件3件，废止规范性文件↓2件，现行有效规范性文件↓10件。\n\n" + table2, year: 2022),
        ],
        nonTriggering: [
            RuleExample("（二）依申请公开。2023年共收到政府信息公开申请28件，其中自然人申请24件，法人或其他组织申请4件；上年结转2件。全年办结29件，结转下年度继续办理1件，较上年增加3件。\n\n" + table3, year: 2023),
            // 受理 including the carried-over ones; 办结 with its carried-over part; unrelated 办理.
            RuleExample("（一）主动公开。本年度制发规章1件，现行有效规章4件；制发行政规范性文件3件，废止规范性文件1件，现行有效规范性文件12件。\n\n" + table2, year: 2022),
            RuleExample("全年共受理政府信息公开申请30件，其中自然人申请26件，法人或其他组织申请4件；共办理29件（含上年结转2件）。全年办理人大代表建议12件。被申请行政复议1件，未发生行政诉讼。\n\n" + table3 + "\n" + table4, year: 2022),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var matchedRows: [Int: [String]] = [:]  // link index → the row set its figure matched
        let links = report.proseTableFigures
        for (index, link) in links.enumerated() {
            guard let table = report.statutoryTable(link.statement.table), let definition = context.pack.table(table.kind),
                  !link.columns.isEmpty else { continue }
            // A breakdown by applicant reads the rows its total matched.
            let rowSets = link.parent.map { [matchedRows[$0] ?? link.rowSets[0]] } ?? link.rowSets
            let readings = rowSets.compactMap { rows in sum(table, rows, link.columns).map { (rows, $0) } }
            guard readings.count == rowSets.count, let first = readings.first else { continue }  // a cell not stated: cannot check
            if let match = readings.first(where: { abs($0.1 - link.value) < 0.5 }) {
                matchedRows[index] = match.0
                continue
            }
            let loose = link.statement.loose == true || link.subUnit
            let related = first.0.flatMap { row in link.columns.compactMap { column -> (TextSpan, Localized)? in
                table[row, column].map { ($0.span, definition.cellName(CellKey(row: row, column: column))) }
            } }
            let shown = readings.map { r in (describe(definition, r.0, link.columns), NumberText.plain(r.1)) }
            let caveat = link.subUnit ? Localized(zh: "；若此数为下属单位的数字，可忽略", en: "; if the figure is a sub-unit's, ignore this") : Localized(zh: "", en: "")
            findings.append(Finding(span: link.span, message: Localized(
                zh: "正文“\(link.quote)”与\(definition.shortTitle)不一致：" + shown.map { "\($0.0.zh)为\($0.1)" }.joined(separator: "，") + caveat.zh,
                en: "the text says \(NumberText.plain(link.value)) (“\(link.quote)”) but in \(definition.shortTitleEn) " + shown.map { "\($0.0.en) is \($0.1)" }.joined(separator: ", ") + caveat.en),
                // A sub-unit's own figure (区政府办代表区政府受理…) may well differ from the body's table: a note.
                severity: link.subUnit ? .note : loose ? .warning : nil, related: related))
        }
        return findings
    }

    /// Σ of the cells, or nil when one is missing or not a figure.
    private func sum(_ table: StatutoryTable, _ rows: [String], _ columns: [String]) -> Double? {
        var total = 0.0
        for r in rows {
            for c in columns {
                guard let v = table[r, c]?.number else { return nil }
                total += v
            }
        }
        return total
    }

    /// “一、本年新收…行“总计”列”, “一+二的“总计”列之和”, “一行商业企业至其他各列之和”.
    private func describe(_ d: StatutoryTableDefinition, _ rows: [String], _ columns: [String]) -> Localized {
        let rowText = rows.count == 1 ? d.rowName(rows[0]) : Localized(
            zh: rows.map { d.row($0)?.shortName ?? $0 }.joined(separator: "+"), en: rows.map { d.row($0)?.shortName ?? $0 }.joined(separator: "+"))
        let columnText = columns.count == 1 ? d.columnName(columns[0]) : Localized(
            zh: "“\(d.column(columns[0])?.label ?? "")”至“\(d.column(columns.last!)?.label ?? "")”各", en: "\(columns.count) columns")
        let summed = rows.count > 1 || columns.count > 1
        return Localized(zh: "\(rowText.zh)\(rows.count == 1 ? "行" : "")\(columnText.zh)列\(summed ? "之和" : "")",
                         en: "row \(rowText.en), column \(columnText.en)\(summed ? " (sum)" : "")")
    }
}
