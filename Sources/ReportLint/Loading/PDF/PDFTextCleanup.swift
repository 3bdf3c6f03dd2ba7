/// Turns `pdftotext -layout` output into the text view: page breaks (form feeds) and page furniture —
/// page numbers such as "-2-", "— 1 —", "- 4 -", "第 3 页 共 10 页", or a bare "3" closing a page — are
/// removed together with the blank lines around them, so that a sentence or a table running over a page
/// break continues on the next line of the view as if the break were not there. Spacing inside lines is
/// kept: the table reader splits `-layout` rows on runs of two or more spaces.
enum PDFTextCleanup {
    static func lines(from output: String) -> [DocumentLine] {
        var result: [String] = []
        for page in output.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
            var lines = page.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                // Trailing tabs stay: they are empty cells at the end of a table row (`PDFTableRows`).
                String(line.unicodeScalars.reversed().drop { $0.properties.isWhitespace && $0 != "\t" }.reversed().map(Character.init))
            }
            lines.removeAll(where: isPageFurniture)
            trimBlankEnds(&lines)
            if let last = lines.last, isBarePageNumber(last) {
                lines.removeLast()
                trimBlankEnds(&lines)
            }
            result += lines
        }
        return LineAssembly.collapseBlankLines(result.map { DocumentLine($0) })
    }

    private static func trimBlankEnds(_ lines: inout [String]) {
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
    }

    /// A line that is only a page number in one of the forms Chinese official documents use.
    static func isPageFurniture(_ line: String) -> Bool {
        // Asked of every line: a digit and a dash, 第/共 or “page” first, before the regular expressions.
        var digit = false, frame = false, count = 0
        for u in line.unicodeScalars where !u.properties.isWhitespace {
            count += 1
            if count > 24 { return false }
            if u.properties.numericType != nil { digit = true } else if "-—–－‐_~～第共Pp".unicodeScalars.contains(u) { frame = true }
        }
        guard digit, frame else { return false }
        let t = line.filter { !$0.isWhitespace }
        guard !t.isEmpty, t.count <= 24 else { return false }
        if t.wholeMatch(of: /[-—–－‐_~～]+[0-9０-９]{1,4}[-—–－‐_~～]+/) != nil { return true }
        if t.wholeMatch(of: /第[0-9０-９]+页([,，\/／、.。]?共[0-9０-９]+页)?/) != nil { return true }
        if t.wholeMatch(of: /共[0-9０-９]+页[,，\/／、.。]?第[0-9０-９]+页/) != nil { return true }
        return t.wholeMatch(of: /(?i)page[0-9]+(of[0-9]+)?/) != nil
    }

    /// "3" or "3 / 10" alone: a page number only where it closes a page.
    static func isBarePageNumber(_ line: String) -> Bool {
        let t = line.filter { !$0.isWhitespace }
        return t.count <= 9 && t.wholeMatch(of: /[0-9０-９]{1,4}([\/／][0-9０-９]{1,4})?/) != nil
    }
}
