/// A page's words grouped into visual lines (words sharing most of their height), each split into segments at
/// wide gaps — a segment is the text of one table cell on that line, or a whole line of prose.
struct PDFSegment {
    var text: [Unicode.Scalar]
    var x0: Double, y0: Double, x1: Double, y1: Double
    /// A figure or a not-stated mark (“152”, “96171.6”, “/”).
    var isFigure: Bool

    var height: Double { y1 - y0 }
    var centerX: Double { (x0 + x1) / 2 }
}

struct PDFLine {
    /// Left to right.
    var words: [PDFWord]
    var segments: [PDFSegment]
    var y0: Double, y1: Double
    /// The median height of the line's words (its font size, roughly).
    var height: Double

    var x0: Double { words.first?.x0 ?? 0 }
    var x1: Double { words.map(\.x1).max() ?? 0 }

    /// Figures at the end of the line after a label, or several figures: a table row with values.
    var isValueLine: Bool {
        let figures = trailingFigures
        // More figures than any table has columns is no table row (and would make column fitting costly).
        return figures <= PDFTableBlocks.maximumColumns && (figures >= 2 || figures == 1 && segments.count >= 2)
    }

    /// How many segments at the end of the line are figures.
    var trailingFigures: Int {
        var n = 0
        for s in segments.reversed() { if s.isFigure { n += 1 } else { break } }
        return n
    }

    /// The line's text with words run together where they touch and spaced by their gaps, indented from
    /// `margin` — the shape `pdftotext -layout` gives prose (two or more blanks only for a wide gap).
    func layoutText(margin: Double) -> String {
        var out: [Unicode.Scalar] = []
        let unit = max(height / 2, 1)
        let indent = min(40, max(0, Int(((x0 - margin) / unit).rounded(.down))))
        out.append(contentsOf: repeatElement(" ", count: indent))
        var previous: PDFWord?
        for w in words {
            if let p = previous {
                let gap = w.x0 - p.x1, h = min(p.height, w.height)
                let blanks = gap > 0.9 * h ? max(2, min(40, Int((gap / unit).rounded()))) : gap > 0.1 * h ? 1 : 0
                out.append(contentsOf: repeatElement(" ", count: blanks))
            }
            out += w.text
            previous = w
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: out)
        return String(s)
    }
}

enum PDFLines {
    /// The visual lines of a page, top to bottom, page numbers (“-4-”) left out.
    static func lines(_ words: [PDFWord], isPageFurniture: (String) -> Bool) -> [PDFLine] {
        let order = words.indices.sorted { words[$0].y0 != words[$1].y0 ? words[$0].y0 < words[$1].y0 : words[$0].x0 < words[$1].x0 }
        var groups: [(y0: Double, y1: Double, h: Double, words: [PDFWord])] = []
        for i in order {
            let w = words[i]
            // Among the last few lines, the one the word shares most of its height with.
            var best: Int?, bestOverlap = 0.0
            for g in groups.indices.suffix(4) {
                let overlap = min(w.y1, groups[g].y1) - max(w.y0, groups[g].y0)
                if overlap >= 0.5 * min(w.height, groups[g].h), overlap > bestOverlap { best = g; bestOverlap = overlap }
            }
            if let g = best {
                groups[g].words.append(w)
                // A tall word (characters set one under another) joins a line without stretching it over the next.
                if w.height <= 1.5 * groups[g].h {
                    groups[g].y0 = min(groups[g].y0, w.y0)
                    groups[g].y1 = max(groups[g].y1, w.y1)
                }
            } else {
                groups.append((w.y0, w.y1, w.height, [w]))
            }
        }
        var result: [PDFLine] = []
        result.reserveCapacity(groups.count)
        for g in groups {
            let sorted = g.words.sorted { $0.x0 < $1.x0 }
            let heights = sorted.map(\.height).sorted()
            // The lower median: a word set vertically (tall) does not make a line of table text look like a heading.
            let line = PDFLine(words: sorted, segments: segments(sorted), y0: g.y0, y1: g.y1, height: heights[(heights.count - 1) / 2])
            // A page number is short: longer lines are not made into text to be asked.
            if sorted.reduce(0, { $0 + $1.text.count }) <= 24, isPageFurniture(line.layoutText(margin: line.x0)) { continue }
            result.append(line)
        }
        return result.sorted { $0.y0 < $1.y0 }
    }

    /// Words left to right, split where the gap is wider than about a character, and where a cell visibly
    /// starts: a numbered label or a figure after a gap wider than a space (“三、本 | （一）予以公开”, “…出具已 | 1”),
    /// or a word at one of `starts` (where other rows' label cells start). A word set vertically (taller than
    /// wide, more than one character) is a cell of its own.
    static func segments(_ words: [PDFWord], starts: [Double] = []) -> [PDFSegment] {
        var result: [PDFSegment] = []
        for w in words {
            let gap = w.x0 - (result.last?.x1 ?? 0), h = min(w.height, result.last?.height ?? w.height)
            let startsCell = gap > 0.25 * h && startsWithNumber(w.text) || gap > 0.4 * h && isFigure(w.text)
                || gap > 0.2 * h && starts.contains { abs($0 - w.x0) <= 1.5 }
            if var last = result.last, gap <= 0.9 * h, !isVertical(w), !isVertical(last), !startsCell {
                if w.x0 - last.x1 > 0.1 * min(w.height, last.height), last.text.last?.isASCII == true || w.text.first?.isASCII == true {
                    last.text.append(" ")
                }
                last.text += w.text
                last.x1 = max(last.x1, w.x1)
                last.y0 = min(last.y0, w.y0)
                last.y1 = max(last.y1, w.y1)
                result[result.count - 1] = last
            } else {
                result.append(PDFSegment(text: w.text, x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1, isFigure: false))
            }
        }
        for i in result.indices { result[i].isFigure = isFigure(result[i].text) }
        return result
    }

    /// “一、”, “（二）”, “3.”, “1、”: the start of a numbered label.
    static func startsWithNumber(_ t: [Unicode.Scalar]) -> Bool {
        var i = 0
        let open = i < t.count && (t[i] == "（" || t[i] == "(")
        if open { i += 1 }
        let start = i
        while i < t.count, i - start < 3, t[i].properties.numericType != nil || ChineseNumerals.isNumeral(t[i]) { i += 1 }
        guard i > start, i < t.count else { return false }
        return open ? t[i] == "）" || t[i] == ")" : ["、", ".", "．"].contains(t[i])
    }

    private static func isVertical(_ w: PDFWord) -> Bool { isVertical(w.text, w.width, w.height) }
    private static func isVertical(_ s: PDFSegment) -> Bool { isVertical(s.text, s.x1 - s.x0, s.height) }
    private static func isVertical(_ t: [Unicode.Scalar], _ width: Double, _ height: Double) -> Bool {
        t.count >= 2 && height > 1.5 * width && t.contains { $0.isHan }
    }

    /// A figure cell: digits with an optional sign, decimal point, thousands commas, percent sign or unit; or a
    /// not-stated mark.
    static func isFigure(_ t: [Unicode.Scalar]) -> Bool {
        if t.count <= 2, t.allSatisfy({ ["/", "／", "-", "－", "—", "–", "―"].contains($0) }) { return true }
        if t == ["无"] { return true }
        var digits = 0
        for (i, u) in t.enumerated() {
            if u.properties.numericType == .decimal { digits += 1; continue }
            if [".", "．", ",", "%", "％"].contains(u) { continue }
            if i == 0, ["-", "－", "+", "＋"].contains(u) { continue }
            if i >= t.count - 2, ["万", "元", "件", "个", "条", "项"].contains(u) { continue }
            return false
        }
        return digits > 0
    }
}
