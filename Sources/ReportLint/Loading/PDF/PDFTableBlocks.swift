/// Finds the tables drawn on a PDF page from the positions of its words: a table is a run of lines with figures
/// standing in the same columns, the lines between them holding only label text left of the figures (labels
/// wrapped over several lines, group labels written one character a line), with the header lines just above.
///
/// Nothing here knows the statutory tables: it finds cells. Reading them by their labels is the reader's work.
struct PDFTableBlock {
    /// The header lines just above the first row with figures (possibly none).
    var header: Range<Int>
    /// The lines with figures, top to bottom.
    var valueLines: [Int]
    /// The last line of the table (a label's last wrapped line may stand below the last figures).
    var lastLine: Int
    /// The figure columns, left to right.
    var columns: [(x0: Double, x1: Double)]
    /// Labels stand left of this.
    var labelEdge: Double
    /// The height of the table's label text.
    var textHeight: Double

    var firstLine: Int { header.isEmpty ? valueLines[0] : header.lowerBound }
}

enum PDFTableBlocks {
    /// Bounds on what is rebuilt as a table, so that the work stays linear in the page's words on any input:
    /// a line with more figures, or a table with more rows, is left as text.
    static let maximumColumns = 64
    static let maximumRows = 400

    /// The tables of a page's lines, top to bottom, not overlapping.
    static func find(_ lines: [PDFLine]) -> [PDFTableBlock] {
        guard !lines.isEmpty else { return [] }
        let pageWidth = (lines.map(\.x1).max() ?? 0) - (lines.map(\.x0).min() ?? 0)
        var blocks: [PDFTableBlock] = []
        var current: PDFTableBlock?
        for i in lines.indices where lines[i].isValueLine {
            let figures = lines[i].segments.suffix(lines[i].trailingFigures)
            let edge = figures.first!.x0 - 1
            if var b = current, let last = b.valueLines.last, b.valueLines.count < maximumRows, let merged = fit(figures, b.columns),
               ((last + 1)..<i).allSatisfy({ isLabelOnly(lines[$0], edge: min(b.labelEdge, edge)) && lines[$0].height <= 1.3 * b.textHeight }) {
                b.valueLines.append(i)
                b.lastLine = i
                b.columns = merged
                b.labelEdge = min(b.labelEdge, edge)
                current = b
            } else {
                if let b = current { blocks.append(b) }
                current = PDFTableBlock(header: i..<i, valueLines: [i], lastLine: i, columns: figures.map { ($0.x0, $0.x1) },
                                        labelEdge: edge, textHeight: textHeight(lines[i]))
            }
        }
        if let b = current { blocks.append(b) }
        // Wrapped label lines under the last figures, then the header lines above the first.
        for k in blocks.indices {
            let limit = k + 1 < blocks.count ? blocks[k + 1].valueLines[0] : lines.count
            var j = blocks[k].lastLine + 1
            let h = blocks[k].textHeight
            // Only what can continue the last row's label: starting no further left (a caption of the next
            // table, left-aligned across the page, is not).
            let last = lines[blocks[k].lastLine]
            let labelStart = last.segments.dropLast(last.trailingFigures).last?.x0 ?? .infinity
            while j < limit, isLabelOnly(lines[j], edge: blocks[k].labelEdge), !isStopper(lines[j], h, pageWidth),
                  lines[j].x0 >= labelStart - 2, lines[j].y0 - lines[j - 1].y1 <= 1.6 * h {
                blocks[k].lastLine = j
                j += 1
            }
        }
        for k in blocks.indices {
            let floor = k > 0 ? blocks[k - 1].lastLine : -1
            let first = blocks[k].valueLines[0]
            var j = first - 1
            while j > floor, first - j <= 14, lines[first].y0 - lines[j].y0 <= 220, !lines[j].isValueLine,
                  !isStopper(lines[j], blocks[k].textHeight, pageWidth) {
                j -= 1
            }
            blocks[k].header = (j + 1)..<first
        }
        return blocks
    }

    /// The columns widened by a row's figures, or nil when a figure falls in no column or two in one.
    static func fit(_ figures: ArraySlice<PDFSegment>, _ columns: [(x0: Double, x1: Double)]) -> [(x0: Double, x1: Double)]? {
        var result = columns
        var used = Set<Int>()
        for f in figures {
            guard let c = columns.indices.first(where: { columns[$0].x0 - 2 <= f.x1 && f.x0 <= columns[$0].x1 + 2 }),
                  !used.contains(c) else { return nil }
            used.insert(c)
            result[c] = (min(result[c].x0, f.x0), max(result[c].x1, f.x1))
        }
        return result
    }

    /// Only text left of the figures (a label's wrapped line, a group label).
    static func isLabelOnly(_ line: PDFLine, edge: Double) -> Bool {
        line.words.allSatisfy { $0.x1 <= edge + 2 }
    }

    /// A line no table header reaches past: a heading (larger type, or “四、…” numbering), a sentence, a line of
    /// prose across the page.
    static func isStopper(_ line: PDFLine, _ textHeight: Double, _ pageWidth: Double) -> Bool {
        if line.height > 1.3 * textHeight { return true }
        if line.words.contains(where: { $0.text.contains("。") }) { return true }
        if line.segments.count == 1, line.x1 - line.x0 > 0.7 * pageWidth { return true }
        guard let first = line.words.first?.text else { return false }
        var i = 0
        while i < first.count, i < 3, ChineseNumerals.isNumeral(first[i]) { i += 1 }
        return i > 0 && i < first.count && first[i] == "、"
    }

    /// The median height of a row's label text, else of its figures.
    static func textHeight(_ line: PDFLine) -> Double {
        let labels = line.segments.filter { !$0.isFigure }.map(\.height)
        let heights = (labels.isEmpty ? line.segments.map(\.height) : labels).sorted()
        return heights.isEmpty ? line.height : heights[heights.count / 2]
    }
}
