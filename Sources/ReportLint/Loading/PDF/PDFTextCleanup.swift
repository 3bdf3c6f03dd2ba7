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
        // Asked of every line: a digit and a dash, 第/共 or “page” first, before the forms are matched.
        var digit = false, frame = false, count = 0
        for u in line.unicodeScalars where !u.properties.isWhitespace {
            count += 1
            if count > 24 { return false }
            if u.properties.numericType != nil { digit = true } else if "-—–－‐_~～第共Pp".unicodeScalars.contains(u) { frame = true }
        }
        guard digit, frame else { return false }
        let t = line.filter { !$0.isWhitespace }
        guard !t.isEmpty, t.count <= 24 else { return false }
        return PageNumberForm.isPageNumber(Array(t))
    }

    /// "3" or "3 / 10" alone: a page number only where it closes a page.
    static func isBarePageNumber(_ line: String) -> Bool {
        let t = line.filter { !$0.isWhitespace }
        return t.count <= 9 && PageNumberForm.isBare(Array(t))
    }
}

/// The page-number forms, matched by hand over a short line without spaces: "-3-" (dashes around 1–4
/// digits), "第3页", "第3页共10页", "共10页第3页" (with or without one of ,，/／、.。 between), "Page 3 of 10"
/// (any case) and, closing a page, "3" or "3/10". Not `Regex` literals: Swift compiles a literal again
/// each time the expression runs, and these run for many lines of every PDF (it was half the time of
/// reading a PDF report, more than pdftotext itself).
private struct PageNumberForm {
    private let characters: [Character]
    private var index = 0

    private init(_ characters: [Character]) { self.characters = characters }

    static func isPageNumber(_ characters: [Character]) -> Bool {
        dashed(characters) || pageOf(characters, first: "第", second: "共", secondOptional: true)
            || pageOf(characters, first: "共", second: "第", secondOptional: false) || english(characters)
    }

    static func isBare(_ characters: [Character]) -> Bool {
        var form = PageNumberForm(characters)
        guard form.digits(upTo: 4) else { return false }
        if form.take("/／") { guard form.digits(upTo: 4) else { return false } }
        return form.atEnd
    }

    private static let dashes = "-—–－‐_~～", separators = ",，/／、.。"

    private static func dashed(_ characters: [Character]) -> Bool {
        var form = PageNumberForm(characters)
        return form.many(dashes) && form.digits(upTo: 4) && form.many(dashes) && form.atEnd
    }

    /// 第N页 (共M页)? when `secondOptional`, else 共M页 第N页, with at most one separator between.
    private static func pageOf(_ characters: [Character], first: Character, second: Character, secondOptional: Bool) -> Bool {
        var form = PageNumberForm(characters)
        guard form.take(String(first)), form.digits(), form.take("页") else { return false }
        if secondOptional && form.atEnd { return true }
        _ = form.take(separators)
        return form.take(String(second)) && form.digits() && form.take("页") && form.atEnd
    }

    private static func english(_ characters: [Character]) -> Bool {
        var form = PageNumberForm(characters)
        guard form.word("page"), form.digits() else { return false }
        if form.atEnd { return true }
        return form.word("of") && form.digits() && form.atEnd
    }

    private var atEnd: Bool { index == characters.count }

    private mutating func take(_ set: String) -> Bool {
        guard index < characters.count, set.contains(characters[index]) else { return false }
        index += 1
        return true
    }

    private mutating func many(_ set: String) -> Bool {
        let start = index
        while take(set) {}
        return index > start
    }

    /// One or more of 0–9 and ０–９, at most `limit` of them (a longer run does not match).
    private mutating func digits(upTo limit: Int = .max) -> Bool {
        let start = index
        while index < characters.count, characters[index].unicodeScalars.count == 1,
              characters[index].unicodeScalars.first!.isDigitLike { index += 1 }
        return index > start && index - start <= limit
    }

    private mutating func word(_ word: String) -> Bool {
        for letter in word {
            guard index < characters.count, characters[index].lowercased() == String(letter) else { return false }
            index += 1
        }
        return true
    }
}
