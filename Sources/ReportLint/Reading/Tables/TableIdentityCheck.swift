/// Evaluates the identities of rules/tables.json on a statutory table: for each column (or row), the sum of
/// the total side's cells against the sum of the parts side's cells.
///
/// Made once per rule pack (`Knowledge.identityChecks`): the sides are expanded (`prefix.*`) for every layout and
/// numbered by the definition's canonical rows and columns up front, so that checking a table reads its cells
/// from the reader's grid and builds the cell lists only for the instances that do not hold.
struct TableIdentityCheck: Sendable {
    let identity: TableIdentityDefinition
    let labels: TableLabels
    var definition: StatutoryTableDefinition { labels.definition }

    /// One side of the identity: the row keys (per column) or column keys (per row), and their canonical
    /// numbers (nil for a key the definition lacks).
    struct Side: Sendable {
        var keys: [String]
        var indices: [Int?]
    }

    /// The sides for each layout: no layout first, then `Era.allCases`.
    private let sides: [(total: Side, parts: Side)]
    /// `identity.rows` numbered, when given.
    private let rows: Side?

    /// One column's (or one row's) instance of the identity.
    struct Instance {
        /// The column key (per column) or row key (per row) the instance is about.
        var scope: String
        var total: [(CellKey, TableValue)]
        var parts: [(CellKey, TableValue)]
        var outcome: Outcome

        enum Outcome: Equatable {
            case holds
            case fails(total: Double, parts: Double)
            /// A cell involved is blank or “/”: the identity cannot be checked (these cells).
            case notStated([TextSpan])
        }
    }

    init(identity: TableIdentityDefinition, labels: TableLabels) {
        self.identity = identity
        self.labels = labels
        let definition = labels.definition
        let rowSide = { (keys: [String]) in Side(keys: keys, indices: keys.map { labels.rowIndex(key: $0) }) }
        let columnSide = { (keys: [String]) in Side(keys: keys, indices: keys.map { labels.columnIndex(key: $0) }) }
        sides = ([nil] + Era.allCases.map { Optional($0) }).map { layout in
            switch identity.per {
            case .column: (rowSide(definition.expand(identity.total, layout: layout)), rowSide(definition.expand(identity.parts, layout: layout)))
            case .row: (columnSide(identity.total), columnSide(identity.parts))
            }
        }
        rows = identity.rows.map(rowSide)
    }

    /// The instances the table has every cell of that do not hold, in order; those with a cell missing or
    /// unreadable are left out (a row or column the table lacks is table-missing's business, an unreadable one
    /// is not to be guessed at).
    func failures(in table: StatutoryTable, layout: Era?) -> [Instance] {
        var checked = 0
        return failures(in: table, layout: layout, checked: &checked)
    }

    /// `failures`, counting in `checked` the instances whose cells were all there (holding or not): an identity
    /// that was checked at all (table-unread).
    func failures(in table: StatutoryTable, layout: Era?, checked: inout Int) -> [Instance] {
        if let layouts = identity.layouts, !layouts.contains(where: { $0 == layout }) { return [] }
        let (total, parts) = sides[layout.map { 1 + Era.allCases.firstIndex(of: $0)! } ?? 0]
        let cells = Cells(table: table, labels: labels)
        // The sides' numbers and keys read in place by the closures below: a side chosen as a whole
        // (`side == 0 ? total : parts`) copied its two arrays for every cell.
        let totalIndices = total.indices, partIndices = parts.indices
        let totalKeys = total.keys, partKeys = parts.keys
        var result: [Instance] = []
        switch identity.per {
        case .column:
            for (j, column) in labels.columnKeys.enumerated() {
                let c = labels.columnCanon[j]
                if cells.hasGrid, !cells.needsInstance(totalIndices, partIndices, checked: &checked, { $0 * cells.columnCount + c }) { continue }
                let instance = evaluate(column, totalKeys.count, partKeys.count, checked: &checked, kind: { side, k in
                    cells.kind(side == 0 ? totalIndices[k] : partIndices[k], c) { CellKey(row: side == 0 ? totalKeys[k] : partKeys[k], column: column) }
                }, cell: { side, k in
                    let key = CellKey(row: side == 0 ? totalKeys[k] : partKeys[k], column: column)
                    return (key, cells.value(side == 0 ? totalIndices[k] : partIndices[k], c, key)!)
                })
                if let instance { result.append(instance) }
            }
        case .row:
            let scopes: Side
            if let rows { scopes = rows } else {
                let present = definition.rows.indices.filter { cells.hasCells(row: labels.rowCanon[$0]) }
                scopes = Side(keys: present.map { labels.rowKeys[$0] }, indices: present.map { labels.rowCanon[$0] })
            }
            for (row, r) in zip(scopes.keys, scopes.indices) {
                if cells.hasGrid {
                    guard let r else { continue }
                    if !cells.needsInstance(totalIndices, partIndices, checked: &checked, { r * cells.columnCount + $0 }) { continue }
                }
                let instance = evaluate(row, totalKeys.count, partKeys.count, checked: &checked, kind: { side, k in
                    cells.kind(r, side == 0 ? totalIndices[k] : partIndices[k]) { CellKey(row: row, column: side == 0 ? totalKeys[k] : partKeys[k]) }
                }, cell: { side, k in
                    let key = CellKey(row: row, column: side == 0 ? totalKeys[k] : partKeys[k])
                    return (key, cells.value(r, side == 0 ? totalIndices[k] : partIndices[k], key)!)
                })
                if let instance { result.append(instance) }
            }
        }
        return result
    }

    /// A table's cells as the check reads them: from the reader's grid when it was built with these labels,
    /// else by key (the key made only then). The table itself is not kept (copying it retained every field), and
    /// the grid's arrays are kept apart: binding the grid (`if let grid`) copied and retained them for every cell.
    private struct Cells {
        let grid: CellGrid?
        let hasGrid: Bool
        let kinds: [CellGrid.Kind], numbers: [Double], rowHasCells: [Bool], columnCount: Int
        let keyed: [CellKey: TableValue]
        let labels: TableLabels
        let rowKeys: Set<String>?

        init(table: StatutoryTable, labels: TableLabels) {
            self.labels = labels
            grid = table.grid.flatMap { $0.labels === labels ? $0 : nil }
            hasGrid = grid != nil
            kinds = grid?.kinds ?? []
            numbers = grid?.numbers ?? []
            rowHasCells = grid?.rowHasCells ?? []
            columnCount = grid?.columnCount ?? 0
            keyed = grid == nil ? table.cells : [:]
            rowKeys = grid == nil ? table.rowKeys : nil
        }

        func value(_ r: Int?, _ c: Int?, _ key: CellKey) -> TableValue? {
            guard let grid else { return keyed[key] }
            guard let r, let c else { return nil }
            return grid[r, c]
        }

        /// What the cell is, and its figure: from the grid without copying the cell.
        func kind(_ r: Int?, _ c: Int?, _ key: () -> CellKey) -> (CellGrid.Kind, Double) {
            guard hasGrid else {
                switch keyed[key()] {
                case nil: return (.none, 0)
                case .number(let v, _, _)?: return (.number, v)
                case .notStated?: return (.notStated, 0)
                case .unreadable?: return (.unreadable, 0)
                }
            }
            guard let r, let c else { return (.none, 0) }
            return (kinds[r * columnCount + c], numbers[r * columnCount + c])
        }

        /// On the grid, whether an instance (its total and part cells at `position(index)`) is to be made by
        /// `evaluate`: not when a cell is missing or unreadable, nor when it holds (counted in `checked`, as
        /// `evaluate` counts it). The sums are read straight from the grid's arrays, in `evaluate`'s order, so
        /// that the closures `evaluate` reads cells through are called only for the few instances to report.
        func needsInstance(_ total: [Int?], _ parts: [Int?], checked: inout Int, _ position: (Int) -> Int) -> Bool {
            guard !total.isEmpty, !parts.isEmpty, let t = sum(total, position), let p = sum(parts, position) else { return false }
            if !t.blank && !p.blank && abs(t.value - p.value) < 1e-6 {
                checked += 1
                return false
            }
            return true
        }

        private func sum(_ indices: [Int?], _ position: (Int) -> Int) -> (value: Double, blank: Bool)? {
            var value = 0.0, blank = false
            for index in indices {
                guard let index else { return nil }
                let at = position(index)
                switch kinds[at] {
                case .none, .unreadable: return nil
                case .notStated: blank = true
                case .number: value += numbers[at]
                }
            }
            return (value, blank)
        }

        /// Whether a canonical row has a cell (`table.rowKeys.contains`).
        func hasCells(row r: Int) -> Bool {
            if hasGrid { return rowHasCells[r] }
            return rowKeys!.contains(labels.rowKeys[r])
        }
    }

    /// The instance over `totals` total cells and `partCount` part cells (`kind(side, k)`: side 0 is the
    /// total side), or nil when a cell is missing or unreadable; nil too when it holds — the cell lists
    /// (`cell(side, k)`) are built only for an instance to report.
    private func evaluate(_ scope: String, _ totals: Int, _ partCount: Int, checked: inout Int,
                          kind: (_ side: Int, _ k: Int) -> (CellGrid.Kind, Double),
                          cell: (_ side: Int, _ k: Int) -> (CellKey, TableValue)) -> Instance? {
        guard totals > 0, partCount > 0 else { return nil }
        var t = 0.0, p = 0.0, blank = false
        for side in 0..<2 {
            for k in 0..<(side == 0 ? totals : partCount) {
                let (what, v) = kind(side, k)
                switch what {
                case .none, .unreadable: return nil
                case .notStated: blank = true
                case .number: if side == 0 { t += v } else { p += v }
                }
            }
        }
        checked += 1
        if !blank && abs(t - p) < 1e-6 { return nil }
        let total = (0..<totals).map { cell(0, $0) }, parts = (0..<partCount).map { cell(1, $0) }
        guard blank else { return Instance(scope: scope, total: total, parts: parts, outcome: .fails(total: t, parts: p)) }
        let spans = (total + parts).compactMap { if case .notStated(let s) = $0.1 { return s } else { return nil } }
        return Instance(scope: scope, total: total, parts: parts, outcome: .notStated(spans))
    }

    /// How messages name a side: the identity's own text, else the short names joined by “+”.
    func sideName(_ keys: [String], text: String?) -> String {
        if let text { return text }
        switch identity.per {
        case .column: return keys.map { definition.row($0)?.shortName ?? $0 }.joined(separator: "+")
        case .row: return keys.map { definition.column($0)?.label ?? $0 }.joined(separator: "+")
        }
    }

    /// “24+2=26”, “25” for one cell; a long sum shows its non-zero terms by name (“（一）3+（六）3 1=4，其余19项为0”).
    func terms(_ cells: [(CellKey, TableValue)], sum: Double) -> Localized {
        let values = cells.map { NumberText.plain($0.1.number ?? 0) }
        if values.count == 1 { return Localized(zh: values[0], en: values[0]) }
        let total = NumberText.plain(sum)
        guard cells.count > 8 else {
            let text = values.joined(separator: "+") + "=" + total
            return Localized(zh: text, en: text.replacingOccurrences(of: "=", with: " = "))
        }
        let named = cells.filter { ($0.1.number ?? 0) != 0 }.map { cell in
            let key = identity.per == .column ? cell.0.row : cell.0.column
            let name = identity.per == .column ? definition.row(key)?.shortName : definition.column(key)?.label
            return "\(name ?? key) \(NumberText.plain(cell.1.number ?? 0))"
        }
        let zeros = cells.count - named.count
        // One non-zero term is the sum itself: “（一） 1（其余20项为0）”.
        let head = named.count > 1 ? named.joined(separator: "+") + "=" + total : named.first ?? "0"
        return Localized(zh: head + (zeros > 0 ? "（其余\(zeros)项为0）" : ""),
                         en: head.replacingOccurrences(of: "=", with: " = ") + (zeros > 0 ? " (the other \(zeros) are 0)" : ""))
    }
}
