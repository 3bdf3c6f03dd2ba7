/// Writes a table found on a PDF page (`PDFTableBlock`) as rows of the text view: one line per row, its label
/// and its figures joined by tabs, every figure under its column (an empty cell where a column has none), as
/// Word and HTML tables are written. A label wrapped over several lines is joined into its row's label; a label
/// standing left of the rows' own labels and reaching over several rows (“（三）不予公开”, “三、本年度办理结果”
/// one character a line) is a group label, written on a line of its own above the first of its rows. Header
/// cells wrapped over lines (“商业 / 企业”) are joined column by column.
enum PDFTableRows {
    /// A piece of label text: one segment of a line, or several joined.
    private struct Fragment {
        var text: [Unicode.Scalar]
        var x0: Double, y0: Double, x1: Double, y1: Double
        var line: Int
        /// The row whose figures stand on this fragment's line.
        var row: Int?
        /// The last label piece on a line with figures: that row's own label (not a group label beside it).
        var isRowLabel = false
    }

    static func lines(_ b: PDFTableBlock, _ lines: [PDFLine]) -> [String] {
        let h = b.textHeight
        var out = header(b, lines)
        // The rows: figures by column; their vertical extent.
        var rows: [(line: Int, cells: [String], y0: Double, y1: Double)] = []
        var fragments: [Fragment] = []
        // Where numbered labels start: the label columns. A piece of text at one starts a cell even when it
        // stands close to the cell before (“理结果 | 形，不计其他情形）”).
        var starts: [Double] = []
        for i in b.valueLines.first!...b.lastLine {
            for s in lines[i].segments where PDFLines.startsWithNumber(s.text) && !starts.contains(where: { abs($0 - s.x0) <= 1.5 }) {
                starts.append(s.x0)
            }
        }
        for i in b.valueLines.first!...b.lastLine {
            var line = lines[i]
            let figureEdge = line.segments.suffix(line.trailingFigures).first?.x0 ?? .infinity
            line.segments = PDFLines.segments(line.words.filter { $0.x0 < figureEdge }, starts: starts) + line.segments.suffix(line.trailingFigures)
            let figureCount = b.valueLines.contains(i) ? line.trailingFigures : 0
            if figureCount > 0 {
                let figures = line.segments.suffix(figureCount)
                var cells = Array(repeating: "", count: b.columns.count)
                for f in figures {
                    let c = b.columns.indices.min { distance(f, b.columns[$0]) < distance(f, b.columns[$1]) }!
                    cells[c] = cells[c].isEmpty ? f.text.string : cells[c] + " " + f.text.string
                }
                rows.append((i, cells, figures.map(\.y0).min()!, figures.map(\.y1).max()!))
            }
            let labels = line.segments.dropLast(figureCount)
            for (k, s) in zip(labels.indices, labels) {
                fragments.append(Fragment(text: s.text, x0: s.x0, y0: s.y0, x1: s.x1, y1: s.y1, line: i,
                                          row: figureCount > 0 ? rows.count - 1 : nil,
                                          isRowLabel: figureCount > 0 && k == labels.indices.last))
            }
        }
        mergeSplitRows(&rows, &fragments, h)
        let chains = verticalStacks(&fragments, h) + wrappedLabels(fragments, h)

        // Each chain to the rows it stands beside: one row — a candidate for its label; several — a group label.
        var candidates = Array(repeating: [Fragment](), count: rows.count)
        var groupsBefore = Array(repeating: [Fragment](), count: rows.count)
        for c in chains {
            var beside = rows.indices.filter { r in
                let center = (rows[r].y0 + rows[r].y1) / 2
                return center >= c.y0 - 0.25 * h && center <= c.y1 + 0.25 * h
            }
            if let r = c.row, !beside.contains(r) { beside.append(r) }
            if beside.count >= 2 {
                groupsBefore[beside.min()!].append(c)
                continue
            }
            let r = beside.first ?? nearestRow(c, rows.map { ($0.y0, $0.y1) }, h)
            candidates[r].append(c)
        }
        for r in rows.indices {
            let own = candidates[r].map(\.x0).max() ?? 0
            for g in (groupsBefore[r] + candidates[r].filter { $0.x0 < own - 3 }).sorted(by: { $0.y0 < $1.y0 }) {
                out.append(g.text.string)
            }
            let label = candidates[r].filter { $0.x0 >= own - 3 }.sorted { $0.y0 < $1.y0 }.flatMap(\.text)
            // A table without row labels (表四) has no label column, as in Word.
            out.append((fragments.isEmpty && chains.isEmpty ? rows[r].cells : [label.string] + rows[r].cells).joined(separator: "\t"))
        }
        return out
    }

    /// One row's figures set at two heights (a cell aligned to the top, the others centred: “5” above “4 1 0 0
    /// 0 0”): consecutive lines of figures filling different columns, the second without a numbered label of
    /// its own, are one row.
    private static func mergeSplitRows(_ rows: inout [(line: Int, cells: [String], y0: Double, y1: Double)],
                                       _ fragments: inout [Fragment], _ h: Double) {
        var r = 0
        while r + 1 < rows.count {
            let a = rows[r], b = rows[r + 1]
            let disjoint = zip(a.cells, b.cells).allSatisfy { $0.isEmpty || $1.isEmpty }
            let numbered = fragments.contains { $0.row == r + 1 && PDFLines.startsWithNumber($0.text) }
            guard disjoint, !numbered, b.y0 - a.y1 < 1.0 * h else { r += 1; continue }
            rows[r].cells = zip(a.cells, b.cells).map { $0.isEmpty ? $1 : $0 }
            rows[r].y0 = min(a.y0, b.y0)
            rows[r].y1 = max(a.y1, b.y1)
            rows.remove(at: r + 1)
            for k in fragments.indices {
                if let row = fragments[k].row, row > r { fragments[k].row = row - 1 }
            }
        }
    }

    private static func distance(_ f: PDFSegment, _ c: (x0: Double, x1: Double)) -> Double {
        if f.x1 >= c.x0 && f.x0 <= c.x1 { return 0 }
        return f.x1 < c.x0 ? c.x0 - f.x1 : f.x0 - c.x1
    }

    /// The row a chain beside no row's figures belongs to: a label starting with its number (“1.”, “（二）”) the
    /// first row below it; a continuation the row above; else the nearest.
    private static func nearestRow(_ c: Fragment, _ rows: [(Double, Double)], _ h: Double) -> Int {
        func gap(_ r: Int) -> Double { max(rows[r].0 - c.y1, c.y0 - rows[r].1, 0) }
        if PDFLines.startsWithNumber(c.text), let below = rows.indices.first(where: { rows[$0].0 >= c.y0 }), gap(below) <= 3 * h { return below }
        if !PDFLines.startsWithNumber(c.text), let above = rows.indices.last(where: { rows[$0].1 <= c.y1 }), gap(above) <= 3 * h { return above }
        return rows.indices.min { gap($0) < gap($1) }!
    }

    /// Columns of short pieces (one or two characters) one under the other at the same left edge — a label
    /// written vertically — joined; they are taken out of `fragments`.
    private static func verticalStacks(_ fragments: inout [Fragment], _ h: Double) -> [Fragment] {
        let short = fragments.indices.filter { fragments[$0].text.count <= 2 }
            .sorted { (fragments[$0].x0, fragments[$0].y0) < (fragments[$1].x0, fragments[$1].y0) }
        var stacks: [[Int]] = []
        for i in short {
            let f = fragments[i]
            if let last = stacks.last?.last, abs(fragments[last].x0 - f.x0) <= 2,
               f.y0 >= fragments[last].y1 - 0.3 * h, f.y0 - fragments[last].y1 <= 1.6 * h {
                stacks[stacks.count - 1].append(i)
            } else {
                stacks.append([i])
            }
        }
        var result: [Fragment] = []
        var taken = Set<Int>()
        for s in stacks where s.count >= 3 {
            var joined = fragments[s[0]]
            for i in s.dropFirst() {
                joined.text += fragments[i].text
                joined.x1 = max(joined.x1, fragments[i].x1)
                joined.y1 = max(joined.y1, fragments[i].y1)
            }
            joined.row = nil
            result.append(joined)
            taken.formUnion(s)
        }
        fragments = fragments.indices.filter { !taken.contains($0) }.map { fragments[$0] }
        return result
    }

    /// Label lines joined into the labels they continue: a line not starting with a number continues the label
    /// just above it that it overlaps, unless both stand beside figures (two rows, each with its own label).
    private static func wrappedLabels(_ fragments: [Fragment], _ h: Double) -> [Fragment] {
        let order = fragments.indices.sorted { (fragments[$0].y0, fragments[$0].x0) < (fragments[$1].y0, fragments[$1].x0) }
        var chains: [Fragment] = []
        var lastLine: [Int] = []   // per chain, the line of its last piece
        for i in order {
            let f = fragments[i]
            var best: Int?, bestGap = Double.infinity
            if !PDFLines.startsWithNumber(f.text) {
                for c in chains.indices.suffix(30).reversed() {
                    let l = chains[c]
                    let gap = f.y0 - l.y1
                    guard lastLine[c] != f.line, f.x0 < l.x1, l.x0 < f.x1, f.x0 >= l.x0 - 3, gap <= 1.6 * h,
                          f.y0 > l.y0 + 0.3 * h, !(f.isRowLabel && l.row != nil), gap < bestGap else { continue }
                    best = c
                    bestGap = gap
                }
            }
            if let c = best {
                chains[c].text += f.text
                chains[c].x1 = max(chains[c].x1, f.x1)
                chains[c].y1 = max(chains[c].y1, f.y1)
                chains[c].row = chains[c].row ?? f.row
                lastLine[c] = f.line
            } else {
                chains.append(f)
                lastLine.append(f.line)
            }
        }
        return chains
    }

    /// The header lines as table rows: the label column's text and each column's text, pieces of one cell
    /// wrapped over lines joined; pieces standing higher (a group heading such as 申请人情况, a caption, a
    /// heading over several columns) on a line above.
    private static func header(_ b: PDFTableBlock, _ lines: [PDFLine]) -> [String] {
        guard !b.header.isEmpty else { return [] }
        let h = b.textHeight
        let n = b.columns.count
        // Slot 0 is the label column, 1…n the figure columns; a word reaching over two slots is an upper piece.
        // The label column ends halfway from the rows' labels to the first figures; without labels there is none.
        let labelRight = b.valueLines.flatMap { i in lines[i].segments.dropLast(lines[i].trailingFigures).map(\.x1) }.max()
        let labelBound = labelRight.map { ($0 + b.columns[0].x0) / 2 } ?? -Double.infinity
        var bounds: [Double] = [labelBound]
        for j in 0..<(n - 1) { bounds.append((b.columns[j].x1 + b.columns[j + 1].x0) / 2) }
        func slot(_ x: Double) -> Int { bounds.firstIndex { x < $0 } ?? n }
        var leafWords = Array(repeating: [PDFWord](), count: n + 1)
        var upper: [(line: Int, slot: Int, word: PDFWord)] = []
        for i in b.header {
            for w in lines[i].words {
                // Over two figure columns' middles (法人或其他组织 over 商业企业 and 科研机构), or from the label column
                // into the figures: a heading over several cells.
                let over = b.columns.filter { w.x0 < ($0.x0 + $0.x1) / 2 && ($0.x0 + $0.x1) / 2 < w.x1 }.count
                let s = slot((w.x0 + w.x1) / 2)
                if over >= 2 || s == 0 && w.x1 > labelBound + 0.5 * h { upper.append((i, slot(w.x0 + 2), w)) } else { leafWords[s].append(w) }
            }
        }
        // In each slot, the pieces split where a gap of more than a line opens; the lowest piece is the cell.
        var leaf = Array(repeating: "", count: n + 1)
        for s in leafWords.indices {
            let words = leafWords[s].sorted { $0.y0 != $1.y0 ? $0.y0 < $1.y0 : $0.x0 < $1.x0 }
            var pieces: [[PDFWord]] = []
            for w in words {
                if let last = pieces.last, let bottom = last.map(\.y1).max(), w.y0 - bottom <= 1.7 * h {
                    pieces[pieces.count - 1].append(w)
                } else {
                    pieces.append([w])
                }
            }
            guard let cell = pieces.last else { continue }
            leaf[s] = joined(cell, h)
            for piece in pieces.dropLast() {
                for w in piece { upper.append((b.header.first { lines[$0].y0 <= w.y0 && w.y0 <= lines[$0].y1 } ?? b.header.lowerBound, s, w)) }
            }
        }
        var out: [String] = []
        let first = labelRight == nil ? 1 : 0
        for i in b.header {
            let words = upper.filter { $0.line == i }
            guard !words.isEmpty else { continue }
            var cells = Array(repeating: "", count: n + 1)
            for s in cells.indices { cells[s] = joined(words.filter { $0.slot == s }.map(\.word), h) }
            while cells.count > 1, cells.last!.isEmpty { cells.removeLast() }
            out.append(cells.dropFirst(first).joined(separator: "\t"))
        }
        if leaf.contains(where: { !$0.isEmpty }) { out.append(leaf.dropFirst(first).joined(separator: "\t")) }
        return out
    }

    /// Words of one cell in reading order (line by line, left to right), run together.
    private static func joined(_ words: [PDFWord], _ h: Double) -> String {
        let sorted = words.sorted { abs($0.y0 - $1.y0) > 0.5 * h ? $0.y0 < $1.y0 : $0.x0 < $1.x0 }
        return sorted.flatMap(\.text).string
    }
}
