/// Evaluates the identities of rules/tables.json on a statutory table: for each column (or row), the sum of
/// the total side's cells against the sum of the parts side's cells.
struct TableIdentityCheck {
    let identity: TableIdentityDefinition
    let definition: StatutoryTableDefinition

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

    /// The instances the table has every cell of; those with a cell missing or unreadable are left out (a row or
    /// column the table lacks is table-missing's business, an unreadable one is not to be guessed at).
    func instances(in table: StatutoryTable, layout: Era?) -> [Instance] {
        if let layouts = identity.layouts, !layouts.contains(where: { $0 == layout }) { return [] }
        let totalRows = definition.expand(identity.total, layout: layout)
        let partRows = definition.expand(identity.parts, layout: layout)
        var result: [Instance] = []
        switch identity.per {
        case .column:
            for column in definition.columns.map(\.key) {
                let keys = { (rows: [String]) in rows.map { CellKey(row: $0, column: column) } }
                if let i = instance(column, keys(totalRows), keys(partRows), table) { result.append(i) }
            }
        case .row:
            let present = table.rowKeys
            let rows = identity.rows ?? definition.rows.map(\.key).filter { present.contains($0) }
            for row in rows {
                let keys = { (columns: [String]) in columns.map { CellKey(row: row, column: $0) } }
                if let i = instance(row, keys(identity.total), keys(identity.parts), table) { result.append(i) }
            }
        }
        return result
    }

    private func instance(_ scope: String, _ totalKeys: [CellKey], _ partKeys: [CellKey], _ table: StatutoryTable) -> Instance? {
        guard !totalKeys.isEmpty, !partKeys.isEmpty else { return nil }
        var total: [(CellKey, TableValue)] = [], parts: [(CellKey, TableValue)] = []
        for k in totalKeys { guard let v = table.cells[k] else { return nil }; total.append((k, v)) }
        for k in partKeys { guard let v = table.cells[k] else { return nil }; parts.append((k, v)) }
        let all = total + parts
        if all.contains(where: { if case .unreadable = $0.1 { return true } else { return false } }) { return nil }
        let blank = all.compactMap { if case .notStated(let s) = $0.1 { return s } else { return nil } }
        if !blank.isEmpty { return Instance(scope: scope, total: total, parts: parts, outcome: .notStated(blank)) }
        let t = total.reduce(0) { $0 + ($1.1.number ?? 0) }, p = parts.reduce(0) { $0 + ($1.1.number ?? 0) }
        let outcome: Instance.Outcome = abs(t - p) < 1e-6 ? .holds : .fails(total: t, parts: p)
        return Instance(scope: scope, total: total, parts: parts, outcome: outcome)
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
