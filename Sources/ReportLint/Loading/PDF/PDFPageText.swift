/// The text view of a PDF from its words (`pdftotext -tsv`): prose lines as `pdftotext -layout` shapes them,
/// and the tables found by the words' positions written one row a line with tab-separated cells
/// (`PDFTableBlocks`, `PDFTableRows`). Pages are separated by form feeds, as pdftotext separates them, for
/// `PDFTextCleanup` to remove page numbers and join the pages.
enum PDFPageText {
    static func text(_ pages: [PDFPage]) -> String {
        pages.map { lines($0).joined(separator: "\n") }.joined(separator: "\n\u{0C}")
    }

    static func lines(_ page: PDFPage) -> [String] {
        let lines = PDFLines.lines(page.words, isPageFurniture: PDFTextCleanup.isPageFurniture)
        guard !lines.isEmpty else { return [] }
        let margin = lines.map(\.x0).min() ?? 0
        let blocks = PDFTableBlocks.find(lines)
        var out: [String] = []
        var i = 0, k = 0
        var previousBottom: Double?
        while i < lines.count {
            if k < blocks.count, blocks[k].firstLine == i {
                if previousBottom != nil { out.append("") }
                out += PDFTableRows.lines(blocks[k], lines)
                out.append("")
                i = blocks[k].lastLine + 1
                k += 1
                previousBottom = nil
                continue
            }
            let line = lines[i]
            // A gap of more than a line between two lines is a blank line, as -layout shows it.
            if let bottom = previousBottom, line.y0 - bottom > 1.1 * line.height { out.append("") }
            out.append(line.layoutText(margin: margin))
            previousBottom = line.y1
            i += 1
        }
        return out
    }
}
