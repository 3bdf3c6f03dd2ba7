@testable import ReportLint

/// 表三 and 表四 fixtures: consistent tables from a seeded generator, rendered in the shapes drafts have
/// (tab-separated text, Markdown pipes, columns of spaces), inside a minimal report of the right era.
enum TableFixtures {
    enum Shape: String, CaseIterable, Sendable { case tabs, pipes, spaces }

    /// A deterministic generator (SplitMix64), so that every run tests the same tables.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One table: labelled rows of figures under a header.
    struct Grid {
        var header: [[String]]
        var rows: [(label: String, values: [Int])]
    }

    static let table3 = RulePack.builtIn.table(.table3)!

    /// The data rows of 表三 in a layout, with their labels as the official table prints them.
    static func table3Rows(_ layout: Era) -> [(key: String, label: String)] {
        table3.rows.filter { row in
            row.belongs(to: layout) && (!row.isGroup || row.layouts != nil)
        }.map { row in
            let group = row.key.split(separator: ".").count > 1 ? table3.row(String(row.key.split(separator: ".")[0]))?.label : nil
            return (row.key, group.map { "\($0) \(row.label)" } ?? row.label)
        }
    }

    /// A consistent 表三: every identity of rules/tables.json holds.
    static func consistentTable3(_ layout: Era, _ rng: inout Seeded) -> Grid {
        let rows = table3Rows(layout)
        let outcomes = rows.map(\.key).filter { !["new", "carried", "outcomeTotal", "carriedForward"].contains($0) }
        var values: [String: [Int]] = [:]
        for key in rows.map(\.key) { values[key] = Array(repeating: 0, count: 7) }
        for c in 0..<6 {
            var handled = 0
            for key in outcomes {
                let v = Int.random(in: 0..<10, using: &rng) < 6 ? 0 : Int.random(in: 1...20, using: &rng)
                values[key]![c] = v
                handled += v
            }
            let forward = Int.random(in: 0...4, using: &rng)
            let carried = Int.random(in: 0...(handled + forward), using: &rng) / 3
            values["outcomeTotal"]![c] = handled
            values["carriedForward"]![c] = forward
            values["carried"]![c] = carried
            values["new"]![c] = handled + forward - carried
        }
        for key in values.keys { values[key]![6] = values[key]![0..<6].reduce(0, +) }
        return Grid(header: [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "", "", "", "", "", ""],
                             ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
                             ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]],
                    rows: rows.map { ($0.label, values[$0.key]!) })
    }

    /// A consistent 表四 in its official one-row layout.
    static func consistentTable4(_ rng: inout Seeded) -> Grid {
        var row: [Int] = []
        for _ in 0..<3 {
            let outcomes = (0..<4).map { _ in Int.random(in: 0..<10, using: &rng) < 5 ? 0 : Int.random(in: 1...9, using: &rng) }
            row += outcomes + [outcomes.reduce(0, +)]
        }
        let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        let groups = ["行政复议", "", "", "", "", "行政诉讼"] + Array(repeating: "", count: 9)
        let sub = Array(repeating: "", count: 5) + ["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""]
        return Grid(header: [groups, sub, outcomes + outcomes + outcomes], rows: [("", row)])
    }

    /// The grid as text of a shape. Spaces drop empty cells, as pdftotext and hand-aligned drafts do.
    static func render(_ grid: Grid, _ shape: Shape) -> String {
        let hasLabels = grid.rows.contains { !$0.label.isEmpty }
        let lines = grid.header + grid.rows.map { (hasLabels ? [$0.label] : []) + $0.values.map(String.init) }
        switch shape {
        case .tabs:
            return lines.map { $0.joined(separator: "\t") }.joined(separator: "\n")
        case .pipes:
            let width = lines.map(\.count).max() ?? 0
            var out = lines.map { "| " + ($0 + Array(repeating: "", count: width - $0.count)).joined(separator: " | ") + " |" }
            out.insert("|" + Array(repeating: "---|", count: width).joined(), at: 1)
            return out.joined(separator: "\n")
        case .spaces:
            return lines.map { $0.filter { !$0.isEmpty }.joined(separator: "  ") }.joined(separator: "\n")
        }
    }

    /// A report of `year` with 表三 and 表四 as given (表二 left out: table-missing is not what these test).
    static func report(year: Int, table3: String, table4: String) -> String {
        """
        某镇人民政府\(year)年政府信息公开工作年度报告

        三、收到和处理政府信息公开申请情况

        \(table3)

        四、政府信息公开行政复议、行政诉讼情况

        \(table4)

        五、存在的主要问题及改进情况

        无。
        """
    }

    static func path(_ shape: Shape) -> String { shape == .pipes ? "fixture.md" : "fixture.txt" }
}
