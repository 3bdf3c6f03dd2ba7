/// `carry-over-mismatch`: year against year for one body. This year's 表三 “二、上年结转政府信息公开申请数量” must
/// equal last year's “四、结转下年度继续办理”, column by column (an error: the applications are the same ones);
/// in the 2021 format, 表二's 现行有效件数 should roll forward — last year's + 本年制发 − 本年废止 (a warning: a
/// clean-up of the documents in force can re-base it). Both files and both values are named; the finding stands
/// on this year's cell, last year's cell is its related location.
public struct CarryOverMismatchRule: StampedCollectingRule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "carry-over-mismatch", severity: .error,
        name: Localized(zh: "上年结转与上年报告不一致", en: "Carry-over differs from last year's report"),
        summary: Localized(zh: "本年表三“二、上年结转”与同一机关上一年度报告的“四、结转下年度继续办理”逐列不符；表二现行有效件数未按“上年+本年制发−本年废止”滚动",
                           en: "This year's Table 3 row 二 (carried over) differs, column by column, from the same body's last report's row 四 (carried forward); Table 2's documents in force do not roll forward (last year's + issued − repealed)"),
        rationale: Localized(
            zh: "上一年度结转到本年度继续办理的申请，就是本年度的“上年结转”，两者必须一致；不一致说明其中一份报告填错。现行有效件数是存量，一般等于上年现行有效件数加本年制发减本年废止，清理文件后可能重新核定，故只作警告。需要把同一机关两个年度的报告放在一起检查。",
            en: "The applications carried forward at the end of last year are this year's carried-over ones: the figures must agree, or one of the reports is wrong. Documents in force are a stock — last year's plus those issued less those repealed; a clean-up can re-base it, hence only a warning. Lint both years' reports of a body together."),
        basis: Localized(zh: "年度报告格式 表三“二、上年结转政府信息公开申请数量”“四、结转下年度继续办理”，表二第二十条第（一）项（国办公开办函〔2021〕30号）",
                         en: "Report format, Table 3 rows 二 and 四; Table 2, Art. 20 item (1) (国办公开办函〔2021〕30号)"),
        triggering: [
            RuleExample(BatchExamples.table3(title: "鹤庆县太平镇人民政府2023年政府信息公开工作年度报告", new: 20, carried: "↓1", total: 21, forward: 0),
                        name: "鹤庆县太平镇人民政府-2023.txt",
                        batch: [("太平镇人民政府-2022.txt", BatchExamples.table3(title: "太平镇人民政府2022年政府信息公开工作年度报告", new: 30, carried: "0", total: 30, forward: 0))]),
            RuleExample(BatchExamples.table2(title: "社溪镇人民政府2023年政府信息公开工作年度报告", issued: 2, repealed: 1, inForce: "↓12"),
                        name: "社溪镇-2023.txt",
                        batch: [("社溪镇-2022.txt", BatchExamples.table2(title: "社溪镇政府2022年政府信息公开工作年度报告", issued: 3, repealed: 0, inForce: "10"))]),
        ],
        nonTriggering: [
            RuleExample(BatchExamples.table3(title: "鹤庆县太平镇人民政府2023年政府信息公开工作年度报告", new: 20, carried: "1", total: 20, forward: 1),
                        name: "鹤庆县太平镇人民政府-2023.txt",
                        batch: [("太平镇人民政府-2022.txt", BatchExamples.table3(title: "太平镇人民政府2022年政府信息公开工作年度报告", new: 30, carried: "0", total: 29, forward: 1))]),
            // Another body's report, and a report two years back, are not last year's.
            RuleExample(BatchExamples.table3(title: "社溪镇人民政府2023年政府信息公开工作年度报告", new: 20, carried: "1", total: 21, forward: 0),
                        name: "社溪镇-2023.txt",
                        batch: [("金牛镇-2022.txt", BatchExamples.table3(title: "金牛镇人民政府2022年政府信息公开工作年度报告", new: 5, carried: "0", total: 5, forward: 0)),
                                ("社溪镇-2021.txt", BatchExamples.table3(title: "社溪镇人民政府2021年政府信息公开工作年度报告", new: 5, carried: "0", total: 5, forward: 0))]),
            // A name that could be either of two bodies is not paired (the identity note says so).
            RuleExample(BatchExamples.table3(title: "太平镇人民政府2023年政府信息公开工作年度报告", new: 20, carried: "1", total: 21, forward: 0),
                        name: "太平镇-2023.txt",
                        batch: [("鹤庆县太平镇-2022.txt", BatchExamples.table3(title: "鹤庆县太平镇人民政府2022年政府信息公开工作年度报告", new: 5, carried: "0", total: 5, forward: 0)),
                                ("宾川县太平镇-2022.txt", BatchExamples.table3(title: "宾川县太平镇人民政府2022年政府信息公开工作年度报告", new: 5, carried: "0", total: 5, forward: 0))]),
            RuleExample(BatchExamples.table2(title: "社溪镇人民政府2023年政府信息公开工作年度报告", issued: 2, repealed: 1, inForce: "11"),
                        name: "社溪镇-2023.txt",
                        batch: [("社溪镇-2022.txt", BatchExamples.table2(title: "社溪镇政府2022年政府信息公开工作年度报告", issued: 3, repealed: 0, inForce: "10"))]),
        ])

    public struct Facts: Codable, Sendable, Stamped {
        public var stamp: ReportStamp
        /// 表三 “二、上年结转” and “四、结转下年度继续办理”, by applicant column (nil: not read).
        var carried: [KeptCell?]
        var forward: [KeptCell?]
        /// 表二 (2021 format) 规章 and 行政规范性文件: 本年制发, 本年废止, 现行有效.
        var documents: [DocumentRow]
    }

    struct DocumentRow: Codable, Sendable {
        var row: String
        var issued: KeptCell?, repealed: KeptCell?, inForce: KeptCell?
    }

    public func facts(of report: Report, stamp: ReportStamp, _ context: RuleContext) -> Facts? {
        guard stamp.year != nil, stamp.identity != nil else { return nil }
        var facts = Facts(stamp: stamp, carried: [], forward: [], documents: [])
        if let table = report.statutoryTable(.table3), let definition = context.pack.table(.table3) {
            let rows = Self.cells(table, rows: ["carried", "carriedForward"], columns: definition.columns.map(\.key))
            facts.carried = rows[0]
            facts.forward = rows[1]
        }
        if let table = report.statutoryTable(.table2), report.layout(of: table) == .y2021 {
            let names = ["regulations", "normativeDocs"]
            facts.documents = zip(names, Self.cells(table, rows: names, columns: ["issued", "repealed", "inForce"])).map { row, cells in
                DocumentRow(row: row, issued: cells[0], repealed: cells[1], inForce: cells[2])
            }
        }
        return facts
    }

    /// The cells of `rows` × `columns`, as `table[row, column]` gives them — from the reader's grid with each key
    /// looked up once rather than once a cell (hashing the keys of every cell was most of what these facts cost).
    private static func cells(_ table: StatutoryTable, rows: [String], columns: [String]) -> [[KeptCell?]] {
        guard let grid = table.grid else { return rows.map { r in columns.map { KeptCell(table[r, $0]) } } }
        let columnIndices = columns.map { grid.labels.columnIndex(key: $0) }
        return rows.map { row in
            let r = grid.labels.rowIndex(key: row)
            return columnIndices.map { c in r.flatMap { r in c.flatMap { KeptCell(grid[r, $0]) } } }
        }
    }

    public func check(_ entries: [CollectedFacts<Facts>], _ context: RuleContext) -> [Finding] {
        let index = BatchIndex(entries)
        guard let table3 = context.pack.table(.table3), let table2 = context.pack.table(.table2) else { return [] }
        let columns = table3.columns.map(\.key)
        var findings: [Finding] = []
        for i in entries.indices {
            let before = index.previousYear(of: i)
            guard !before.isEmpty else { continue }
            // With two versions of last year's report (said by report-version-conflict), a difference from
            // every one of them is reported, against the first.
            // Only the finding reported is worded: with several versions of last year's report, wording every
            // comparison was most of a large batch's time.
            let carry = before.map { carryDifferences(index.facts(i), index.facts($0), columns) }
            if let first = before.first, !carry.contains(where: { $0.isEmpty }) {
                findings.append(carryOver(index, i, first, carry[0], table3))
            }
            let roll = before.map { rollDifferences(index.facts(i), index.facts($0)) }
            if let first = before.first, !roll.contains(where: { $0.isEmpty }) {
                findings += rollForward(index, i, first, roll[0], table2)
            }
        }
        return findings
    }

    typealias CarryDifference = (column: String, now: KeptCell, last: KeptCell)
    typealias RollDifference = (row: String, inForce: KeptCell, issued: KeptCell, repealed: KeptCell, before: KeptCell, expected: Double)

    /// 表三's columns whose 上年结转 this year differs from 结转下年度 last year.
    private func carryDifferences(_ now: Facts, _ last: Facts, _ columns: [String]) -> [CarryDifference] {
        var differing: [CarryDifference] = []
        for (c, column) in columns.enumerated() where c < now.carried.count && c < last.forward.count {
            if let a = now.carried[c], let b = last.forward[c], a.value != b.value { differing.append((column, a, b)) }
        }
        return differing
    }

    /// 表三: this year's 上年结转 against last year's 结转下年度, one finding for the columns that differ.
    private func carryOver(_ index: BatchIndex<Facts>, _ i: Int, _ j: Int, _ differing: [CarryDifference],
                           _ table: StatutoryTableDefinition) -> Finding {
        let first = differing[0], last = index.facts(j)
        let other = BatchText.file(index.path(j)), lastYear = last.stamp.year ?? 0
        let listZh = differing.map { "\(table.columnName($0.column).zh)列 \($0.now.text)≠\($0.last.text)" }.joined(separator: "，")
        let listEn = differing.map { "\(table.columnName($0.column).en): \($0.now.text) ≠ \($0.last.text)" }.joined(separator: "; ")
        return Finding(
            location: first.now.location(index.path(i)),
            message: Localized(
                zh: "表三“二、上年结转”与上年报告 \(other)（\(lastYear)年）“四、结转下年度继续办理”不一致：\(listZh)",
                en: "Table 3 row 二 (carried over) differs from row 四 (carried forward) of last year's report \(other) (\(lastYear)): \(listEn)"),
            related: differing.map { d in
                Finding.Related(d.last.location(index.path(j)), message: Localized(
                    zh: "\(other) 表三“四、结转下年度继续办理”\(table.columnName(d.column).zh)列：\(d.last.text)",
                    en: "\(other), Table 3 row 四, \(table.columnName(d.column).en): \(d.last.text)"))
            })
    }

    /// 表二 (2021 format) rows whose 现行有效 is not last year's + 本年制发 − 本年废止.
    private func rollDifferences(_ now: Facts, _ last: Facts) -> [RollDifference] {
        var differing: [RollDifference] = []
        for row in now.documents {
            guard let inForce = row.inForce, let issued = row.issued, let repealed = row.repealed,
                  let before = last.documents.first(where: { $0.row == row.row })?.inForce else { continue }
            let expected = before.value + issued.value - repealed.value
            if inForce.value != expected { differing.append((row.row, inForce, issued, repealed, before, expected)) }
        }
        return differing
    }

    /// 表二 (2021 format): 现行有效 = last year's + 本年制发 − 本年废止, per row (a warning).
    private func rollForward(_ index: BatchIndex<Facts>, _ i: Int, _ j: Int, _ differing: [RollDifference],
                             _ table: StatutoryTableDefinition) -> [Finding] {
        let last = index.facts(j)
        let other = BatchText.file(index.path(j)), lastYear = last.stamp.year ?? 0
        return differing.map { d in
            let (inForce, issued, repealed, before, expected) = (d.inForce, d.issued, d.repealed, d.before, d.expected)
            let name = table.rowName(d.row)
            return Finding(
                location: inForce.location(index.path(i)),
                message: Localized(
                    zh: "表二\(name.zh)现行有效件数为\(inForce.text)，按上年报告 \(other)（\(lastYear)年）的\(before.text)件加本年制发\(issued.text)件、减本年废止\(repealed.text)件应为\(NumberText.plain(expected))件（如经清理重新核定，请在报告中说明）",
                    en: "Table 2 \(name.en): \(inForce.text) in force, but last year's report \(other) (\(lastYear)) had \(before.text), + \(issued.text) issued − \(repealed.text) repealed = \(NumberText.plain(expected)) (if a clean-up re-based it, say so in the report)"),
                severity: .warning,
                related: [Finding.Related(before.location(index.path(j)), message: Localized(
                    zh: "\(other) 表二\(name.zh)现行有效件数：\(before.text)", en: "\(other), Table 2 \(name.en) in force: \(before.text)"))])
        }
    }
}
