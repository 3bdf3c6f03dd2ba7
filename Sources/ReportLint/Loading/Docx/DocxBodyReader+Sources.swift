/// The source of each line (`DocxLineSource`), built alongside the text by the same steps — list label in
/// front, pieces joined across line breaks, cells trimmed and joined, cells joined by tabs — so that a
/// column of the line lands on the character it was made from.
extension DocxBodyReader {
    /// A paragraph's segments: its pieces (between manual line breaks) where `joinSoft` put them, after the label.
    static func paragraphSegments(_ p: Paragraph, label: String) -> [DocxSourceSegment] {
        let labelCount = label.unicodeScalars.count
        if p.beforeBreaks.isEmpty { return labelCount == 0 ? p.segments : p.segments.map { $0.shifted(by: labelCount) } }
        let offsets = LineAssembly.joinSoftOffsets(p.beforeBreaks + [p.text])
        return zip(p.segmentsBeforeBreaks + [p.segments], offsets).flatMap { segments, offset in
            segments.map { $0.shifted(by: labelCount + offset) }
        }
    }

    /// A table row's source: each cell's segments where its text stands in the tab-joined row, and the
    /// comments anchored in any of its cells. Nil when there is neither.
    func rowSource(_ row: Row, cells: [String]) -> DocxLineSource? {
        var source = DocxLineSource()
        for cell in row.cells { for id in cell.comments where !source.comments.contains(id) { source.comments.append(id) } }
        if recording {
            // Where each grid column begins in the row's text.
            var starts: [Int] = []
            var offset = 0
            for text in cells {
                starts.append(offset)
                offset += text.unicodeScalars.count + 1
            }
            var column = row.before
            for cell in row.cells {
                if !cell.continuesMerge, column < starts.count {
                    source.segments += Self.cellSegments(cell).map { $0.shifted(by: starts[column]) }
                }
                column += cell.span
            }
        }
        return source.isEmpty ? nil : source
    }

    /// A cell's segments as `LineAssembly.cellText` lays out its paragraphs: each trimmed, then joined.
    static func cellSegments(_ cell: Cell) -> [DocxSourceSegment] {
        var pieces: [String] = []
        var trimmed: [[DocxSourceSegment]] = []
        for (text, segments) in zip(cell.paragraphs, cell.sources) {
            let scalars = Array(text.unicodeScalars)
            let lead = scalars.prefix { LineAssembly.isWhitespace($0) }.count
            let trail = lead == scalars.count ? 0 : scalars.reversed().prefix { LineAssembly.isWhitespace($0) }.count
            let kept = lead..<(scalars.count - trail)
            pieces.append(String(String.UnicodeScalarView(scalars[kept])))
            trimmed.append(segments.compactMap { clip($0, to: kept) })
        }
        let offsets = pieces.count == 1 ? [0] : LineAssembly.joinSoftOffsets(pieces)
        return zip(trimmed, offsets).flatMap { segments, offset in segments.map { $0.shifted(by: offset) } }
    }

    /// The part of a segment inside `kept` (columns of its paragraph), re-based to start at `kept`'s start.
    static func clip(_ s: DocxSourceSegment, to kept: Range<Int>) -> DocxSourceSegment? {
        let from = max(s.column, kept.lowerBound), to = min(s.column + s.length, kept.upperBound)
        guard from < to else { return nil }
        if s.kind == .element && to - from < s.length { return nil }
        var c = s
        c.skip += from - s.column
        c.column = from - kept.lowerBound
        c.length = to - from
        return c
    }
}
