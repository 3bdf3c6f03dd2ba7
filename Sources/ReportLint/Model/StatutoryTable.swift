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
    /// The reader leaves them in a grid (`CellGrid`): keyed on each ask, which no rule makes on the way to a
    /// diagnostic (hashing every cell's keys cost as much as reading it).
    public var cells: [CellKey: TableValue] {
        get {
            switch storage {
            case .keyed(let cells): cells
            case .grid(let grid): grid.dictionary
            }
        }
        set { storage = .keyed(newValue) }
    }
    /// The cells as the reader left them — by the definition's row and column numbers — for the table rules'
    /// many look-ups; gone once `cells` is set.
    var grid: CellGrid? {
        if case .grid(let grid) = storage { return grid }
        return nil
    }
    private(set) var storage: Storage
    enum Storage: Sendable {
        case keyed([CellKey: TableValue])
        case grid(CellGrid)
    }
    /// Where each recognised row label stands (group labels included).
    public var rowLabels: [String: TextSpan] {
        get { keyedRowLabels ?? labelSpans.map { $0.keyed($0.rows, $0.labels.rowKeys) } ?? [:] }
        set { keyedRowLabels = newValue }
    }
    /// Where the row label of `key` stands, found without keying every label.
    public func rowLabel(_ key: String) -> TextSpan? {
        if let keyedRowLabels { return keyedRowLabels[key] }
        guard let spans = labelSpans else { return nil }
        // As `keyed` does: the last span read under that key.
        return spans.rows.indices.last { spans.rows[$0] != nil && spans.labels.rowKeys[$0] == key }.flatMap { spans.rows[$0] }
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
        self.storage = .keyed([:])
        self.unmappedRows = []
        self.isTrace = false
    }

    public subscript(_ row: String, _ column: String) -> TableValue? {
        guard let grid else { return cells[CellKey(row: row, column: column)] }
        // The reader keys cells by the definition's rows and columns only: another key has no cell.
        guard let r = grid.labels.rowIndex(key: row), let c = grid.labels.columnIndex(key: column) else { return nil }
        return grid[r, c]
    }

    /// The figure of each cell of `rows` × `columns` (row by row; nil where there is no figure) — read straight
    /// from the reader's grid when it follows the same rows and columns, as it does for the definition's: the
    /// batch rules keep every cell of 表三 and 表四 of every report, and a lookup by key per cell was a third of
    /// what a report's batch facts cost.
    public func figures(rows: [String], columns: [String]) -> [Double?] {
        if let grid, grid.labels.rowKeys == rows, grid.labels.columnKeys == columns {
            return grid.positions.map { grid.kinds[$0] == .number ? grid.numbers[$0] : nil }
        }
        return rows.flatMap { r in columns.map { c in self[r, c]?.number } }
    }

    /// Every row with a label and every data row was put in its place: a row or column not found is absent,
    /// not merely unread.
    public var isWellRead: Bool { !isTrace && unmappedRows.isEmpty && !(grid.map { $0.count == 0 } ?? cells.isEmpty) }

    /// The reader's cells, as a grid.
    mutating func setGrid(_ grid: CellGrid) { storage = .grid(grid) }

    /// Row keys with at least one cell.
    public var rowKeys: Set<String> { grid?.rowKeys ?? Set(cells.keys.map(\.row)) }
    /// Column keys with at least one cell.
    public var columnKeys: Set<String> { grid?.columnKeys ?? Set(cells.keys.map(\.column)) }
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
