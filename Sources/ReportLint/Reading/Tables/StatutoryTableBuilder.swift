/// Reads the rows of one statutory table into cells keyed by row and column.
///
/// Rows are named by their labels — their own, or the label lines just above them when a label wraps or a
/// group label is split one character per line (pdftotext). Figures are put in columns by the header cells
/// above them where the row has as many cells as the header (Word, HTML, tabs and pipes keep empty cells,
/// so their rows line up); otherwise in the official column order, but only when the headers name every column.
/// A row that cannot be placed is recorded as unmapped: the rules then say nothing rather than guess.
///
/// Rows and columns are handled by their canonical index in the definition (`TableLabels`), not by key: this
/// runs for every cell of every report, and hashing key Strings there cost more than reading the cell. The
/// keyed dictionaries of `StatutoryTable` are filled once, at the end.
struct StatutoryTableBuilder {
    let labels: TableLabels
    /// Which table of the namer (`TableNamer.labels`) this is, and the row phrases and captions the namer
    /// found in the rows' labels (`TableRowCells.phrasesFound` says where a row's stand): a row's label is
    /// not searched twice.
    var namerTable = -1
    var phrasesFound: [TableNamer.PhraseFound] = []
    var definition: StatutoryTableDefinition { labels.definition }

    /// The column headers read so far.
    struct Header {
        /// The canonical column under each cell position, -1 where none.
        var columns: [Int] = []
        var hasColumns = false
        var conflicting = false
        /// A header cell is a placeholder (“数据1”, “列3”: OCR output): the columns are unknown, and the
        /// statutory order may not be assumed.
        var placeholder = false
        /// The widest header row: a row lines up with the header when it has as many cells.
        var width = 0
        /// The unit of money a header gives, by canonical column (an array: it is asked for every cell).
        var units: [CellGrid.Unit?] = []
        /// Every label-only line seen, run together (compact): what the headers name.
        var text: [Unicode.Scalar] = []

        func column(at i: Int) -> Int? { i < columns.count && columns[i] >= 0 ? columns[i] : nil }
        func unit(_ column: Int) -> CellGrid.Unit? { column < units.count ? units[column] : nil }

        mutating func setUnit(_ unit: CellGrid.Unit, _ column: Int) {
            while units.count <= column { units.append(nil) }
            units[column] = unit
        }

        mutating func resetColumns() {
            columns = []
            hasColumns = false
            conflicting = false
            width = 0
        }
    }

    /// What the cells read so far are, by canonical row and column, and where labels stand.
    private struct Grid {
        var cells: CellGrid
        var rowLabels: [TextSpan?]
        var columnLabels: [TextSpan?]

        init(_ labels: TableLabels) {
            cells = CellGrid(labels: labels)
            rowLabels = filledArray(nil, count: labels.rowKeys.count)
            columnLabels = filledArray(nil, count: labels.columnKeys.count)
        }
    }

    /// Whether the headers name every column of a list (`TableLabels.names`), remembered until the header
    /// text changes: without the memo every row of a table read in the official order asked it again.
    /// (A short list searched by equality: keyed by a dictionary, a block's String was hashed for every row.)
    private struct NamesMemo {
        var answers: [(block: String?, layout: Era, named: Bool)] = []

        func answer(_ block: String?, _ layout: Era) -> Bool? {
            answers.first { $0.layout == layout && $0.block == block }?.named
        }
    }

    /// `labels.blockColumns(block)` into `cache`, looked up when the row's block changes, not for every row.
    private func blockColumns(_ block: String?, _ cache: inout TableLabels.BlockColumns?) {
        if let c = cache, c.block == block { return }
        cache = labels.blockColumns(block)
    }

    func build(_ rows: [TableRowCells], lines: ClosedRange<Int>) -> StatutoryTable {
        var table = StatutoryTable(kind: definition.kind, lines: lines)
        var grid = Grid(labels)
        var header = Header()
        var memo = NamesMemo()
        var pending: [TableRowCells] = []
        var group: String?
        var block: String?
        var lastWasData = false
        var votes = LayoutVotes()
        var buffer: [Unicode.Scalar] = []
        // Reused for every row: the cells placed in columns (`columns`), a header row's column cells, and the
        // block's columns.
        var placed: [(Int, Range<Int>)] = []
        var columnCells: [(Int, Int, Range<Int>)] = []
        var blockCache: TableLabels.BlockColumns?
        // 表四's rows side by side, by canonical index (`rowKeys`); and every canonical row, so that a row's one key
        // is a slice of it rather than an array of its own.
        let sideBySideRows = definition.sideBySide == true ? definition.rows.indices.filter { !labels.rowIsGroup[$0] } : []
        let sideBySideKeys = sideBySideRows.map { labels.rowCanon[$0] }
        let everyRow = Array(labels.rowKeys.indices)

        for row in rows where !row.isSeparator && !row.isNoise {
            let ownMatch = ownRow(row, context: group)
            // A Word, HTML, tab or pipe row with a row label and every figure cell blank (not stated).
            let blankDataRow: Bool = {
                guard row.aligned, !row.valueCells.isEmpty, row.labelIsOneRun, case .row = ownMatch else { return false }
                return true
            }()
            if !row.hasValues && !blankDataRow {
                // A label-only line: a block caption, a header row, a group label, or part of a wrapped label.
                if let b = ownBlock(row) {
                    block = b.key
                    header = Header()
                    memo = NamesMemo()
                    pending = []
                    if let l = b.layouts, l.count == 1, let span = row.labelSpan { votes.add(l[0], span) }
                    // The caption alone; else its header cells follow on the same line (a PDF's tight rows).
                    if row.labelCellCount < 2 { continue }
                }
                columnCells.removeAll(keepingCapacity: true)
                for (i, c) in row.cells.enumerated() where !c.isEmpty {
                    buffer.removeAll(keepingCapacity: true)
                    LabelText.appendCompact(row.text[c], to: &buffer)
                    if let column = labels.column(compact: buffer) { columnCells.append((i, column, c)) }
                    if Self.isPlaceholder(buffer) { header.placeholder = true }
                }
                if !columnCells.isEmpty {
                    if lastWasData { header.resetColumns() }
                    for (i, column, cell) in columnCells {
                        if let old = header.column(at: i), old != column { header.conflicting = true }
                        while header.columns.count <= i { header.columns.append(-1) }
                        header.columns[i] = column
                        header.hasColumns = true
                        if grid.columnLabels[column] == nil { grid.columnLabels[column] = row.span(cell) }
                        // Searched on scalars, as `String.contains` (`containsText`) searches on whole scalars.
                        let text = row.text[cell]
                        if Self.contains(text, ["万", "元"]) { header.setUnit(.wanYuan, column) } else if text.contains("元") { header.setUnit(.yuan, column) }
                    }
                    header.width = max(header.width, row.cells.count)
                    lastWasData = false
                } else {
                    if case .group(let g) = ownMatch {
                        group = labels.rowKeys[g]
                        if grid.rowLabels[g] == nil, let span = row.labelSpan { grid.rowLabels[g] = span }
                    }
                    pending.append(row)
                }
                header.text += row.compactLabel
                memo = NamesMemo()
                continue
            }

            // A row with figures: which row (or rows, side by side) and which columns.
            lastWasData = true
            defer { pending = [] }
            let keys = rowKeys(row, own: ownMatch, pending: pending, group: group, header: header,
                               sideBySide: (sideBySideRows, sideBySideKeys), everyRow: everyRow)
            guard let keys, !keys.isEmpty else {
                table.unmappedRows.append(row.line)
                continue
            }
            let labelSpan = row.labelSpan ?? pending.first?.labelSpan ?? row.valueCells.first.map(row.span)
            for key in keys where grid.rowLabels[key] == nil {
                if let labelSpan { grid.rowLabels[key] = labelSpan }
            }
            if let last = keys.last { group = labels.contextAfter[last] }
            blockColumns(labels.rowBlock[keys.first!] ?? block, &blockCache)
            guard let size = columns(row, block: blockCache!, rows: keys.count, header: header, memo: &memo, into: &placed) else {
                table.unmappedRows.append(row.line)
                continue
            }
            for (n, key) in keys.enumerated() {
                let chunk = placed[(n * size)..<((n + 1) * size)]
                for (column, cell) in chunk {
                    if grid.cells.kinds[key * grid.cells.columnCount + column] != .none {
                        // The same cell twice: two readings of one row, neither to be trusted.
                        grid.cells.set(.unreadable, span: row.span(cell), row: key, column: column)
                        table.unmappedRows.append(row.line)
                    } else {
                        let value = row.value(cell)
                        // The cell's own unit, else the header's, else the column's (`CellGrid.Unit.column`).
                        let unit = value.unit ?? header.unit(column) ?? (labels.columnUnit[column] == nil ? .none : .column)
                        grid.cells.set(value.kind, value.number, unit: unit, span: row.span(cell), row: key, column: column)
                    }
                    if let l = labels.columnLayout[column] { votes.add(l, grid.columnLabels[column] ?? row.span(cell)) }
                }
                if let l = labels.rowLayout[key], chunk.contains(where: { _, c in !c.isEmpty }), let span = grid.rowLabels[key] {
                    votes.add(l, span)
                }
            }
        }
        (table.layout, table.layoutEvidence) = votes.layout
        fill(&table, from: grid)
        return table
    }

    /// `labels.row` of a row's own label, from the row phrases the namer found in it where it was named.
    private func ownRow(_ row: TableRowCells, context: String?) -> TableLabels.RowMatch {
        guard let found = row.phrasesFound else { return labels.row(compact: row.compactLabel, context: context) }
        return labels.row(compact: row.compactLabel, context: context, found: phrasesFound[found], table: namerTable)
    }

    /// `labels.block` of a row's own label, from the captions the namer found in it where it was named.
    private func ownBlock(_ row: TableRowCells) -> (key: String, layouts: [Era]?)? {
        guard let found = row.phrasesFound else { return labels.block(compact: row.compactLabel) }
        return labels.block(found: phrasesFound[found], table: namerTable)
    }

    /// The cells (as a grid, keyed when asked) and the labels of the table.
    private func fill(_ table: inout StatutoryTable, from grid: Grid) {
        table.setLabelSpans(.init(labels: labels, rows: grid.rowLabels, columns: grid.columnLabels))
        table.setGrid(grid.cells)
    }

    /// The canonical rows of a row with figures: its own label, else the label lines above it; 表四's rows side
    /// by side. A slice of `sideBySide.keys` or of `everyRow` (every canonical row index): no array per row.
    private func rowKeys(_ row: TableRowCells, own: TableLabels.RowMatch, pending: [TableRowCells], group: String?,
                         header: Header, sideBySide: (rows: [Int], keys: [Int]), everyRow: [Int]) -> ArraySlice<Int>? {
        if definition.sideBySide == true {
            let all = sideBySide.rows
            let width = definition.columns.count
            if row.values(fitting: width * all.count).count == width * all.count {
                // Exactly as many figures as the table has cells (表四's 15) and no placeholder header: its rows
                // side by side, in the statutory order, whatever the scrambled header names.
                let named = labels.names(rows: all, in: header.text + row.compactLabel)
                return named || !header.placeholder && !row.hasLabel ? sideBySide.keys[...] : nil
            }
        }
        switch own {
        case .row(let k), .group(let k): return everyRow[k...k]
        case .none, .ambiguous:
            let joined = pending.flatMap(\.compactLabel) + row.compactLabel
            switch labels.row(compact: joined, context: group) {
            case .row(let k), .group(let k): return everyRow[k...k]
            case .none, .ambiguous:
                // A label cut short (“一、本”): its top-level number and first character name one row only.
                return labels.row(numbered: row.compactLabel).map { everyRow[$0...$0] }
            }
        }
    }

    /// The cells of a row by canonical column, into `placed` (emptied first): one run of the returned size per
    /// row side by side; nil when they cannot be placed.
    private func columns(_ row: TableRowCells, block: TableLabels.BlockColumns, rows k: Int, header: Header,
                         memo: inout NamesMemo, into placed: inout [(Int, Range<Int>)]) -> Int? {
        placed.removeAll(keepingCapacity: true)
        // (a) Under the header cells, where positions line up.
        let sameWidth = row.cells.count == header.width
            || row.cells.count > header.width && row.cells[header.width...].allSatisfy { $0.isEmpty }
        if header.hasColumns, !header.conflicting, sameWidth {
            var ok = true
            for i in row.valueStart..<row.cells.count {
                let cell = row.cells[i]
                if let column = header.column(at: i), block.candidates[column] {
                    placed.append((column, cell))
                } else if !cell.isEmpty {
                    ok = false
                    break
                }
            }
            if ok, k == 1, !placed.isEmpty {
                if Self.isDistinct(placed[...]) { return placed.count }
            } else if ok, !placed.isEmpty, placed.count % k == 0 {
                let size = placed.count / k
                if stride(from: 0, to: placed.count, by: size).allSatisfy({ Self.isDistinct(placed[$0..<($0 + size)]) }) { return size }
            }
            placed.removeAll(keepingCapacity: true)
        }
        // (b) In the official order, when the headers name every column of one layout.
        for (layout, cols, keys) in block.ordered {
            guard !cols.isEmpty else { continue }
            let values = row.values(fitting: cols.count * k)
            guard values.count == cols.count * k, names(cols, block: block.block, layout: layout, header: header, memo: &memo)
            else { continue }
            for (n, cell) in values.enumerated() { placed.append((keys[n % keys.count], cell)) }
            return cols.count
        }
        // (c) In the statutory order without headers that name the columns, only where the figures fit the
        // table's shape exactly and no header contradicts it (placeholders): otherwise the row stays unread.
        guard !header.placeholder, !(header.hasColumns && sameWidth) else { return nil }
        let fitting = block.ordered.filter { !$0.columns.isEmpty && row.values(fitting: $0.columns.count * k).count == $0.columns.count * k }
        guard let shape = fitting.first, fitting.allSatisfy({ $0.canonical == shape.canonical }) else { return nil }
        for (n, cell) in row.values(fitting: shape.columns.count * k).enumerated() { placed.append((shape.canonical[n % shape.canonical.count], cell)) }
        return shape.columns.count
    }

    /// “数据1”, “列3”, “Column 2”: a header cell standing for a column it does not name.
    static func isPlaceholder(_ compact: [Unicode.Scalar]) -> Bool {
        guard let digit = compact.firstIndex(where: \.isDigitLike), digit > 0,
              compact[digit...].allSatisfy(\.isDigitLike) else { return false }
        return ["数据", "列", "栏", "项", "column", "col", "Column", "Col"].contains(compact[..<digit].string)
    }

    /// `labels.names` of the columns (indices into `definition.columns`) in `header.text`, remembered per block
    /// and layout until the header text changes.
    private func names(_ cols: [Int], block: String?, layout: Era, header: Header, memo: inout NamesMemo) -> Bool {
        if let known = memo.answer(block, layout) { return known }
        let answer = labels.names(columns: cols, in: header.text)
        memo.answers.append((block, layout, answer))
        return answer
    }

    /// Whether `needle` (two scalars or more) stands in `text`.
    private static func contains(_ text: ArraySlice<Unicode.Scalar>, _ needle: [Unicode.Scalar]) -> Bool {
        guard text.count >= needle.count else { return false }
        var i = text.startIndex
        while i <= text.endIndex - needle.count {
            if text[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// No column twice in a row's cells. (A set of bits for the columns seen: comparing every pair was quadratic
    /// in 表四's fifteen cells.)
    private static func isDistinct(_ chunk: ArraySlice<(Int, Range<Int>)>) -> Bool {
        var seen: UInt64 = 0
        for (column, _) in chunk {
            guard column < 64 else { return isDistinctPairwise(chunk) }
            let bit: UInt64 = 1 << UInt64(column)
            if seen & bit != 0 { return false }
            seen |= bit
        }
        return true
    }

    private static func isDistinctPairwise(_ chunk: ArraySlice<(Int, Range<Int>)>) -> Bool {
        for i in chunk.indices { for j in chunk.indices where j > i && chunk[j].0 == chunk[i].0 { return false } }
        return true
    }

    /// The labels that show a layout, counted as they are read (a vote per cell: kept in a list, they were
    /// appended for every cell of every table), with the first of each layout in the text.
    struct LayoutVotes {
        private var count2019 = 0, count2021 = 0
        private var first2019: TextSpan?, first2021: TextSpan?

        mutating func add(_ layout: Era, _ span: TextSpan) {
            switch layout {
            case .y2019:
                count2019 += 1
                first2019 = first2019.map { min($0, span) } ?? span
            case .y2021:
                count2021 += 1
                first2021 = first2021.map { min($0, span) } ?? span
            case .y2008:
                break
            }
        }

        /// The layout most labels belong to, with its first label; nil when none tells or they are split evenly.
        var layout: (Era?, TextSpan?) {
            if count2019 > count2021 { return (.y2019, first2019) }
            if count2021 > count2019 { return (.y2021, first2021) }
            return (nil, nil)
        }
    }
}
