/// One row of a statutory table split into its label and its figures, whatever the row's source.
///
/// The cells are ranges of scalars in the row's line (`text`), not Strings: every cell of every table row is
/// looked at here, and building, copying and freeing a String (and an array of them) per cell was most of the
/// cost of reading the tables. A String is made only for the rare cell that is neither blank nor a plain number.
struct TableRowCells {
    var line: Int
    /// The row's line, which the cells index.
    let text: [Unicode.Scalar]
    /// All cells, for reading column headers.
    var cells: [Range<Int>]
    /// Where `valueCells` start in `cells`.
    var valueStart: Int
    /// The label cells are the non-blank cells before `labelEnd` (“（三）不 | 4.保护第三方合法权益” is two),
    /// possibly none.
    var labelEnd: Int
    /// The source keeps empty cells (Word, HTML, tab, Markdown pipe), so cell positions line up with the header;
    /// rows split on runs of spaces drop them.
    var aligned: Bool
    /// The label in the form labels are compared in (`LabelText.compact`), worked out once for the reader
    /// and the builder.
    var compactLabel: [Unicode.Scalar]
    /// Where the row phrases and captions the namer found in `compactLabel` stand in the reader's list of them
    /// (`TableNamer.PhraseFound`); nil when the label was not named.
    var phrasesFound: Range<Int>?

    /// The cells after the label, each a figure, a not-stated mark or blank.
    var valueCells: ArraySlice<Range<Int>> { cells[valueStart...] }
    /// Whether the row has a label (the last label cell is never blank).
    var hasLabel: Bool { labelEnd > 0 }
    /// How many cells the label stands in.
    var labelCellCount: Int { cells[..<labelEnd].reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }

    /// Where a cell of the row stands in the text view.
    func span(_ cell: Range<Int>) -> TextSpan { TextSpan(line: line, start: cell.lowerBound, end: cell.upperBound) }

    var labelSpan: TextSpan? {
        guard hasLabel, let first = cells[..<labelEnd].first(where: { !$0.isEmpty }) else { return nil }
        return TextSpan(line: line, start: first.lowerBound, end: cells[labelEnd - 1].upperBound)
    }
    /// The label cells stand together at the start (after blank cells of a merged label column), not spread
    /// over the row as a header's are (行政复议 | | | | | 行政诉讼).
    var labelIsOneRun: Bool {
        let head = cells[..<valueStart].drop { $0.isEmpty }
        return !head.contains { $0.isEmpty }
    }

    /// Whether any figure or not-stated mark stands in the row (blank cells alone do not count).
    var hasValues: Bool { valueCells.contains { !$0.isEmpty } }

    /// Splits a row (cells as ranges of `text`) into its label and its figures.
    init(line: Int, text: [Unicode.Scalar], cells: [Range<Int>], aligned: Bool) {
        self.line = line
        self.text = text
        self.aligned = aligned
        var cells = cells
        // A lone caption line from plain PDF text may still be “label figure” (行政许可 152).
        if cells.count == 1, let split = Self.splitTrailingFigure(cells[0], in: text) { cells = split }
        self.cells = cells
        // The label is the first run of text cells; the rest are figures — a stray word among them (“约5”) is
        // an unreadable figure, not part of the label. Without any figure, every text cell is label (a header).
        // The cells' facts in scratch space on the stack: an array of them per row was a third of the cost.
        (valueStart, labelEnd) = withUnsafeTemporaryAllocation(of: (valueLike: Bool, figureLike: Bool).self, capacity: cells.count) { facts in
            // Most cells are plain numbers or blank, told on the line's buffer without a call (`facts` says the same).
            text.withUnsafeBufferPointer { t in
                for (i, c) in cells.enumerated() {
                    let cellFacts = c.isEmpty ? (true, false) : Self.isPlainNumber(t, c) ? (true, true) : Self.facts(text[c])
                    facts.initializeElement(at: i, to: cellFacts)
                }
            }
            let last = cells.indices.last { !cells[$0].isEmpty && !facts[$0].valueLike }
            var runEnd = cells.firstIndex { !$0.isEmpty } ?? 0
            while runEnd < cells.count, !cells[runEnd].isEmpty, !facts[runEnd].valueLike { runEnd += 1 }
            let figuresAfterRun = facts[runEnd..<cells.count].contains { $0.figureLike }
            return (last == nil ? 0 : figuresAfterRun ? runEnd : last! + 1, last.map { $0 + 1 } ?? 0)
        }
        compactLabel = LabelText.compact(text, cells: cells[..<labelEnd])
    }

    /// Calls `body` with where each label cell's compact form stands in `compactLabel` (the compact form of
    /// text run together is that of the pieces): counted, rather than each cell compacted again.
    func forEachCompactLabelCell(_ body: (Range<Int>) -> Void) {
        var offset = 0
        for cell in cells[..<labelEnd] where !cell.isEmpty {
            let length = LabelText.compactCount(text[cell])
            body(offset..<(offset + length))
            offset += length
        }
    }

    /// A Markdown separator row (|---|:---:|).
    var isSeparator: Bool {
        !cells.isEmpty && cells.allSatisfy { c in
            let t = text[c]
            return t.count >= 2 && t.allSatisfy { $0 == "-" || $0 == ":" || $0 == "—" } && t.contains("-")
        }
    }

    /// Page furniture or noise: no Chinese character and no digit in any cell.
    var isNoise: Bool {
        !cells.contains { text[$0].contains { $0.isHan || $0.isDigitLike } }
    }

    /// The figure cells with blank cells at the end dropped, unless keeping them reaches `count`.
    func values(fitting count: Int) -> ArraySlice<Range<Int>> {
        var v = valueCells
        while v.count > count, let last = v.last, last.isEmpty { v.removeLast() }
        return v
    }

    static let notStatedMarks: Set<String> = ["/", "／", "-", "－", "—", "——", "--", "无", "―", "–"]
    /// The marks as scalars, to compare a cell of inert scalars with (`LabelText.isInert`): equal as Strings
    /// exactly when equal scalar by scalar.
    private static let notStatedMarkScalars: [[Unicode.Scalar]] = notStatedMarks.map(\.scalars)

    /// Whether trimmed text is a not-stated mark, compared as Strings.
    static func isNotStatedMark(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        if t.allSatisfy(LabelText.isInert) { return notStatedMarkScalars.contains { $0.elementsEqual(t) } }
        return notStatedMarks.contains(t.string)
    }

    /// What a cell's text is: `valueLike` — blank, a not-stated mark or a figure; `figureLike` — it has a digit
    /// or is a not-stated mark. Worked out for every cell of every table row, so the usual cell, a plain
    /// number, is answered at once, and the rest in one or two passes over the scalars.
    static func facts(_ text: ArraySlice<Unicode.Scalar>) -> (valueLike: Bool, figureLike: Bool) {
        if isPlainNumber(text) { return (true, true) }
        // Without a digit a cell is a figure only as a not-stated mark, which is at most two scalars.
        var digit = false, solid = 0
        for u in text {
            if u.isDigitLike { digit = true; break }
            if !u.isBlank { solid += 1 }
        }
        if !digit && solid == 0 { return (true, false) }
        if !digit && solid > 2 { return (false, false) }
        if digit {
            // A cell with a digit is no not-stated mark, so it is value-like exactly when `TableFinder.isNumeric`
            // says so, which blanks around it do not change (row labels such as “（三）不予公开 1.属于国家秘密”
            // have digits).
            for u in text where !u.isDigitLike && !TableFinder.mayStandInFigure(u) { return (false, true) }
            return (true, true)
        }
        var a = text.startIndex, b = text.endIndex
        while a < b, text[a].isBlank { a += 1 }
        while b > a, text[b - 1].isBlank { b -= 1 }
        let t = text[a..<b]
        let mark = t.count <= 2 && isNotStatedMark(t)
        return (t.isEmpty || mark || TableFinder.isNumeric(t), mark || t.contains(where: \.isDigitLike))
    }

    /// ASCII digits only, at least one (“0”, “152”).
    private static func isPlainNumber(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !text.isEmpty else { return false }
        return text.allSatisfy { $0.value &- 0x30 < 10 }
    }

    /// `isPlainNumber` of the cell `cell` of a line's buffer.
    @inline(__always)
    private static func isPlainNumber(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ cell: Range<Int>) -> Bool {
        guard !cell.isEmpty else { return false }
        for i in cell where text[i].value &- 0x30 >= 10 { return false }
        return true
    }

    /// “行政许可 152” → [行政许可][152]; nil when the cell does not end in a figure after a label.
    static func splitTrailingFigure(_ cell: Range<Int>, in text: [Unicode.Scalar]) -> [Range<Int>]? {
        guard let blank = text[cell].lastIndex(where: \.isBlank) else { return nil }
        let figure = text[(blank + 1)..<cell.upperBound], label = text[cell.lowerBound..<blank]
        guard TableFinder.isNumeric(figure), figure.contains(where: \.isDigitLike),
              label.contains(where: \.isHan) else { return nil }
        let labelEnd = TableFinder.trim(text, cell.lowerBound, blank).1
        return [cell.lowerBound..<labelEnd, (blank + 1)..<cell.upperBound]
    }

    /// Reads a cell: a figure, not stated, or unreadable; with the unit of money the cell itself gives (nil: the
    /// header's or the column's applies). Kept by the grid as plain numbers (`CellGrid.set`), not a `TableValue`.
    func value(_ cell: Range<Int>) -> (kind: CellGrid.Kind, number: Double, unit: CellGrid.Unit?) {
        if cell.isEmpty { return (.notStated, 0, nil) }
        let scalars = text[cell]
        if Self.isPlainNumber(scalars), scalars.count <= Figure.exactDigits {
            // The usual cell: the same digit-by-digit sum as below, without trimming or a suffix.
            var value = 0.0
            for u in scalars { value = value * 10 + Double(u.value - 0x30) }
            return (.number, value, nil)
        }
        let t = Array(scalars.string.trimmedBlanks.unicodeScalars)
        if t.isEmpty || Self.notStatedMarks.contains(t.string) { return (.notStated, 0, nil) }
        var i = 0, negative = false
        if ["-", "－", "−", "+", "＋"].contains(t[0]) { negative = t[0] != "+" && t[0] != "＋"; i = 1 }
        var value = 0.0, digits = 0, scale = 0.0
        while i < t.count {
            if let d = t[i].digitValue {
                if scale > 0 { value += Double(d) * scale; scale /= 10 } else { value = value * 10 + Double(d) }
                digits += 1
            } else if t[i] == "." || t[i] == "．", scale == 0 {
                scale = 0.1
            } else if t[i] == ",", scale == 0 {
                // thousands separator
            } else {
                break
            }
            i += 1
        }
        let suffix = t[i...].string.trimmedBlanks
        // More digits than a check can hold exactly: unreadable, never an approximate figure.
        guard digits > 0, digits <= Figure.exactDigits, ["", "件", "条", "个", "项", "元", "万元", "次"].contains(suffix) else { return (.unreadable, 0, nil) }
        return (.number, negative ? -value : value, CellGrid.Unit(suffix))
    }
}
