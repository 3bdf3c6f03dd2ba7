/// The text a wording rule reads: every paragraph (prose and headings, joined across hard line wraps) and
/// every table row, each with a way to turn offsets into spans of the text view. Rules that look for a
/// pattern anywhere — a document number, a date, a placeholder — read these rather than the two kinds apart.
struct TextUnit {
    var scalars: [Unicode.Scalar]
    /// The paragraph index, for a paragraph; nil for a table row.
    var paragraph: Int?
    /// The line, for a table row.
    var line: Int?
    var isHeading: Bool

    var isTableRow: Bool { paragraph == nil }
}

extension Report {
    /// Paragraphs in order, then table rows in order.
    var textUnits: [TextUnit] {
        var units: [TextUnit] = []
        // Room for every unit at once: appending the table rows one by one grew the array several times.
        units.reserveCapacity(paragraphs.count + tables.reduce(0) { $0 + $1.lines.count })
        for (index, paragraph) in paragraphs.enumerated() {
            units.append(TextUnit(scalars: paragraph.scalars, paragraph: index, line: nil, isHeading: paragraph.isHeading))
        }
        for region in tables {
            for l in region.lines where l < lines.count {
                units.append(TextUnit(scalars: lines[l], paragraph: nil, line: l, isHeading: false))
            }
        }
        return units
    }

    /// The span of scalars [start, end) of a unit.
    func span(_ unit: TextUnit, _ start: Int, _ end: Int) -> TextSpan {
        if let p = unit.paragraph { return paragraphs[p].span(start, end) }
        return TextSpan(line: unit.line ?? 0, start: start, end: end)
    }
}
