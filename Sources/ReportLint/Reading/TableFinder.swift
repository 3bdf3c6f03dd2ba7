/// Finds the runs of lines that form tables and splits their rows into cells.
///
/// Tables reach us in many shapes: Word/HTML rows (cells known), tab-separated rows, Markdown pipe tables,
/// `pdftotext -layout` rows separated by runs of spaces, and plain `pdftotext` rows where a label is followed
/// by single-space-separated figures — with header cells and group labels (“三、本年度办理结果”, even split one
/// character per line) on lines of their own. A region is a run of non-blank lines of row-like and short
/// caption-like lines holding at least two row-like lines; a section heading always ends a region.
enum TableFinder {
    /// Whether a line looks like a table row, and its cells as scalar ranges of the line.
    static func rowCells(_ line: [Unicode.Scalar], documentCells: [String]?) -> [Range<Int>]? {
        if let documentCells {
            // Cells from a structured format: recover their offsets in the tab-joined text.
            var result: [Range<Int>] = []
            result.reserveCapacity(documentCells.count)
            var offset = 0
            for cell in documentCells {
                let n = cell.unicodeScalars.count
                result.append(offset..<(offset + n))
                offset += n + 1
            }
            return result
        }
        // Most lines are prose without a blank, tab or pipe: such a line is one token, a row only when it is
        // a figure (the last rule below). Answered without splitting it.
        if !hasBlankOrPipe(line) {
            return isNumeric(line[...]) ? [trimmed(line, 0, line.count)] : nil
        }
        if line.contains("\t") {
            let cells = split(line) { $0 == "\t" }
            var solid = 0
            for c in cells where !c.isEmpty { solid += 1 }
            if solid >= 2 { return cells }
        }
        let first = HeadingParser.skipMarkup(line, from: 0)
        if first < line.count, line[first] == "|" {
            var cells = split(line) { $0 == "|" }
            // Drop the empty cells outside the outer pipes (in place: no second array).
            if cells.count >= 3 {
                cells.removeLast()
                cells.removeFirst()
                return cells
            }
        }
        // “label | 0 | 0 | … ||”: pipes between cells without a leading one (tables copied from web mirrors), the
        // empty cells the copy left at the end dropped.
        var pipes = 0
        for u in line where u == "|" { pipes += 1 }
        if pipes >= 2 {
            var cells = split(line) { $0 == "|" }
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            var solid = 0
            for c in cells where !c.isEmpty { solid += 1 }
            if solid >= 2 { return cells }
        }
        // Runs of two or more blanks (pdftotext -layout, hand-aligned text).
        let wide = splitOnWideBlanks(line)
        if wide.count >= 3 || (wide.count == 2 && wide.contains { isNumeric(line[$0]) }) { return wide }
        // A label followed by two or more single-space-separated figures, or figures only. Either ends in a figure:
        // most prose lines with a blank are turned away by their last token, without splitting them.
        var lastEnd = line.count
        while lastEnd > 0, line[lastEnd - 1].isBlank { lastEnd -= 1 }
        var lastStart = lastEnd
        while lastStart > 0, !line[lastStart - 1].isBlank { lastStart -= 1 }
        guard lastStart < lastEnd, isNumeric(line[lastStart..<lastEnd]) else { return nil }
        var tokens = split(line) { $0.isBlank }
        tokens.removeAll { $0.isEmpty }  // in place: no second array
        var trailing = 0
        for t in tokens.reversed() {
            if isNumeric(line[t]) { trailing += 1 } else { break }
        }
        if trailing >= 2 || (trailing >= 1 && trailing == tokens.count) {
            let labelEnd = tokens.count - trailing
            var cells: [Range<Int>] = []
            cells.reserveCapacity(trailing + 1)
            if labelEnd > 0 { cells.append(tokens[0].lowerBound..<tokens[labelEnd - 1].upperBound) }
            cells += tokens[labelEnd...]
            return cells
        }
        return nil
    }

    /// Whether a blank (`isBlank`) or a pipe stands in the line. Asked of every line: the scalars of Chinese
    /// text are all past U+3000, the greatest of them, and are passed with one comparison each.
    static func hasBlankOrPipe(_ line: [Unicode.Scalar]) -> Bool {
        line.withUnsafeBufferPointer { b in
            for u in b where u.value <= 0x3000 && (u.isBlank || u == "|") { return true }
            return false
        }
    }

    /// A short line without a full stop may be a caption, header or group label inside a table.
    static func isCaptionLike(_ line: [Unicode.Scalar]) -> Bool {
        line.count <= 60 && !line.contains("。")
    }

    /// A header fragment: short and without clause punctuation (“结果结果其他尚未”).
    static func isHeaderLike(_ line: [Unicode.Scalar]) -> Bool {
        line.count <= 30 && !line.contains { $0 == "，" || $0 == "。" || $0 == "," || $0 == "；" }
    }

    static func isBlank(_ line: [Unicode.Scalar]) -> Bool { line.allSatisfy { $0.isBlank } }

    /// A figure cell: digits with optional sign, decimals, thousands commas, a unit or a percent sign;
    /// or one of the “not stated” marks (/ - — 无).
    static func isNumeric(_ cell: ArraySlice<Unicode.Scalar>) -> Bool {
        let trimmed = cell.drop { $0.isBlank }
        guard let f = trimmed.first else { return false }
        if trimmed.count == 1, isNotStatedMark(f) { return true }
        var digits = 0
        for u in trimmed {
            if u.isDigitLike { digits += 1; continue }
            if mayStandInFigure(u) { continue }
            return false
        }
        return digits > 0
    }

    /// Besides digits, what a figure cell may hold: a sign, a decimal point or thousands comma, a percent
    /// sign, a unit, blanks.
    /// (A switch, blanks (`isBlank`) included: asked of every scalar of every figure cell, where searching an
    /// array of the marks cost more.)
    static func mayStandInFigure(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case ".", "．", ",", "-", "－", "+", "%", "％", "万", "元", "件", "条", "个", " ", "\t", "\u{3000}", "\u{A0}": true
        default: false
        }
    }

    /// A “not stated” mark standing alone in a cell: / - — 无.
    private static func isNotStatedMark(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "/", "-", "—", "－", "无", "／": true
        default: false
        }
    }

    static func split(_ line: [Unicode.Scalar], by isSeparator: (Unicode.Scalar) -> Bool) -> [Range<Int>] {
        // Sized first: grown one cell at a time, the array was reallocated twice a row on average.
        var count = 1
        for u in line where isSeparator(u) { count += 1 }
        var cells: [Range<Int>] = []
        cells.reserveCapacity(count)
        var start = 0
        for (i, u) in line.enumerated() where isSeparator(u) {
            cells.append(trimmed(line, start, i))
            start = i + 1
        }
        cells.append(trimmed(line, start, line.count))
        return cells
    }

    /// Splits on runs of two or more blanks (or one ideographic space / tab).
    static func splitOnWideBlanks(_ line: [Unicode.Scalar]) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        cells.reserveCapacity(8)  // room for the usual row at once (see `split`)
        var cellStart = 0, i = 0
        while i < line.count {
            guard line[i].isBlank else { i += 1; continue }
            var j = i
            while j < line.count, line[j].isBlank { j += 1 }
            if j - i >= 2 || line[i] == "\u{3000}" || line[i] == "\t" {
                let cell = trimmed(line, cellStart, i)
                if !cell.isEmpty { cells.append(cell) }
                cellStart = j
            }
            i = j
        }
        let cell = trimmed(line, cellStart, line.count)
        if !cell.isEmpty { cells.append(cell) }
        return cells
    }

    static func trim(_ line: [Unicode.Scalar], _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start, e = end
        while s < e, line[s].isBlank { s += 1 }
        while e > s, line[e - 1].isBlank { e -= 1 }
        return (s, e)
    }

    /// `trim` as a range.
    static func trimmed(_ line: [Unicode.Scalar], _ start: Int, _ end: Int) -> Range<Int> {
        let (s, e) = trim(line, start, end)
        return s..<e
    }

    /// Finds the table regions. `isSectionHeading(i)` says whether line i is a section heading (never absorbed).
    static func regions(lines: [[Unicode.Scalar]], documentLines: [DocumentLine],
                        isSectionHeading heading: (Int) -> Bool) -> [TableRegion] {
        let headings = lines.indices.map(heading)
        let isSectionHeading = { (i: Int) -> Bool in headings[i] }
        var rowCellsByLine: [[Range<Int>]?] = filledArray(nil, count: lines.count)
        for i in lines.indices where !isSectionHeading(i) {
            if let cells = rowCells(lines[i], documentCells: documentLines[i].cells) { rowCellsByLine[i] = cells }
        }
        var regions: [TableRegion] = []
        var i = 0
        while i < lines.count {
            guard rowCellsByLine[i] != nil else { i += 1; continue }
            // Extend backwards over up to three caption lines, forwards over rows and captions.
            var first = i
            while first > 0, i - first < 6, !isBlank(lines[first - 1]), !isSectionHeading(first - 1),
                  rowCellsByLine[first - 1] == nil, isCaptionLike(lines[first - 1]),
                  i - first < 3 || isHeaderLike(lines[first - 1]),
                  regions.last.map({ $0.lines.upperBound < first - 1 }) ?? true {
                first -= 1
            }
            var last = i, j = i + 1, gap = 0
            while j < lines.count, !isBlank(lines[j]) || documentLines[j].tableID != nil && documentLines[j].tableID == documentLines[last].tableID {
                if isSectionHeading(j) { break }
                if rowCellsByLine[j] != nil {
                    last = j
                    gap = 0
                } else if isCaptionLike(lines[j]) && gap < 12 {
                    gap += 1
                } else {
                    break
                }
                j += 1
            }
            // Keep up to two trailing caption lines (notes under a table).
            var rowCount = 0
            for k in first...last where rowCellsByLine[k] != nil { rowCount += 1 }
            let structured = documentLines[i].tableID != nil
            // One line of five figures or more is a table row even alone (表四's one data row below its header,
            // blank lines between, as pdftotext -layout gives it).
            let wideFigures = first == last && rowCellsByLine[i]!.filter { isNumeric(lines[i][$0]) }.count >= 5
            if rowCount >= 2 || structured || wideFigures {
                var end = last
                while end + 1 < lines.count, end - last < 2, end + 1 < j, isCaptionLike(lines[end + 1]),
                      !isBlank(lines[end + 1]) {
                    end += 1
                }
                let rows = (first...end).map { line in
                    TableRegion.RowRanges(line: line, cells: rowCellsByLine[line] ?? [trimmed(lines[line], 0, lines[line].count)])
                }
                regions.append(TableRegion(lines: first...end, cellRows: rows, text: lines))
                i = end + 1
            } else {
                i = last + 1
            }
        }
        return regions
    }
}
