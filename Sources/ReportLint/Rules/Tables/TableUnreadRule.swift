/// `table-unread`: a statutory table is there — its rows' labels stand in the text — but its cells, or some of
/// its rows, could not be read, so its identities were not (all) checked. A wrong total in such a table would
/// otherwise pass without a word; `table-missing` is only for a table of which nothing is there.
///
/// The reader never guesses (a row is put in columns by its headers, or by the statutory order when its figures
/// fit the table's shape exactly), so this note says what stood in the way: figures run together into one
/// string of digits, placeholder headers (“数据1”), or rows whose labels or figures fit no row or column.
public struct TableUnreadRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "table-unread", severity: .note,
        name: Localized(zh: "统计表无法读出", en: "Statutory table could not be read"),
        summary: Localized(zh: "表二、表三、表四在文中（有其行标签），但单元格未能全部读出，勾稽关系未能核对",
                           en: "Table 2, 3 or 4 is there (its row labels are), but its cells could not all be read, so its identities were not checked"),
        rationale: Localized(
            zh: "从PDF、网页或OCR转来的文本中，表格常被拍平：各列数字连成一串（如“15130000154”），或表头成了“数据1”“数据2”之类的占位符。此时无法确定每个数字属于哪一列，工具不作猜测，也就无法核对勾稽关系。本提示说明哪张表未能读出及原因，以免误以为已经核对过；请对照原表人工核对，或提供Word、网页原件。",
            en: "In text that came from PDF, web pages or OCR, tables are often flattened: the figures of a row run together (“15130000154”), or the headers became placeholders (“数据1”, “数据2”). Which figure belongs to which column is then unknown; the tool does not guess, and so cannot check the identities. This note says which table was not read and why, so that silence is not taken for a check; check it by hand against the original, or lint the Word or web original."),
        basis: Localized(zh: "年度报告格式 表二、表三、表四（国办公开办函〔2019〕60号、〔2021〕30号）",
                         en: "Report format, Tables 2–4 (国办公开办函〔2019〕60号 and 〔2021〕30号)"),
        triggering: [
            RuleExample("""
            三、收到和处理政府信息公开申请情况
            | 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
            |---|---|---|---|---|---|---|---|
            ↓| 本年新收政府信息公开申请数量 | 12 | 1 | 0 | 0 | 0 | 0 | 13 |
            | 上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
            """, year: 2023),
            RuleExample("""
            三、收到和处理政府信息公开申请情况
            ↓一、本年新收政府信息公开申请数量1210000013
            二、上年结转政府信息公开申请数量2000002
            四、结转下年度继续办理1000001
            """, year: 2023),
        ],
        nonTriggering: [
            RuleExample("""
            \t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计
            一、本年新收政府信息公开申请数量\t12\t1\t0\t0\t0\t0\t13
            二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2
            （七）总计\t13\t1\t0\t0\t0\t0\t14
            四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1
            """, year: 2023),
            RuleExample("某镇2023年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n本年度未收到政府信息公开申请。"),
        ])

    /// Why a table was not read.
    enum Reason: Equatable {
        case flattened(String)
        case placeholders(String)
        case unmatched(rows: Int)
        case unrecognised
        case noFigures
        case identitiesUnchecked
    }

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let checks = context.knowledge.identityChecks
        for table in report.statutoryTables {
            guard let definition = context.pack.table(table.kind) else { continue }
            let reason: Reason
            let cellsRead = !table.isTrace && (table.grid.map { $0.count > 0 } ?? !table.cells.isEmpty)
            if !table.isTrace, cellsRead, table.unmappedRows.isEmpty {
                // Read: unless no identity of the table could be evaluated (the rows they need are not there).
                let layout = report.layout(of: table)
                var checked = 0, own = 0
                for k in checks.indices where checks[k].identity.table == table.kind {
                    own += 1
                    _ = checks[k].failures(in: table, layout: layout, checked: &checked)
                    // One identity checked is enough to call the table read: the rest need not be evaluated.
                    if checked > 0 { break }
                }
                guard own > 0, checked == 0 else { continue }
                reason = .identitiesUnchecked
            } else {
                reason = Self.reason(table, report)
            }
            let line = table.unmappedRows.first ?? table.lines.lowerBound
            findings.append(Finding(span: Self.trimmed(line, report), message: Self.message(definition, reason), severity: .note))
        }
        return findings
    }

    /// What stands in the table's lines: a run of eight digits or more, a placeholder header, or rows that fit
    /// nothing.
    static func reason(_ table: StatutoryTable, _ report: Report) -> Reason {
        let lines = table.lines.clamped(to: 0...max(0, report.lines.count - 1))
        for i in lines where i < report.lines.count {
            let line = report.lines[i]
            var run = 0, start = 0
            for (k, u) in line.enumerated() {
                if u.isDigitLike { if run == 0 { start = k }; run += 1 } else { run = 0 }
                if run >= 8 {
                    let end = line[start...].firstIndex { !$0.isDigitLike } ?? line.count
                    return .flattened(line[start..<end].string)
                }
            }
        }
        for i in lines where i < report.lines.count {
            let compact = LabelText.compact(report.lines[i])
            for cell in compact.split(whereSeparator: { $0 == "|" || $0 == "\t" }) where StatutoryTableBuilder.isPlaceholder(Array(cell)) {
                return .placeholders(String(String.UnicodeScalarView(cell)))
            }
            // Markdown pipes vanish in the compact form: look for the placeholders themselves.
            if let placeholder = numberedPlaceholder(compact.string) { return .placeholders(placeholder) }
        }
        if table.isTrace { return .unrecognised }
        return table.unmappedRows.isEmpty ? .noFigures : .unmatched(rows: table.unmappedRows.count)
    }

    /// The first "数据" followed by digits (数据1, 数据12) in `text`. Not a `Regex` literal: that is compiled
    /// again each time it runs, and this runs for the lines of every table that was not read.
    static func numberedPlaceholder(_ text: String) -> String? {
        var rest = text[...]
        while let found = rest.range(of: "数据") {
            let digits = rest[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty { return "数据" + digits }
            rest = rest[found.upperBound...]
        }
        return nil
    }

    static func message(_ d: StatutoryTableDefinition, _ reason: Reason) -> Localized {
        let t = d.shortTitle, e = d.shortTitleEn
        switch reason {
        case .flattened(let digits):
            return Localized(zh: "\(t)的数字连成一串（如“\(digits)”），无法分到各列；\(t)未能读出，勾稽关系未核对，请对照原表人工核对",
                             en: "\(e): figures run together (“\(digits)”) and cannot be put in columns; the table was not read and its identities were not checked")
        case .placeholders(let cell):
            return Localized(zh: "\(t)的表头是占位符（如“\(cell)”），无法确定各列；\(t)未能读出，勾稽关系未核对，请对照原表人工核对",
                             en: "\(e): the headers are placeholders (“\(cell)”), so the columns are unknown; the table was not read and its identities were not checked")
        case .unmatched(let rows):
            return Localized(zh: "\(t)有\(rows)行数字无法对应到表式的行或列，这些行未能读出，涉及它们的勾稽关系未核对",
                             en: "\(e): \(rows) row(s) of figures fit no row or column of the statutory table and were not read; identities involving them were not checked")
        case .unrecognised:
            return Localized(zh: "文中有\(t)的行标签，但未能识别出表格（可能被拍平或转写错乱）；\(t)未能读出，勾稽关系未核对",
                             en: "\(e)'s row labels are in the text but no table could be recognised (flattened or garbled); the table was not read and its identities were not checked")
        case .noFigures:
            return Localized(zh: "\(t)的表头在文中，但没有填写任何数字，勾稽关系未核对",
                             en: "\(e)'s headers are there but no figure is filled in; its identities were not checked")
        case .identitiesUnchecked:
            return Localized(zh: "\(t)缺少勾稽关系所需的行或列，勾稽关系未核对",
                             en: "\(e) lacks the rows or columns its identities need; they were not checked")
        }
    }

    static func trimmed(_ line: Int, _ report: Report) -> TextSpan {
        guard line < report.lines.count else { return TextSpan(line: 0, start: 0, end: 0) }
        let (s, e) = TableFinder.trim(report.lines[line], 0, report.lines[line].count)
        return TextSpan(line: line, start: s, end: e)
    }
}
