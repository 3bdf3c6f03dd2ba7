import Foundation

/// A statutory table (表二 / 表三 / 表四) as read from a draft: every cell keyed by its row and column,
/// recognised from the labels — whatever the source's shape (Word or HTML cells, tabs, Markdown pipes,
/// columns of spaces, pdftotext lines with wrapped labels).
public struct StatutoryTable: Sendable {
    public var kind: StatutoryTableKind
    /// The layout era the table follows (2019 trial or 2021 format), where its rows or columns show it;
    /// nil when nothing in the table tells (表四 is the same in both).
    public var layout: Era?
    /// A label that shows the layout (a header or row of that layout only).
    public var layoutEvidence: TextSpan?
    /// Lines from the first caption or header to the last row.
    public var lines: ClosedRange<Int>
    /// The cells, by row key and column key (rules/tables.json).
    public var cells: [CellKey: TableValue] {
        get { store.cells }
        set { store = CellStore(newValue) }
    }
    /// The cells as the reader left them — by the definition's row and column numbers, keyed only when asked —
    /// for the table rules' many look-ups; gone once `cells` is set.
    var grid: CellGrid? { store.grid }
    private var store: CellStore
    /// Where each recognised row label stands (group labels included).
    public var rowLabels: [String: TextSpan] {
        get { keyedRowLabels ?? labelSpans.map { $0.keyed($0.rows, $0.labels.rowKeys) } ?? [:] }
        set { keyedRowLabels = newValue }
    }
    /// Where each recognised column header stands, where the header could be read.
    public var columnLabels: [String: TextSpan] {
        get { keyedColumnLabels ?? labelSpans.map { $0.keyed($0.columns, $0.labels.columnKeys) } ?? [:] }
        set { keyedColumnLabels = newValue }
    }
    /// The labels as set, or as the reader left them: by canonical row and column, keyed only when asked (no
    /// rule asks on the way to a diagnostic, and keying every table's labels cost as much as reading its cells).
    private var keyedRowLabels: [String: TextSpan]?, keyedColumnLabels: [String: TextSpan]?
    private var labelSpans: LabelSpans?

    /// Where the reader found each canonical row and column label of `labels`' definition.
    struct LabelSpans: Sendable {
        let labels: TableLabels
        var rows: [TextSpan?]
        var columns: [TextSpan?]

        func keyed(_ spans: [TextSpan?], _ keys: [String]) -> [String: TextSpan] {
            var result: [String: TextSpan] = [:]
            for (i, span) in spans.enumerated() { if let span { result[keys[i]] = span } }
            return result
        }
    }

    /// The reader's label spans.
    mutating func setLabelSpans(_ spans: LabelSpans) {
        labelSpans = spans
        keyedRowLabels = nil
        keyedColumnLabels = nil
    }
    /// Lines of rows with figures whose label matched no row, or whose figures could not be put in columns.
    public var unmappedRows: [Int]
    /// Only a trace was found (row labels outside any readable table): the table is there, but unread.
    public var isTrace: Bool

    public init(kind: StatutoryTableKind, lines: ClosedRange<Int>) {
        self.kind = kind
        self.lines = lines
        self.store = CellStore([:])
        self.unmappedRows = []
        self.isTrace = false
    }

    public subscript(_ row: String, _ column: String) -> TableValue? {
        guard let grid else { return cells[CellKey(row: row, column: column)] }
        // The reader keys cells by the definition's rows and columns only: another key has no cell.
        guard let r = grid.labels.rowIndex(key: row), let c = grid.labels.columnIndex(key: column) else { return nil }
        return grid[r, c]
    }

    /// Every row with a label and every data row was put in its place: a row or column not found is absent,
    /// not merely unread.
    public var isWellRead: Bool { !isTrace && unmappedRows.isEmpty && !(grid.map { $0.count == 0 } ?? cells.isEmpty) }

    /// The reader's cells, as a grid.
    mutating func setGrid(_ grid: CellGrid) { store = CellStore(grid: grid) }

    /// Row keys with at least one cell.
    public var rowKeys: Set<String> { Set(cells.keys.map(\.row)) }
    /// Column keys with at least one cell.
    public var columnKeys: Set<String> { Set(cells.keys.map(\.column)) }
}

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
        kinds = Array(repeating: .none, count: size)
        numbers = Array(repeating: 0, count: size)
        spans = Array(repeating: TextSpan(line: 0, start: 0, end: 0), count: size)
        units = Array(repeating: .none, count: size)
        rowHasCells = Array(repeating: false, count: labels.rowKeys.count)
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

    /// The cells by key.
    var dictionary: [CellKey: TableValue] {
        var cells: [CellKey: TableValue] = [:]
        cells.reserveCapacity(count)
        for i in kinds.indices where kinds[i] != .none { cells[key(i)] = self[i] }
        return cells
    }
}

/// Where a table's cells are kept: the cells by key, or the reader's grid, keyed on first use (most reports
/// never ask for the keyed form: hashing every cell's keys cost as much as reading it). Locked, because a
/// report may be shared between threads.
final class CellStore: @unchecked Sendable {
    let grid: CellGrid?
    private var keyed: [CellKey: TableValue]?
    private let lock = NSLock()

    init(_ cells: [CellKey: TableValue]) {
        grid = nil
        keyed = cells
    }

    init(grid: CellGrid) { self.grid = grid }

    var cells: [CellKey: TableValue] {
        lock.withLock {
            if let keyed { return keyed }
            let made = grid?.dictionary ?? [:]
            keyed = made
            return made
        }
    }
}

extension StatutoryTable {
    /// Whether there is a cell at a canonical row and column of `labels`' definition.
    /// (The grid's fields are read in place: a copy of the grid per cell retained each of its arrays.)
    func hasValue(row r: Int, column c: Int, in labels: TableLabels) -> Bool {
        if store.grid?.labels === labels, let kinds = store.grid?.kinds, let width = store.grid?.columnCount {
            return kinds[r * width + c] != .none
        }
        return cells[CellKey(row: labels.rowKeys[r], column: labels.columnKeys[c])] != nil
    }

    /// Whether a canonical row of `labels`' definition has a cell (`rowKeys.contains`), from the grid when
    /// it can be.
    func hasCells(row r: Int, in labels: TableLabels) -> Bool {
        if store.grid?.labels === labels, let rows = store.grid?.rowHasCells { return rows[r] }
        let key = labels.rowKeys[r]
        return cells.keys.contains { $0.row == key }
    }
}

public struct CellKey: Sendable, Hashable {
    public var row: String
    public var column: String

    public init(row: String, column: String) {
        self.row = row
        self.column = column
    }
}

/// What a cell says. Blank, “/”, “-”, “—”, “无” are not stated — not zero.
public enum TableValue: Sendable, Equatable {
    /// A figure, with its unit (万元, 元) where the cell or the header gives one.
    case number(Double, unit: String?, span: TextSpan)
    /// Left blank or marked as not applicable.
    case notStated(TextSpan)
    /// Text that is not a figure (“约5”, “5?”).
    case unreadable(TextSpan)

    public var span: TextSpan {
        switch self {
        case .number(_, _, let s), .notStated(let s), .unreadable(let s): s
        }
    }

    public var number: Double? {
        if case .number(let v, _, _) = self { return v }
        return nil
    }
}
