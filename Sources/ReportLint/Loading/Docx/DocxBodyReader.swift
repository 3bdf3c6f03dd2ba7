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
struct DocxBodyReader {
    var styles: DocxStyles
    var numbering: DocxNumbering

    private struct Paragraph {
        var segments: [String] = [""]
        var styleID: String?
        var numID: String?
        var numLevel: Int?
        var outlineLevel: Int?
    }

    private struct Cell {
        var paragraphs: [String] = []
        var span = 1
        var continuesMerge = false
    }

    private struct Row {
        var cells: [Cell] = []
        var before = 0
        var after = 0
        var deleted = false
    }

    private struct Table {
        var rows: [[String]] = []
        var row: Row?
        var cell: Cell?
    }

    /// Elements whose whole content is hidden from the reader of the document (see the type's comment).
    private static let hidden: Set<String> = [
        "w:del", "w:moveFrom", "w:delText", "w:instrText", "w:txbxContent", "w:drawing", "w:pict", "w:object",
        "mc:Fallback", "w:pPrChange", "w:rPrChange", "w:tblPrChange", "w:trPrChange", "w:tcPrChange",
        "w:sectPrChange", "w:tblGridChange", "w:numberingChange", "w:sdtPr", "w:fldData",
    ]
    /// Grid spans larger than Word's 63 columns are hostile; cap them so one cell cannot blow up memory.
    private static let maxSpan = 64

    private var lines: [DocumentLine] = []
    private var nextTableID = 1
    private var paragraph: Paragraph?
    private var table: Table?
    /// How deep inside a cell of `table` the current (nested, flattened) table is.
    private var nestedTables = 0
    /// Open complex fields: true while in the instruction part (before `separate`).
    private var fieldInstruction: [Bool] = []
    private var skippingAtDepth: Int?
    private var inText = false
    /// The current run is hidden text (`w:vanish`), which Word does not show.
    private var runHidden = false

    init(styles: DocxStyles, numbering: DocxNumbering) {
        self.styles = styles
        self.numbering = numbering
    }

    mutating func read(_ xml: DocxXML) throws(LoadError) -> [DocumentLine] {
        try xml.walk { (event, path) throws(LoadError) in
            if let depth = skippingAtDepth {
                if case .end = event, path.count == depth { skippingAtDepth = nil }
                return
            }
            switch event {
            case .start(let tag): start(tag, path: path)
            case .end(let name): end(name)
            case .text(let text):
                if inText && !fieldInstruction.contains(true) { append(text) }
            }
        }
        return lines
    }

    private mutating func start(_ tag: MarkupScanner.Tag, path: [String]) {
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        let val = tag.attribute("w:val")
        let intVal = val.flatMap { Int($0) }
        let outer = nestedTables == 0
        switch tag.name {
        case let name where Self.hidden.contains(name):
            if name == "w:del" && parent == "w:trPr" && outer { table?.row?.deleted = true }
            skippingAtDepth = path.count
        case "w:p": paragraph = Paragraph()
        case "w:r": runHidden = false
        case "w:vanish" where parent == "w:rPr" && path.count >= 3 && path[path.count - 3] == "w:r":
            runHidden = val != "0" && val != "false"
        case "w:pStyle" where parent == "w:pPr": paragraph?.styleID = val
        case "w:numId" where parent == "w:numPr": paragraph?.numID = val
        case "w:ilvl" where parent == "w:numPr": paragraph?.numLevel = intVal
        case "w:outlineLvl" where parent == "w:pPr": paragraph?.outlineLevel = intVal
        case "w:t": inText = true
        case "w:tab" where parent == "w:r", "w:ptab": append("\t")
        case "w:br" where parent == "w:r", "w:cr": if !runHidden { paragraph?.segments.append("") }
        case "w:noBreakHyphen": append("-")
        case "w:fldChar":
            switch tag.attribute("w:fldCharType") {
            case "begin": fieldInstruction.append(true)
            case "separate": if !fieldInstruction.isEmpty { fieldInstruction[fieldInstruction.count - 1] = false }
            case "end": _ = fieldInstruction.popLast()
            default: break
            }
        case "w:tbl":
            if table == nil { table = Table() } else { nestedTables += 1 }
        case "w:tr" where outer: table?.row = Row()
        case "w:gridBefore" where parent == "w:trPr" && outer: table?.row?.before = min(max(intVal ?? 0, 0), Self.maxSpan)
        case "w:gridAfter" where parent == "w:trPr" && outer: table?.row?.after = min(max(intVal ?? 0, 0), Self.maxSpan)
        case "w:tc" where outer: table?.cell = Cell()
        case "w:gridSpan" where parent == "w:tcPr" && outer: table?.cell?.span = min(max(intVal ?? 1, 1), Self.maxSpan)
        case "w:vMerge" where parent == "w:tcPr" && outer, "w:hMerge" where parent == "w:tcPr" && outer:
            table?.cell?.continuesMerge = val != "restart"
        default: break
        }
    }

    private mutating func end(_ name: String) {
        let outer = nestedTables == 0
        switch name {
        case "w:t": inText = false
        case "w:r": runHidden = false
        case "w:p": finishParagraph()
        case "w:tc" where outer:
            if let cell = table?.cell { table?.row?.cells.append(cell) }
            table?.cell = nil
        case "w:tr" where outer:
            if let row = table?.row, !row.deleted, !row.cells.isEmpty { table?.rows.append(Self.gridCells(row)) }
            table?.row = nil
        case "w:tbl":
            if nestedTables > 0 {
                nestedTables -= 1
            } else if let finished = table {
                lines += LineAssembly.tableLines(finished.rows, tableID: nextTableID)
                nextTableID += 1
                table = nil
            }
        default: break
        }
    }

    private mutating func append(_ text: String) {
        guard paragraph != nil, !runHidden else { return }
        paragraph!.segments[paragraph!.segments.count - 1] += text
    }

    private mutating func finishParagraph() {
        guard let p = paragraph else { return }
        paragraph = nil
        var label = ""
        let styleList = p.styleID.flatMap { styles.numbering(styleID: $0) }
        if let numID = p.numID ?? styleList?.numID, numID != "0" {
            label = numbering.label(numID: numID, level: p.numLevel ?? styleList?.level ?? 0) ?? ""
        }
        let text = label + LineAssembly.joinSoft(p.segments)
        if table?.cell != nil {
            table?.cell?.paragraphs.append(text)
            return
        }
        let level: Int?
        if let outline = p.outlineLevel {
            level = (0...8).contains(outline) ? outline + 1 : nil
        } else {
            level = p.styleID.flatMap { styles.headingLevel(styleID: $0) }
        }
        let blank = text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        lines.append(DocumentLine(text, kind: level.map { blank ? .paragraph : .heading(level: $0) } ?? .paragraph))
    }

    /// A row's cells on the table grid (see the type's comment for merged cells).
    private static func gridCells(_ row: Row) -> [String] {
        var cells = Array(repeating: "", count: row.before)
        for cell in row.cells {
            cells.append(cell.continuesMerge ? "" : LineAssembly.cellText(cell.paragraphs))
            cells += Array(repeating: "", count: cell.span - 1)
        }
        return cells + Array(repeating: "", count: row.after)
    }
}
