/// Turns word/document.xml into the lines of the text view: one line per paragraph, one per table row.
///
/// Decisions, each for what a user sees in Word:
/// - Runs are joined as they are. `w:tab` is a tab. A manual line break (`w:br`, `w:cr`, Shift+Enter) does
///   *not* start a new line of the view: the view has one line per Word paragraph, so a line number leads
///   to the paragraph, and breaks are mostly layout (table headers like 结果⏎纠正). It joins with nothing
///   between Chinese characters (结果纠正) and with a space otherwise.
/// - What Word shows is kept, what it hides is dropped: field results (`w:fldSimple` content, text after
///   a complex field's `separate`) stay, field codes (`w:instrText`, text before `separate`) go; tracked
///   insertions stay, deletions (`w:del`, `w:delText`, deleted table rows) and the old formatting in
///   `…Change` elements go, and so does hidden text (`w:vanish`). Text boxes, drawings and the `mc:Fallback` copies of them are skipped.
/// - Automatic numbering is written out: a paragraph numbered by a list shows its label ("一、", "（二）")
///   in front of its text (see `DocxNumbering`).
/// - A table row is one line of cells on the table's grid: a cell spanning columns (`w:gridSpan`) gives
///   its text once and then empty cells; a vertically merged cell's continuation (`w:vMerge` without
///   "restart") is empty, since its text belongs to the first row (the table reader reads row labels
///   spanning rows from there). Several paragraphs in one cell join like line breaks; a table nested in a
///   cell is flattened into that cell's text; paragraphs in tables never appear as lines of their own.
///
/// With `recording`, each line also keeps where its characters came from (`DocxLineSource`); the Word
/// comments anchored on a line are kept always.
struct DocxBodyReader {
    var styles: DocxStyles
    var numbering: DocxNumbering
    let recording: Bool

    struct Paragraph {
        /// The text since the last manual line break, and the pieces before each break (apart, so that a
        /// paragraph without breaks, nearly every one, needs no array).
        var text = ""
        var beforeBreaks: [String] = []
        /// When recording: the sources of `text` (`count` characters so far), and of each piece before a break.
        var segments: [DocxSourceSegment] = []
        var count = 0
        var segmentsBeforeBreaks: [[DocxSourceSegment]] = []
        /// Ids of the Word comments anchored here.
        var comments: [String] = []

        mutating func lineBreak(recording: Bool) {
            beforeBreaks.append(text)
            text = ""
            if recording {
                segmentsBeforeBreaks.append(segments)
                segments = []
                count = 0
            }
        }
    }

    /// What a paragraph's `w:pPr` names: its style, list and level, outline level. Kept beside `paragraph`
    /// rather than in it: a Paragraph holding optional Strings was dropped, for every paragraph, through
    /// the slow generic path of Swift's value witnesses.
    struct ParagraphProperties {
        var styleID: String?
        var numID: String?
        var numLevel: Int?
        var outlineLevel: Int?
    }

    struct Cell {
        /// The cell's paragraphs: the first apart, so that a cell of one paragraph (nearly every one) needs no array.
        var first: String?
        var more: [String] = []
        var span = 1
        var continuesMerge = false
        /// When recording, the sources of each paragraph; the comments anchored in the cell.
        var sources: [[DocxSourceSegment]] = []
        var comments: [String] = []

        var paragraphs: [String] { first.map { [$0] + more } ?? [] }

        mutating func append(_ paragraph: String) {
            if first == nil { first = paragraph } else { more.append(paragraph) }
        }

        /// The cell's text as one line (`LineAssembly.cellText` of its paragraphs).
        var text: String {
            guard let first else { return "" }
            return more.isEmpty ? LineAssembly.cellText(first) : LineAssembly.cellText(paragraphs)
        }
    }

    struct Row {
        var cells: [Cell] = []
        var before = 0
        var after = 0
        var deleted = false
    }

    /// Grid spans larger than Word's 63 columns are hostile; cap them so one cell cannot blow up memory.
    private static let maxSpan = 64

    private var lines: [DocumentLine] = []
    private var nextTableID = 1
    private var paragraph: Paragraph?
    /// The properties of `paragraph` (meaningless while there is none).
    private var properties = ParagraphProperties()
    /// The rows of the outer table being read (nil outside tables), and the source of each.
    private var table: [[String]]?
    private var tableSources: [DocxLineSource?] = []
    /// Word comments whose range has begun and not yet ended.
    private var openComments: [String] = []
    /// The outer table's current row and cell. They live beside `table` rather than in it so that
    /// reading and updating them never copies the table.
    private var row: Row?
    /// How many cells the last row of the outer table had: room for as many is made in the next row at once
    /// (the rows of a table are alike), rather than the array growing three or four times per row.
    private var lastRowCells = 0
    private var cell: Cell?
    /// How deep inside a cell of `table` the current (nested, flattened) table is.
    private var nestedTables = 0
    /// Open complex fields: true while in the instruction part (before `separate`).
    private var fieldInstruction: [Bool] = []
    private var skippingAtDepth: Int?
    private var inText = false
    /// The current run is hidden text (`w:vanish`), which Word does not show.
    private var runHidden = false

    init(styles: DocxStyles, numbering: DocxNumbering, recording: Bool = false) {
        self.styles = styles
        self.numbering = numbering
        self.recording = recording
    }

    mutating func read(_ xml: DocxXML) throws(LoadError) -> [DocumentLine] {
        // Two elements in five are ones this reader never looks at (w:jc, w:rFonts…): not reporting them
        // saves two events each.
        var events = xml.events(unknownElements: false)
        while let event = try events.next() {
            if let depth = skippingAtDepth {
                if case .end = event, events.depth == depth { skippingAtDepth = nil }
                continue
            }
            switch event {
            case .start(let element?): start(element, at: &events)
            case .end(let element?): end(element)
            case .text:
                // The String is built only for text that shows.
                if inText && !fieldInstruction.contains(true) && paragraph != nil && !runHidden {
                    append(events.text(), from: recording ? events.markupRange : 0..<0, .text(cdata: events.isCDATA))
                }
            case .start(nil), .end(nil): break
            }
        }
        return lines
    }

    /// Elements whose whole content is hidden from the reader of the document (see the type's comment).
    private static func isHidden(_ element: DocxXML.Element) -> Bool {
        switch element {
        case .del, .moveFrom, .delText, .instrText, .txbxContent, .drawing, .pict, .object, .fallback, .pPrChange,
             .rPrChange, .tblPrChange, .trPrChange, .tcPrChange, .sectPrChange, .tblGridChange, .numberingChange,
             .sdtPr, .fldData:
            return true
        default:
            return false
        }
    }

    // An element's `w:val`, decoded only where a case of `start` reads it. (Functions rather than local
    // computed properties in `start`, whose capture of `events` copied it for every element.)
    private static func val(_ events: borrowing DocxXML.Events) -> String? { events.attribute("w:val") }
    private static func intVal(_ events: borrowing DocxXML.Events) -> Int? { val(events).flatMap { Int($0) } }

    /// `events` is `inout` only so that it is not copied for every element (it is not changed).
    private mutating func start(_ element: DocxXML.Element, at events: inout DocxXML.Events) {
        let parent = events.parent
        let outer = nestedTables == 0
        switch element {
        case _ where Self.isHidden(element):
            if element == .del && parent == .trPr && outer { row?.deleted = true }
            skippingAtDepth = events.depth
        case .p:
            paragraph = Paragraph()
            properties = ParagraphProperties()
            if !openComments.isEmpty { paragraph?.comments = openComments }
        case .r: runHidden = false
        case .vanish where parent == .rPr && events.ancestor(2) == .r: runHidden = Self.val(events).map { $0 != "0" && $0 != "false" } ?? true
        case .pStyle where parent == .pPr: if paragraph != nil { properties.styleID = Self.val(events) }
        case .numId where parent == .numPr: if paragraph != nil { properties.numID = Self.val(events) }
        case .ilvl where parent == .numPr: if paragraph != nil { properties.numLevel = Self.intVal(events) }
        case .outlineLvl where parent == .pPr: if paragraph != nil { properties.outlineLevel = Self.intVal(events) }
        case .t: inText = true
        case .tab where parent == .r, .ptab: appendElement("\t", at: &events)
        case .br where parent == .r, .cr: if !runHidden { paragraph?.lineBreak(recording: recording) }
        case .noBreakHyphen: appendElement("-", at: &events)
        case .commentRangeStart:
            guard let id = events.attribute("w:id") else { break }
            openComments.append(id)
            anchorComment(id)
        case .commentRangeEnd:
            if let id = events.attribute("w:id"), let k = openComments.lastIndex(of: id) { openComments.remove(at: k) }
        case .commentReference:
            if let id = events.attribute("w:id") { anchorComment(id) }
        case .fldChar:
            switch events.attribute("w:fldCharType") {
            case "begin": fieldInstruction.append(true)
            case "separate": if !fieldInstruction.isEmpty { fieldInstruction[fieldInstruction.count - 1] = false }
            case "end": _ = fieldInstruction.popLast()
            default: break
            }
        case .tbl:
            if table == nil { table = []; tableSources = [] } else { nestedTables += 1 }
        case .tr where outer:
            if table != nil {
                row = Row()
                row?.cells.reserveCapacity(lastRowCells)
            }
        case .gridBefore where parent == .trPr && outer: row?.before = min(max(Self.intVal(events) ?? 0, 0), Self.maxSpan)
        case .gridAfter where parent == .trPr && outer: row?.after = min(max(Self.intVal(events) ?? 0, 0), Self.maxSpan)
        case .tc where outer: if table != nil { cell = Cell() }
        case .gridSpan where parent == .tcPr && outer: cell?.span = min(max(Self.intVal(events) ?? 1, 1), Self.maxSpan)
        case .vMerge where parent == .tcPr && outer, .hMerge where parent == .tcPr && outer:
            cell?.continuesMerge = Self.val(events) != "restart"
        default: break
        }
    }

    private mutating func end(_ element: DocxXML.Element) {
        let outer = nestedTables == 0
        switch element {
        case .t: inText = false
        case .r: runHidden = false
        case .p: finishParagraph()
        // `take()` moves the cell, row and paragraph out rather than copying them and then dropping the original.
        case .tc where outer:
            if let cell = cell.take() { row?.cells.append(cell) }
        case .tr where outer:
            if let row = row.take(), !row.deleted, !row.cells.isEmpty, table != nil {
                lastRowCells = row.cells.count
                let cells = Self.gridCells(row)
                table?.append(cells)
                tableSources.append(rowSource(row, cells: cells))
            }
        case .tbl:
            if nestedTables > 0 {
                nestedTables -= 1
            } else if let rows = table {
                var rowLines = LineAssembly.tableLines(rows, tableID: nextTableID)
                for (k, source) in tableSources.enumerated() where source != nil { rowLines[k].docxSource = source }
                lines += rowLines
                nextTableID += 1
                table = nil
                row = nil
                cell = nil
            }
        default: break
        }
    }

    private mutating func append(_ text: String, from bytes: Range<Int>, _ kind: DocxSourceSegment.Kind?) {
        guard paragraph != nil, !runHidden else { return }
        paragraph!.text += text
        if recording {
            let n = text.unicodeScalars.count
            if let kind, n > 0 { paragraph!.segments.append(.init(column: paragraph!.count, length: n, bytes: bytes, kind: kind)) }
            paragraph!.count += n
        }
    }

    /// A character an element stands for (`w:tab`): mapped to the element when it is one self-closing tag.
    private mutating func appendElement(_ text: String, at events: inout DocxXML.Events) {
        append(text, from: events.markupRange, events.startIsSelfClosing ? .element : nil)
    }

    private mutating func anchorComment(_ id: String) {
        if paragraph != nil, !paragraph!.comments.contains(id) { paragraph!.comments.append(id) }
    }

    private mutating func finishParagraph() {
        guard let p = paragraph.take() else { return }
        var label = ""
        let styleList = properties.styleID.flatMap { styles.numbering(styleID: $0) }
        if let numID = properties.numID ?? styleList?.numID, numID != "0" {
            label = numbering.label(numID: numID, level: properties.numLevel ?? styleList?.level ?? 0) ?? ""
        }
        let body = p.beforeBreaks.isEmpty ? p.text : LineAssembly.joinSoft(p.beforeBreaks + [p.text])
        let text = label.isEmpty ? body : label + body
        let segments = recording ? Self.paragraphSegments(p, label: label) : []
        if cell != nil {
            cell?.append(text)
            if recording { cell?.sources.append(segments) }
            if !p.comments.isEmpty { cell?.comments += p.comments }
            return
        }
        let level: Int?
        if let outline = properties.outlineLevel {
            level = (0...8).contains(outline) ? outline + 1 : nil
        } else {
            level = properties.styleID.flatMap { styles.headingLevel(styleID: $0) }
        }
        let blank = level != nil && text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        var line = DocumentLine(text, kind: level.map { blank ? .paragraph : .heading(level: $0) } ?? .paragraph)
        if !segments.isEmpty || !p.comments.isEmpty { line.docxSource = DocxLineSource(segments: segments, comments: p.comments) }
        lines.append(line)
    }

    /// A row's cells on the table grid (see the type's comment for merged cells).
    static func gridCells(_ row: Row) -> [String] {
        var cells: [String] = []
        cells.reserveCapacity(row.before + row.cells.reduce(0) { $0 + $1.span } + row.after)
        // The empty cells are appended only where there are some (nearly every row and cell has none).
        if row.before > 0 { cells.append(contentsOf: repeatElement("", count: row.before)) }
        // The cells are read in place: copying each out of the row retained and released its three arrays.
        for k in row.cells.indices {
            cells.append(row.cells[k].continuesMerge ? "" : row.cells[k].text)
            let span = row.cells[k].span
            if span > 1 { cells.append(contentsOf: repeatElement("", count: span - 1)) }
        }
        if row.after > 0 { cells.append(contentsOf: repeatElement("", count: row.after)) }
        return cells
    }
}
