/// Reads the rows of one statutory table into cells keyed by row and column.
///
/// Rows are named by their labels — their own, or the label lines just above them when a label wraps or a
/// group label is split one character per line (pdftotext). Figures are put in columns by the header cells
/// above them where the row has as many cells as the header (Word, HTML, tabs and pipes keep empty cells,
/// so their rows line up); otherwise in the official column order, but only when the headers name every column.
/// A row that cannot be placed is recorded as unmapped: the rules then say nothing rather than guess.
struct StatutoryTableBuilder {
    let labels: TableLabels
    var definition: StatutoryTableDefinition { labels.definition }

    /// The column headers read so far.
    struct Header {
        var columns: [Int: String] = [:]
        var conflicting = false
        /// The widest header row: a row lines up with the header when it has as many cells.
        var width = 0
        var units: [String: String] = [:]
        /// Every label-only line seen, run together: what the headers name.
        var text = ""
    }

    func build(_ rows: [TableRowCells], lines: ClosedRange<Int>) -> StatutoryTable {
        var table = StatutoryTable(kind: definition.kind, lines: lines)
        var header = Header()
        var pending: [TableRowCells] = []
        var group: String?
        var block: String?
        var lastWasData = false
        var votes: [(Era, TextSpan)] = []

        for row in rows where !row.isSeparator && !row.isNoise {
            let ownMatch = labels.row(row.label, context: group)
            // A Word, HTML, tab or pipe row with a row label and every figure cell blank (not stated).
            let blankDataRow: Bool = {
                guard row.aligned, !row.valueCells.isEmpty, row.labelIsOneRun, case .row = ownMatch else { return false }
                return true
            }()
            if !row.hasValues && !blankDataRow {
                // A label-only line: a block caption, a header row, a group label, or part of a wrapped label.
                if let b = labels.block(row.label) {
                    block = b.key
                    header = Header()
                    pending = []
                    if let l = b.layouts, l.count == 1, let span = row.labelSpan { votes.append((l[0], span)) }
                    continue
                }
                let columnCells = row.cells.enumerated().compactMap { i, c in labels.column(c.text).map { (i, $0, c) } }
                if !columnCells.isEmpty {
                    if lastWasData { header.columns = [:]; header.conflicting = false; header.width = 0 }
                    for (i, key, cell) in columnCells {
                        if let old = header.columns[i], old != key { header.conflicting = true }
                        header.columns[i] = key
                        if table.columnLabels[key] == nil { table.columnLabels[key] = cell.span }
                        if cell.text.contains("万元") { header.units[key] = "万元" } else if cell.text.contains("元") { header.units[key] = "元" }
                    }
                    header.width = max(header.width, row.cells.count)
                    lastWasData = false
                } else {
                    if case .group(let g) = ownMatch {
                        group = g
                        if table.rowLabels[g] == nil, let span = row.labelSpan { table.rowLabels[g] = span }
                    }
                    pending.append(row)
                }
                header.text += TableLabels.compact(row.label)
                continue
            }

            // A row with figures: which row (or rows, side by side) and which columns.
            lastWasData = true
            defer { pending = [] }
            let keys = rowKeys(row, own: ownMatch, pending: pending, group: group, header: header)
            guard let keys, !keys.isEmpty else {
                table.unmappedRows.append(row.line)
                continue
            }
            let labelSpan = row.labelSpan ?? pending.first?.labelSpan ?? row.valueCells.first?.span
            for key in keys where table.rowLabels[key] == nil {
                if let labelSpan { table.rowLabels[key] = labelSpan }
            }
            if let last = keys.last {
                group = last.contains(".") ? String(last.prefix { $0 != "." }) : (definition.row(last)?.isGroup == true ? last : nil)
            }
            let rowBlock = definition.row(keys[0])?.block ?? block
            guard let chunks = columns(row, block: rowBlock, rows: keys.count, header: header) else {
                table.unmappedRows.append(row.line)
                continue
            }
            for (key, chunk) in zip(keys, chunks) {
                for (column, cell) in chunk {
                    let cellKey = CellKey(row: key, column: column)
                    let unit = header.units[column] ?? definition.column(column)?.unit
                    if table.cells[cellKey] != nil {
                        // The same cell twice: two readings of one row, neither to be trusted.
                        table.cells[cellKey] = .unreadable(cell.span)
                        table.unmappedRows.append(row.line)
                    } else {
                        table.cells[cellKey] = TableRowCells.value(cell, unit: unit)
                    }
                    if let l = definition.column(column)?.layouts, l.count == 1 { votes.append((l[0], table.columnLabels[column] ?? cell.span)) }
                }
                if let l = definition.row(key)?.layouts, l.count == 1, chunk.contains(where: { _, c in !c.text.isEmpty }),
                   let span = table.rowLabels[key] {
                    votes.append((l[0], span))
                }
            }
        }
        (table.layout, table.layoutEvidence) = Self.layout(votes)
        return table
    }

    /// The row keys of a row with figures: its own label, else the label lines above it; 表四's rows side by side.
    private func rowKeys(_ row: TableRowCells, own: TableLabels.RowMatch, pending: [TableRowCells], group: String?,
                         header: Header) -> [String]? {
        if definition.sideBySide == true {
            let all = definition.rows.filter { !$0.isGroup }
            let width = definition.columns.count
            if row.values(fitting: width * all.count).count == width * all.count {
                return labels.names(all, in: header.text + TableLabels.compact(row.label)) ? all.map(\.key) : nil
            }
        }
        switch own {
        case .row(let k), .group(let k): return [k]
        case .none, .ambiguous:
            let joined = pending.map(\.label).joined() + row.label
            switch labels.row(joined, context: group) {
            case .row(let k), .group(let k): return [k]
            case .none, .ambiguous: return nil
            }
        }
    }

    /// The cells of a row by column key, one list per row side by side; nil when they cannot be placed.
    private func columns(_ row: TableRowCells, block: String?, rows k: Int, header: Header) -> [[(String, TableCell)]]? {
        let candidates = Set(definition.columns(block: block, layout: nil).map(\.key))
        // (a) Under the header cells, where positions line up.
        let sameWidth = row.cells.count == header.width
            || row.cells.count > header.width && row.cells[header.width...].allSatisfy { $0.text.isEmpty }
        if !header.columns.isEmpty, !header.conflicting, sameWidth {
            var placed: [(String, TableCell)] = []
            var ok = true
            for i in row.valueStart..<row.cells.count {
                let cell = row.cells[i]
                if let key = header.columns[i], candidates.contains(key) {
                    placed.append((key, cell))
                } else if !cell.text.isEmpty {
                    ok = false
                }
            }
            if ok, !placed.isEmpty, placed.count % k == 0 {
                let size = placed.count / k
                let chunks = stride(from: 0, to: placed.count, by: size).map { Array(placed[$0..<($0 + size)]) }
                if chunks.allSatisfy({ Set($0.map(\.0)).count == $0.count }) { return chunks }
            }
        }
        // (b) In the official order, when the headers name every column of one layout.
        for layout in [Era.y2021, .y2019] {
            let cols = definition.columns(block: block, layout: layout)
            guard !cols.isEmpty else { continue }
            let values = row.values(fitting: cols.count * k)
            guard values.count == cols.count * k, labels.names(cols, in: header.text) else { continue }
            return stride(from: 0, to: values.count, by: cols.count).map { start in
                zip(cols.map(\.key), values[start..<(start + cols.count)]).map { ($0, $1) }
            }
        }
        return nil
    }

    /// The layout most labels belong to; nil when none tells or they are split evenly.
    static func layout(_ votes: [(Era, TextSpan)]) -> (Era?, TextSpan?) {
        let y2019 = votes.filter { $0.0 == .y2019 }, y2021 = votes.filter { $0.0 == .y2021 }
        if y2019.count > y2021.count { return (.y2019, y2019.map(\.1).min()) }
        if y2021.count > y2019.count { return (.y2021, y2021.map(\.1).min()) }
        return (nil, nil)
    }
}
