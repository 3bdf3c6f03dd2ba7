/// `count-plausibility`: impossible or implausible figures — negative or fractional counts, shares over
/// 100%, magnitudes far outside what a body of that level publishes in a year — in prose and in the count
/// cells of the statutory tables (表三、表四 and 表二's counts; not 本年增/减, which is signed, nor amounts).
public struct CountPlausibilityRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "count-plausibility", severity: .error,
        name: Localized(zh: "数字不合常理", en: "Implausible figure"),
        summary: Localized(zh: "件数为负数或小数、占比超过100%、数量级远超该层级机关的常见范围",
                           en: "Negative or fractional counts, shares over 100%, magnitudes far beyond what the body's level publishes"),
        rationale: Localized(
            zh: "条、件、次等计数只能是非负整数；分项占比不会超过100%；乡镇一年公开数万条信息几乎不可能，多为多打了位数。",
            en: "Counts of items, applications or times are non-negative integers; a part's share cannot exceed 100%; a township publishing tens of thousands of items a year is almost always a typo."),
        basis: Localized(zh: "年度报告格式（数据准确）", en: "Report format (accurate figures)"),
        triggering: [
            RuleExample("全年共主动公开政府信息↓537.5条。", year: 2025),
            RuleExample("工作动态30条，占↓130%。", year: 2025),
            RuleExample("本年废止规范性文件↓-3件。", year: 2025),
            RuleExample("某某镇人民政府2025年政府信息公开工作年度报告\n\n全年共主动公开政府信息↓984000条。"),
            RuleExample("全年共主动公开政府信息↓12345678901234567890条。", year: 2025),
            RuleExample("\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n行政复议\t1\t↓-1\t0\t0\t0\n行政诉讼（复议后起诉）\t↓0.5\t0\t0\t↓0.5\t1", year: 2025),
        ],
        nonTriggering: [
            RuleExample("全年共主动公开政府信息537条，行政事业性收费12.56万元。", year: 2025),
            RuleExample("较上年增长130%。", year: 2025),
            RuleExample("全年通过门户网站发布信息1.2万条。", year: 2025),
            RuleExample("某县人民政府2025年政府信息公开工作年度报告\n\n全年共主动公开政府信息98400条。"),
            // Stocks and system records are not items published in the year.
            RuleExample("某某镇人民政府2025年政府信息公开工作年度报告\n\n镇级平台累计汇聚数据8232万条，发放电子证照12万件，门户网站访问量60万次。"),
        ])

    /// Words that make a count a stock or a system record rather than what was published in the year:
    /// “累计…”, “汇聚数据8232万条”, “电子证照12万件”, “访问量60万次”.
    static let stockWords = ["累计", "截至", "截止", "汇聚", "归集", "汇集", "共享", "交换", "存量", "现有", "现行有效", "数据",
                             "证照", "访问", "浏览", "点击", "粉丝", "用户", "注册", "办件", "调用"].map(\.scalars)

    /// Whether a stock word stands in the figure's clause before it.
    static func isStockOrRecord(_ f: Figure, in s: [Unicode.Scalar]) -> Bool {
        var from = f.start
        while from > 0, f.start - from < 30, !s[from - 1].separatesClause { from -= 1 }
        return stockWords.contains { s.firstIndex(of: $0, from: from, to: f.start) != nil }
    }

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let maxCount = context.pack.thresholds[report.level.rawValue]?.maxCount
        let comparison = context.knowledge.phrases.comparisonMarkers + Self.risingWords
        for f in report.figures {
            // The figure as written, made only for a finding: most figures have none.
            var text: String { report.text(f) }
            switch f.kind {
            case .count:
                if f.value < 0 {
                    findings.append(Finding(span: report.span(f), message: Localized(
                        zh: "数量“\(text)”为负数", en: "the count \(text) is negative")))
                } else if f.value != f.value.rounded() {
                    findings.append(Finding(span: report.span(f), message: Localized(
                        zh: "“\(text)”：以“\(f.unit)”计的数量应为整数", en: "\(text): a count of \(f.unit) must be a whole number")))
                } else if let maxCount, f.value > maxCount, !Self.isStockOrRecord(f, in: report.paragraphs[f.paragraph].scalars) {
                    findings.append(Finding(span: report.span(f), message: Localized(
                        zh: "“\(text)”远超\(levelName(report.level))一年的常见数量（上限参考 \(NumberText.format(maxCount))），请核对是否多写了位数",
                        en: "\(text) is far beyond what a \(report.level.rawValue) body reports in a year (reference limit \(NumberText.format(maxCount))); check the digits"),
                        severity: .warning))
                }
            case .share:
                let s = report.paragraphs[f.paragraph].scalars
                guard f.value > 100, !BreakdownReader.preceded(f, in: s, by: comparison, within: 8) else { continue }
                findings.append(Finding(span: report.span(f), message: Localized(
                    zh: "占比“\(text)”超过100%", en: "the share \(text) exceeds 100%")))
            case .oversized:
                let digits = text.unicodeScalars.filter(\.isDigitLike).count
                findings.append(Finding(span: report.span(f), message: Localized(
                    zh: "数字过大（\(digits) 位），无法核对；请检查是否误输入", en: "a number too large to check (\(digits) digits); check what was typed"),
                    severity: .note))
            case .year, .amount:
                continue
            }
        }
        return findings + tableCells(report, context)
    }

    /// Count cells of the statutory tables: non-negative whole numbers. Nearly every cell is fine, so the cells
    /// are screened by value first; a cell's name and column kind are looked up only for the few that are not.
    /// Words of rising besides the pack's comparison markers, as scalars once.
    private static let risingWords = ["提高", "上升", "提升"].map(\.scalars)

    private func tableCells(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for table in report.statutoryTables where !table.isTrace {
            guard let d = context.pack.table(table.kind) else { continue }
            for (key, value) in suspectCells(table).sorted(by: { $0.1.span < $1.1.span }) {
                guard case .number(let v, _, let span) = value, (d.column(key.column)?.valueKind ?? .count) == .count else { continue }
                let cell = d.cellName(key), text = NumberText.plain(v)
                if v < 0 {
                    findings.append(Finding(span: span, message: Localized(
                        zh: "\(cell.zh)为\(text)：件数不能为负数", en: "\(cell.en) is \(text): a count cannot be negative")))
                } else if v != v.rounded() {
                    findings.append(Finding(span: span, message: Localized(
                        zh: "\(cell.zh)为\(text)：件数应为整数", en: "\(cell.en) is \(text): a count must be a whole number")))
                }
            }
        }
        return findings
    }

    /// The cells holding a negative or fractional figure, read from the reader's grid where there is one.
    private func suspectCells(_ table: StatutoryTable) -> [(CellKey, TableValue)] {
        let isSuspect = { (value: TableValue) -> Bool in
            guard case .number(let v, _, _) = value else { return false }
            return v < 0 || v != v.rounded()
        }
        guard let grid = table.grid else { return table.cells.filter { isSuspect($0.value) }.map { ($0.key, $0.value) } }
        return grid.positions.compactMap { i in
            // The figure is judged before the cell is made a value (with its unit's String): most cells are fine.
            let v = grid.numbers[i]
            guard grid.kinds[i] == .number, v < 0 || v != v.rounded(), let value = grid[i], isSuspect(value) else { return nil }
            return (grid.key(i), value)
        }
    }

    private func levelName(_ level: BodyLevel) -> String {
        switch level {
        case .town: "乡镇（街道）"
        case .countyDepartment: "县级部门"
        case .countyGovernment: "县级政府"
        case .cityOrAbove: "市级以上机关"
        case .unknown: "机关"
        }
    }
}
