/// One row of a statutory table split into its label and its figures, whatever the row's source.
struct TableRowCells {
    var line: Int
    /// The cells naming the row (“（三）不 | 4.保护第三方合法权益” is two), possibly none.
    var labelCells: [TableCell]
    /// The cells after the label, each a figure, a not-stated mark or blank.
    var valueCells: ArraySlice<TableCell> { cells[valueStart...] }
    /// All cells, for reading column headers.
    var cells: [TableCell]
    /// Where `valueCells` start in `cells`.
    var valueStart: Int
    /// The source keeps empty cells (Word, HTML, tab, Markdown pipe), so cell positions line up with the header;
    /// rows split on runs of spaces drop them.
    var aligned: Bool

    /// The label cells' text run together.
    var label: String { labelCells.map(\.text).joined() }
    /// The label in the form labels are compared in (`LabelText.compact`), worked out once for the reader
    /// and the builder.
    var compactLabel: [Unicode.Scalar]
    var labelSpan: TextSpan? {
        guard let first = labelCells.first, let last = labelCells.last else { return nil }
        return first.span.line == last.span.line ? TextSpan(line: first.span.line, start: first.span.start, end: last.span.end) : first.span
    }
    /// The label cells stand together at the start (after blank cells of a merged label column), not spread
    /// over the row as a header's are (行政复议 | | | | | 行政诉讼).
    var labelIsOneRun: Bool {
        let head = cells[..<valueStart].drop { $0.text.isEmpty }
        return !head.contains { $0.text.isEmpty }
    }

    /// Whether any figure or not-stated mark stands in the row (blank cells alone do not count).
    var hasValues: Bool { valueCells.contains { !$0.text.isEmpty } }

    /// Splits a row into its label and its figures.
    init(line: Int, cells: [TableCell], aligned: Bool) {
        self.line = line
        self.aligned = aligned
        var cells = cells
        // A lone caption line from plain PDF text may still be “label figure” (行政许可 152).
        if cells.count == 1, let split = Self.splitTrailingFigure(cells[0]) { cells = split }
        self.cells = cells
        // The label is the first run of text cells; the rest are figures — a stray word among them (“约5”) is
        // an unreadable figure, not part of the label. Without any figure, every text cell is label (a header).
        let facts = cells.map { Self.facts($0.text) }
        let last = cells.indices.last { !cells[$0].text.isEmpty && !facts[$0].valueLike }
        var runEnd = cells.firstIndex { !$0.text.isEmpty } ?? 0
        while runEnd < cells.count, !cells[runEnd].text.isEmpty, !facts[runEnd].valueLike { runEnd += 1 }
        let figuresAfterRun = facts[runEnd...].contains { $0.figureLike }
        valueStart = last == nil ? 0 : figuresAfterRun ? runEnd : last! + 1
        labelCells = last.map { Array(cells[...$0]).filter { !$0.text.isEmpty } } ?? []
        var compact: [Unicode.Scalar] = []
        compact.reserveCapacity(labelCells.reduce(0) { $0 + $1.text.utf8.count })
        for cell in labelCells { LabelText.appendCompact(cell.text, to: &compact) }
        compactLabel = compact
    }

    /// A Markdown separator row (|---|:---:|).
    var isSeparator: Bool {
        !cells.isEmpty && cells.allSatisfy { c in
            let t = c.text.unicodeScalars
            return t.count >= 2 && t.allSatisfy { $0 == "-" || $0 == ":" || $0 == "—" } && t.contains("-")
        }
    }

    /// Page furniture or noise: no Chinese character and no digit in any cell.
    var isNoise: Bool {
        !cells.contains { $0.text.unicodeScalars.contains { $0.isHan || $0.isDigitLike } }
    }

    /// The figure cells with blank cells at the end dropped, unless keeping them reaches `count`.
    func values(fitting count: Int) -> [TableCell] {
        var v = valueCells
        while v.count > count, let last = v.last, last.text.isEmpty { v.removeLast() }
        return Array(v)
    }

    static let notStatedMarks: Set<String> = ["/", "／", "-", "－", "—", "——", "--", "无", "―", "–"]

    /// What a cell's text is: `valueLike` — blank, a not-stated mark or a figure; `figureLike` — it has a digit
    /// or is a not-stated mark. Worked out for every cell of every table row, so the usual cell, a plain
    /// number, is answered from its bytes; the rest without building or hashing Strings for long labels
    /// (every not-stated mark is one or two scalars, and no other text equals one as a String).
    static func facts(_ text: String) -> (valueLike: Bool, figureLike: Bool) {
        if isPlainNumber(text) { return (true, true) }
        // Without a digit a cell is a figure only as a not-stated mark, which is at most two scalars.
        var digit = false, solid = 0
        for u in text.unicodeScalars {
            if u.isDigitLike { digit = true; break }
            if !u.isBlank { solid += 1 }
        }
        if !digit && solid == 0 { return (true, false) }
        if !digit && solid > 2 { return (false, false) }
        if digit {
            // A cell with a digit is no not-stated mark, so it is value-like exactly when `TableFinder.isNumeric`
            // says so, which blanks around it do not change: asked of the String, without decoding it into an
            // array (row labels such as “（三）不予公开 1.属于国家秘密” have digits).
            for u in text.unicodeScalars where !u.isDigitLike && !TableFinder.mayStandInFigure(u) { return (false, true) }
            return (true, true)
        }
        let s = text.scalars
        var a = 0, b = s.count
        while a < b, s[a].isBlank { a += 1 }
        while b > a, s[b - 1].isBlank { b -= 1 }
        let t = s[a..<b]
        let mark = t.count <= 2 && notStatedMarks.contains(Array(t).string)
        return (t.isEmpty || mark || TableFinder.isNumeric(t), mark || t.contains(where: \.isDigitLike))
    }

    /// ASCII digits only, at least one (“0”, “152”).
    private static func isPlainNumber(_ text: String) -> Bool {
        var any = false
        for b in text.utf8 {
            guard b >= 0x30 && b <= 0x39 else { return false }
            any = true
        }
        return any
    }

    /// “行政许可 152” → [行政许可][152]; nil when the line does not end in a figure after a label.
    static func splitTrailingFigure(_ cell: TableCell) -> [TableCell]? {
        let s = Array(cell.text.unicodeScalars)
        guard let blank = s.lastIndex(where: \.isBlank) else { return nil }
        let figure = Array(s[(blank + 1)...]), label = Array(s[..<blank])
        guard TableFinder.isNumeric(ArraySlice(figure)), figure.contains(where: \.isDigitLike),
              label.contains(where: \.isHan) else { return nil }
        let labelEnd = TableFinder.trim(label, 0, label.count).1
        let base = cell.span.start
        return [TableCell(text: label[..<labelEnd].string, span: TextSpan(line: cell.span.line, start: base, end: base + labelEnd)),
                TableCell(text: figure.string, span: TextSpan(line: cell.span.line, start: base + blank + 1, end: base + s.count))]
    }

    /// Reads a cell: a figure with its unit, not stated, or unreadable. `unit` is the header's unit of money.
    static func value(_ cell: TableCell, unit: String?) -> TableValue {
        if cell.text.isEmpty { return .notStated(cell.span) }
        if isPlainNumber(cell.text) {
            // The usual cell: the same digit-by-digit sum as below, without trimming or a suffix.
            var value = 0.0
            for b in cell.text.utf8 { value = value * 10 + Double(b - 0x30) }
            return .number(value, unit: unit, span: cell.span)
        }
        let t = Array(cell.text.trimmedBlanks.unicodeScalars)
        if t.isEmpty || notStatedMarks.contains(t.string) { return .notStated(cell.span) }
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
        guard digits > 0, ["", "件", "条", "个", "项", "元", "万元", "次"].contains(suffix) else { return .unreadable(cell.span) }
        let cellUnit = suffix == "元" || suffix == "万元" ? suffix : nil
        return .number(negative ? -value : value, unit: cellUnit ?? unit, span: cell.span)
    }
}
