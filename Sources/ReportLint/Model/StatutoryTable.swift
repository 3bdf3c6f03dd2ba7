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
    public var cells: [CellKey: TableValue]
    /// Where each recognised row label stands (group labels included).
    public var rowLabels: [String: TextSpan]
    /// Where each recognised column header stands, where the header could be read.
    public var columnLabels: [String: TextSpan]
    /// Lines of rows with figures whose label matched no row, or whose figures could not be put in columns.
    public var unmappedRows: [Int]
    /// Only a trace was found (row labels outside any readable table): the table is there, but unread.
    public var isTrace: Bool

    public init(kind: StatutoryTableKind, lines: ClosedRange<Int>) {
        self.kind = kind
        self.lines = lines
        self.cells = [:]
        self.rowLabels = [:]
        self.columnLabels = [:]
        self.unmappedRows = []
        self.isTrace = false
    }

    public subscript(_ row: String, _ column: String) -> TableValue? { cells[CellKey(row: row, column: column)] }

    /// Every row with a label and every data row was put in its place: a row or column not found is absent,
    /// not merely unread.
    public var isWellRead: Bool { !isTrace && unmappedRows.isEmpty && !cells.isEmpty }

    /// Row keys with at least one cell.
    public var rowKeys: Set<String> { Set(cells.keys.map(\.row)) }
    /// Column keys with at least one cell.
    public var columnKeys: Set<String> { Set(cells.keys.map(\.column)) }
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
