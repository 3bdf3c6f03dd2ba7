/// The output of reading: a model of one annual report (政府信息公开工作年度报告).
///
/// Built by `ReportReader` from a `Document`. Rules see only this value (and the rule pack).
public struct Report: Sendable {
    public let document: Document
    /// The text view line by line, as scalars, so that offsets are columns (code points).
    public let lines: [[Unicode.Scalar]]
    /// 标题 — the title as found, possibly over several lines.
    public var title: Title?
    /// 报告机关 — the reporting body named in the title (e.g. "社溪镇人民政府").
    public var body: String? { didSet { bodyIdentity = BodyIdentity(body) } }
    /// The body's name made comparable across a batch (“社溪镇人民政府” and “社溪镇” alike), worked out once when
    /// the body is set — each batch rule's facts start from it.
    public private(set) var bodyIdentity: BodyIdentity?
    /// 报告年度 — the year the report covers, and where it came from.
    public var year: ReportYear?
    /// Set when the hints at the year disagree or are weak: no year is set then (a wrong year is worse than none).
    public var yearUncertainty: YearUncertainty?
    /// Where `body` was found.
    public var bodySource: BodySource?
    /// 年度报告格式 — the format era the report year requires.
    public var era: Era?
    /// 层级 — the level of the reporting body, guessed from its name.
    public var level: BodyLevel
    /// 统计期限 — the statistics period stated in the text.
    public var statisticsPeriod: StatisticsPeriod?
    /// Top-level sections (一、二、…) with their subsections (（一）（二）…).
    public var sections: [Section]
    /// Runs of lines that are tables (tab, pipe, or space separated rows; Word and HTML tables).
    public var tables: [TableRegion]
    /// 表二、表三、表四 recognised by their labels, cells keyed by row and column.
    public var statutoryTables: [StatutoryTable] = []
    /// Prose, joined into paragraphs across hard line wraps (PDF text), outside tables and headings.
    public var paragraphs: [Paragraph]
    /// Figures stated in prose: counts, shares, years, amounts.
    public var figures: [Figure]
    /// Totals with their parts stated in prose.
    public var breakdowns: [Breakdown] = []
    /// Figures in the prose that restate a statutory table's cells (`ProseTableFigures`), in text order.
    var proseTableFigures: [ProseTableFigure] = []

    /// Whether each line is blank (white space only), as the reader found it: the blank-line structure rules
    /// consult, rather than walking the lines themselves.
    public internal(set) var blankLines: [Bool] = []
    /// The first line with text in `range`, if any.
    public func firstTextLine(in range: Range<Int>) -> Int? {
        range.first { $0 >= 0 && $0 < blankLines.count && !blankLines[$0] }
    }

    /// Whether line `index` (0-based) is part of a table.
    public func isTableLine(_ index: Int) -> Bool { index >= 0 && index < tableLineFlags.count && tableLineFlags[index] }
    var tableLineFlags: [Bool]

    init(document: Document, lines: [[Unicode.Scalar]]) {
        self.document = document
        self.lines = lines
        self.level = .unknown
        self.sections = []
        self.tables = []
        self.paragraphs = []
        self.figures = []
        self.tableLineFlags = filledArray(false, count: lines.count)
    }
}

/// A place in the text view: 0-based line index and scalar offsets [start, end) within that line.
public struct TextSpan: Sendable, Hashable, Comparable, Codable {
    public var line: Int
    public var start: Int
    public var end: Int

    public init(line: Int, start: Int, end: Int) {
        self.line = line
        self.start = start
        self.end = max(end, start)
    }

    public static func < (a: TextSpan, b: TextSpan) -> Bool {
        (a.line, a.start, a.end) < (b.line, b.start, b.end)
    }
}

/// The report's title, which drafts often split over lines or space out (“年度 / 报  告”).
public struct Title: Sendable {
    /// The pieces as they stand in the text, in order.
    public var pieces: [TextSpan]
    /// The title with pieces joined and white space removed.
    public var text: String
    /// Whether a blank line stands between two pieces.
    public var hasBlankLineInside: Bool
    /// Spans of white space between two Chinese characters inside a piece (“报  告”).
    public var spacedOut: [TextSpan]
}

/// 报告年度 and where it was found.
public struct ReportYear: Sendable, Equatable {
    /// Where a reviewer finds the year, strongest first; the raw values are JSON's `yearSource`.
    public enum Source: String, Sendable, CaseIterable {
        /// 标题 — “…2024年政府信息公开工作年度报告”.
        case title
        /// 统计期限 — “统计期限自2023年1月1日…”.
        case statisticsPeriod = "statistics-period"
        /// 开头 — the report named in the opening sentence, or the year the opening text is about.
        case openingText = "opening-text"
        /// 发布日期 — a page's publication date early in the following year.
        case publicationDate = "publication-date"
        /// 文件名 — a year standing alone in the file name.
        case fileName = "file-name"
        /// `--year`.
        case option
    }
    public var value: Int
    public var source: Source
    /// Where the year stands in the text, when it came from the text.
    public var span: TextSpan?
}

/// 报告机关 — where the reporting body's name was found; the raw values are JSON's `bodySource`.
public enum BodySource: String, Sendable, CaseIterable {
    case title
    /// 发布机构 in a page's meta table or header lines.
    case publisher
    /// The report named in the opening sentence (“现公布某某街道2020年政府信息公开工作年度报告”).
    case openingText = "opening-text"
    case fileName = "file-name"
}

/// Why no report year was set although the text hints at one: the hints disagree, or are weak.
public struct YearUncertainty: Sendable, Equatable {
    /// Each hint: the year, where it came from, and where it stands in the text.
    public var candidates: [ReportYear]
    /// Only weak evidence (a publication date late in the year) rather than a disagreement.
    public var weakOnly: Bool
}

/// 年度报告格式 — which national format a report year must follow (format-spec.md §1).
public enum Era: String, Sendable, CaseIterable, Codable {
    /// 2008–2018: the 2007 Regulations, no national layout.
    case y2008 = "2008"
    /// 2019–2020: the 2019 trial format (国办公开办函〔2019〕60号).
    case y2019 = "2019"
    /// 2021 on: the 2021 format (国办公开办函〔2021〕30号).
    case y2021 = "2021"

    public init(reportYear: Int) {
        if reportYear >= 2021 { self = .y2021 } else if reportYear >= 2019 { self = .y2019 } else { self = .y2008 }
    }
}

/// 层级 of the reporting body; plausibility thresholds depend on it.
public enum BodyLevel: String, Sendable, Codable {
    case town, countyDepartment, countyGovernment, cityOrAbove, unknown
}

/// 统计期限 as stated (“统计期限为2019年1月1日至2019年12月31日”).
public struct StatisticsPeriod: Sendable {
    public var start: DateValue
    public var end: DateValue
    /// The whole statement from the first date to the last.
    public var span: TextSpan
    public var startSpan: TextSpan
    public var endSpan: TextSpan
    /// Dates of the period that lost their marks (“202011日至20201231日”), read as well as they could be.
    var garbled: [(defect: DateReader.Defect, span: TextSpan)] = []
}

/// A calendar date as written; not necessarily valid (“11月31日”).
public struct DateValue: Sendable, Equatable {
    public var year: Int?
    public var month: Int
    public var day: Int

    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if month == 2, let y = year, !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) { return day <= 28 }
        return day <= days
    }

    public var description: String { (year.map { "\($0)年" } ?? "") + "\(month)月\(day)日" }
}

/// A numbered heading and what it contains.
public struct Section: Sendable {
    /// 1 for 一、…; 2 for （一）….
    public var level: Int
    /// The number the heading carries (一 → 1).
    public var number: Int
    /// The numeral as written (“一”).
    public var numeral: String
    /// The heading text after the number, without trailing punctuation (“总体情况”).
    public var title: String
    /// The whole heading: number and title.
    public var span: TextSpan
    /// The span of the title alone.
    public var titleSpan: TextSpan
    public var subsections: [Section]
}

/// A run of lines that form a table, with its rows split into cells.
///
/// The reader keeps each row as ranges of scalars in its line (`cellRows`) and builds the cells' Strings only
/// when `rows` is asked: every table row of every report is split, while the statutory-table reader, the only
/// reader of the cells, works on the line's scalars. Building a String per cell cost more than finding the table.
public struct TableRegion: Sendable {
    /// 0-based line indices of the region, first to last.
    public var lines: ClosedRange<Int>
    /// Each row: its line and its cells as scalar ranges in that line.
    var cellRows: [RowRanges]
    /// The report's lines, which the ranges index.
    private let text: [[Unicode.Scalar]]
    /// Rows set from outside, as they were set.
    private var setRows: [TableRow]?

    struct RowRanges: Sendable {
        var line: Int
        var cells: [Range<Int>]
    }

    init(lines: ClosedRange<Int>, cellRows: [RowRanges], text: [[Unicode.Scalar]]) {
        self.lines = lines
        self.cellRows = cellRows
        self.text = text
    }

    /// The rows with each cell's text (the text of the line over the cell's span).
    public var rows: [TableRow] {
        get {
            if let setRows { return setRows }
            return cellRows.map { row in
                TableRow(line: row.line, cells: row.cells.map { r in
                    TableCell(text: text[row.line][r].string, span: TextSpan(line: row.line, start: r.lowerBound, end: r.upperBound))
                })
            }
        }
        set {
            setRows = newValue
            cellRows = newValue.map { RowRanges(line: $0.line, cells: $0.cells.map { $0.span.start..<$0.span.end }) }
        }
    }
}

/// One row of a table: its line, and each cell's text and span.
public struct TableRow: Sendable {
    public var line: Int
    public var cells: [TableCell]
}

public struct TableCell: Sendable {
    public var text: String
    public var span: TextSpan
}

/// A paragraph of prose: consecutive lines joined where the text was hard-wrapped.
public struct Paragraph: Sendable {
    /// The joined text, as scalars.
    public var scalars: [Unicode.Scalar]
    /// Where each joined line starts: (offset in `scalars`, line index, offset in that line).
    var pieces: [(offset: Int, line: Int, lineOffset: Int)]
    /// A numbered heading line (一、…) rather than prose.
    public var isHeading: Bool
    /// The top-level section number the paragraph stands in (nil before the first heading).
    public var sectionNumber: Int?
    /// The top-level section's title.
    public var sectionTitle: String?

    /// The span in the text view of scalars [start, end) of the paragraph (clipped to the first line it touches).
    public func span(_ start: Int, _ end: Int) -> TextSpan {
        var piece = pieces[0]
        for p in pieces where p.offset <= start { piece = p }
        let next = pieces.first(where: { $0.offset > start })?.offset ?? scalars.count
        let clippedEnd = min(end, next)
        return TextSpan(line: piece.line, start: piece.lineOffset + start - piece.offset,
                        end: piece.lineOffset + clippedEnd - piece.offset)
    }

    public var text: String { scalars.string }
}

/// A figure stated in prose.
public struct Figure: Sendable {
    /// `oversized`: a number with more digits than a check can hold exactly (over 15) — reported as too large
    /// to check, and left out of every sum and share.
    public enum Kind: String, Sendable { case count, share, year, amount, oversized }
    public var kind: Kind
    /// The numeric value (a share in percent: 50.65).
    public var value: Double
    /// Digits after the decimal point as printed (rounding tolerance).
    public var decimals: Int
    /// The unit as written: 条, 件, %, 年, 万元 …
    public var unit: String
    /// “100余条”: an approximate figure.
    public var approximate: Bool
    /// Written in Chinese numerals.
    public var chineseNumeral: Bool
    /// Which paragraph (index into `Report.paragraphs`) and where in it [start, end).
    public var paragraph: Int
    public var start: Int
    public var end: Int
    /// Where the number itself starts (after a sign).
    public var numberStart: Int

    /// Digits a figure may have and still be checked exactly (a Double holds integers up to 2^53 ≈ 9×10^15).
    public static let exactDigits = 15
}

/// A figure stated in prose that a statutory table also states (“共收到政府信息公开申请28件”), with the cells it
/// restates by the phrases of rules/tables.json (`tableFigures`).
struct ProseTableFigure: Sendable {
    var statement: TableFigurePhrases.Statement
    /// Where the figure stands, and the clause with the figure as printed.
    var span: TextSpan
    var quote: String
    var value: Double
    /// The row sets the figure may sum: the first is the precise reading, the others what loose wording allows.
    var rowSets: [[String]]
    var columns: [String]
    /// A breakdown by applicant of the figure at this index (“其中自然人申请24件”).
    var parent: Int?
    /// The sentence names a sub-unit (区政府办…): the figure may be that unit's, not the body's.
    var subUnit: Bool
}
