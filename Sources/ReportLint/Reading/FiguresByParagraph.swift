/// The report's figures grouped by paragraph, each paragraph's in the order listed: what the breakdown and
/// table-figure readers walk paragraph by paragraph. The reader lists the figures paragraph by paragraph, so
/// each group is a slice of `Report.figures` itself: an array of copies per paragraph cost more than the walk.
struct FiguresByParagraph {
    private let figures: [Figure]
    /// Per paragraph, where its figures stand in `figures`.
    private let ranges: [Range<Int>]

    init(_ report: Report) {
        var figures = report.figures
        let paragraphs = report.paragraphs.count
        // By index, the paragraph numbers read in place (pairs of figures taken out copied each one's unit).
        var inOrder = true
        for k in figures.indices.dropFirst() where figures[k - 1].paragraph > figures[k].paragraph {
            inOrder = false
            break
        }
        if !inOrder {
            // Listed in another order (a report made by hand): grouped, each group in the order listed.
            figures = (0..<paragraphs).flatMap { p in report.figures.filter { $0.paragraph == p } }
        }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(paragraphs)
        var k = 0
        for p in 0..<paragraphs {
            while k < figures.count, figures[k].paragraph < p { k += 1 }  // a paragraph out of range: no group's
            let start = k
            while k < figures.count, figures[k].paragraph == p { k += 1 }
            ranges.append(start..<k)
        }
        self.figures = figures
        self.ranges = ranges
    }

    /// The figures of paragraph `index`, in the order listed.
    subscript(_ index: Int) -> ArraySlice<Figure> { figures[ranges[index]] }
}
