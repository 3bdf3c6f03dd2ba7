/// A table's cells by canonical row and column (`TableLabels`): what the reader builds them in, and what the
/// table rules read them from — by number, without hashing keys.
///
/// Each cell is kept in plain parallel arrays — its kind, figure, span and a small code for its unit — and
/// made a `TableValue` only when asked for: storing `TableValue`s copied (and retained) the unit String of
/// every cell of every table read.
struct CellGrid: Sendable {
    /// The compiled definition the numbers refer to.
    let labels: TableLabels
    let columnCount: Int
    /// Per cell position (row × columns + column), what the cell is and its figure: for sums, read without
    /// making the cells.
    private(set) var kinds: [Kind]
    private(set) var numbers: [Double]
    private var spans: [TextSpan]
    private var units: [Unit]
    /// Per canonical row, whether it has a cell (`StatutoryTable.rowKeys`).
    private(set) var rowHasCells: [Bool]
    /// How many cells there are.
    private(set) var count = 0

    enum Kind: UInt8, Sendable { case none, number, notStated, unreadable }

    /// The unit of money of a figure: none, 元, 万元, or the one the column's definition gives.
    enum Unit: UInt8, Sendable {
        case none, yuan, wanYuan, column

        /// The code of a unit the reader found in a cell or a header (元 or 万元), nil for another.
        init?(_ unit: String) {
            switch unit {
            case "元": self = .yuan
            case "万元": self = .wanYuan
            default: return nil
            }
        }
    }

    init(labels: TableLabels) {
        self.labels = labels
        columnCount = labels.columnKeys.count
        let size = labels.rowKeys.count * columnCount
        kinds = filledArray(.none, count: size)
        numbers = filledArray(0, count: size)
        spans = filledArray(TextSpan(line: 0, start: 0, end: 0), count: size)
        units = filledArray(.none, count: size)
        rowHasCells = filledArray(false, count: labels.rowKeys.count)
    }

    var positions: Range<Int> { kinds.indices }

    subscript(position: Int) -> TableValue? {
        let span = spans[position]
        switch kinds[position] {
        case .none: return nil
        case .notStated: return .notStated(span)
        case .unreadable: return .unreadable(span)
        case .number:
            let unit: String? = switch units[position] {
            case .none: nil
            case .yuan: "元"
            case .wanYuan: "万元"
            case .column: labels.columnUnit[position % columnCount]
            }
            return .number(numbers[position], unit: unit, span: span)
        }
    }
    subscript(row: Int, column: Int) -> TableValue? { self[row * columnCount + column] }

    /// Sets a cell: its kind, and for a figure its value and unit.
    mutating func set(_ kind: Kind, _ number: Double = 0, unit: Unit = .none, span: TextSpan, row: Int, column: Int) {
        let i = row * columnCount + column
        if kinds[i] == .none { count += 1 }
        kinds[i] = kind
        if kind == .number {
            numbers[i] = number
            units[i] = unit
        }
        spans[i] = span
        rowHasCells[row] = true
    }

    /// The key of a cell position.
    func key(_ position: Int) -> CellKey {
        CellKey(row: labels.rowKeys[position / columnCount], column: labels.columnKeys[position % columnCount])
    }

    /// The row keys and column keys with at least one cell.
    var rowKeys: Set<String> { Set(kinds.indices.lazy.filter { kinds[$0] != .none }.map { labels.rowKeys[$0 / columnCount] }) }
    var columnKeys: Set<String> { Set(kinds.indices.lazy.filter { kinds[$0] != .none }.map { labels.columnKeys[$0 % columnCount] }) }

    /// The cells by key.
    var dictionary: [CellKey: TableValue] {
        var cells: [CellKey: TableValue] = [:]
        cells.reserveCapacity(count)
        for i in kinds.indices where kinds[i] != .none { cells[key(i)] = self[i] }
        return cells
    }
}

extension StatutoryTable {
    /// Whether there is a cell at a canonical row and column of `labels`' definition.
    /// (The grid's fields are read in place: a copy of the grid per cell retained each of its arrays.)
    func hasValue(row r: Int, column c: Int, in labels: TableLabels) -> Bool {
        if case .grid(let grid) = storage, grid.labels === labels { return grid.kinds[r * grid.columnCount + c] != .none }
        return cells[CellKey(row: labels.rowKeys[r], column: labels.columnKeys[c])] != nil
    }

    /// Whether a canonical row of `labels`' definition has a cell (`rowKeys.contains`), from the grid when
    /// it can be.
    func hasCells(row r: Int, in labels: TableLabels) -> Bool {
        if case .grid(let grid) = storage, grid.labels === labels { return grid.rowHasCells[r] }
        let key = labels.rowKeys[r]
        return cells.keys.contains { $0.row == key }
    }
}
