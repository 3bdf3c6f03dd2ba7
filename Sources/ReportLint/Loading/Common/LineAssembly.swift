/// Helpers shared by the structured loaders (docx, html, pdf) for building the linearised text view.
enum LineAssembly {
    /// Whether a scalar belongs to Chinese running text: Han ideographs, CJK punctuation, full-width forms.
    /// Between two such characters a soft break (a `w:br`, a second paragraph in a table cell, a source
    /// newline in HTML) must vanish rather than become a space: Chinese is written without spaces, and a
    /// stray space would split words like 结果纠正 for Ctrl+F and for the table reader.
    static func isCJK(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x3190...0x31FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
             0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Joins pieces of one logical line: with nothing where both neighbours are CJK (or one side already
    /// has white space), else with a single space. Empty pieces are skipped.
    static func joinSoft(_ pieces: [String]) -> String {
        var result = ""
        for piece in pieces where !piece.isEmpty {
            if let last = result.unicodeScalars.last, let first = piece.unicodeScalars.first,
               needsSpace(between: last, and: first) {
                result += " "
            }
            result += piece
        }
        return result
    }

    /// Where each piece begins (in scalars) in `joinSoft(pieces)`; for source mapping (`DocxSourceSegment`).
    static func joinSoftOffsets(_ pieces: [String]) -> [Int] {
        var offsets: [Int] = [], count = 0
        var last: Unicode.Scalar?
        for piece in pieces {
            guard let first = piece.unicodeScalars.first else { offsets.append(count); continue }
            if let last, needsSpace(between: last, and: first) { count += 1 }
            offsets.append(count)
            count += piece.unicodeScalars.count
            last = piece.unicodeScalars.last
        }
        return offsets
    }

    static func needsSpace(between a: Unicode.Scalar, and b: Unicode.Scalar) -> Bool {
        if a.properties.isWhitespace || b.properties.isWhitespace { return false }
        return !(isCJK(a) && isCJK(b))
    }

    /// Whether a line is blank for the purpose of collapsing runs of empty lines.
    static func isBlank(_ line: DocumentLine) -> Bool {
        line.kind != .tableRow && line.text.unicodeScalars.allSatisfy(isWhitespace)
    }

    /// Empty paragraphs separate blocks like blank lines in a .txt file, but a run of them carries no more
    /// meaning than one, and blank lines before the first or after the last text only shift line numbers.
    /// So: drop leading and trailing blank lines, and collapse each run of blank lines into one "".
    static func collapseBlankLines(_ lines: [DocumentLine]) -> [DocumentLine] {
        var result: [DocumentLine] = []
        result.reserveCapacity(lines.count)
        var pendingBlank = false
        for line in lines {
            if isBlank(line) {
                pendingBlank = !result.isEmpty
                continue
            }
            if pendingBlank { result.append(DocumentLine("")) }
            pendingBlank = false
            result.append(line)
        }
        return result
    }

    /// The lines of one table: each row padded to the table's width, so that a column index means the same
    /// grid column in every row, and the cells joined by a tab.
    static func tableLines(_ rows: [[String]], tableID: Int) -> [DocumentLine] {
        let width = rows.map { $0.count }.max() ?? 0
        return rows.map { row in
            let cells = row.count == width ? row : row + Array(repeating: "", count: width - row.count)
            return DocumentLine(tabJoined(cells), kind: .tableRow, cells: cells, tableID: tableID)
        }
    }

    /// `cells.joined(separator: "\t")`, its bytes copied into one String of the exact size: appending the
    /// cells to a String one by one cost several hundred instructions a cell, and copying them byte by byte
    /// into an array was a large part of the cost of building a docx table.
    private static func tabJoined(_ cells: [String]) -> String {
        let count = cells.reduce(max(cells.count - 1, 0)) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var end = 0
            for (i, cell) in cells.enumerated() {
                if i > 0 { buffer[end] = 0x09; end += 1 }
                end = UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: cell.utf8) + end
            }
            return end
        }
    }

    /// A cell's text as one line: tabs and line ends inside a cell would break the tab-joined row.
    static func cellText(_ paragraphs: [String]) -> String {
        // Most cells hold one paragraph: no array of pieces to join then.
        paragraphs.count == 1 ? cellPiece(paragraphs[0]) : joinSoft(paragraphs.map(cellPiece))
    }

    /// The text of a cell of one paragraph (`cellText([paragraph])`).
    static func cellText(_ paragraph: String) -> String { cellPiece(paragraph) }

    private static func cellPiece(_ paragraph: String) -> String {
        // Most paragraphs have no tab or line end and nothing to trim: told in one look at the bytes in place.
        let isBreak = { (b: UInt8) in b == 0x09 || b == 0x0A || b == 0x0D }
        let plain = paragraph.utf8.withContiguousStorageIfAvailable { !$0.contains(where: isBreak) && isSurelyTrimmed($0) }
        if plain ?? false { return paragraph }
        let clean = !(paragraph.utf8.withContiguousStorageIfAvailable { $0.contains(where: isBreak) }
            ?? paragraph.utf8.contains(where: isBreak))
        return trim(clean ? paragraph : String(String.UnicodeScalarView(paragraph.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })))
    }
}

extension LineAssembly {
    /// The string without leading and trailing white space (including U+3000 and no-break space).
    static func trim(_ s: String) -> String {
        // The common case, nothing to trim, returns the String itself rather than a copy; told from the
        // UTF-8 bytes where they settle it (reading the first and last scalar cost more than the rest).
        // (Read in place: stepping back through `s.utf8` to the last lead byte cost a hundred instructions.)
        if s.utf8.withContiguousStorageIfAvailable(isSurelyTrimmed) ?? false { return s }
        let scalars = s.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !isWhitespace(first), !isWhitespace(last) { return s }
        guard let start = scalars.firstIndex(where: { !isWhitespace($0) }),
              let end = scalars.lastIndex(where: { !isWhitespace($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// Whether UTF-8 text certainly neither begins nor ends with white space (false for empty text).
    private static func isSurelyTrimmed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first, let last = utf8.last(where: { $0 & 0xC0 != 0x80 }) else { return false }
        return isSurelyNotWhitespace(lead: first) && isSurelyNotWhitespace(lead: last)
    }

    /// Whether the scalar whose UTF-8 encoding begins with `lead` is certainly not white space: ASCII
    /// other than tab…carriage return and space, or a scalar from U+4000 up (lead byte 0xE4 or more), past
    /// U+3000, the last White_Space code point. Other lead bytes leave it open.
    private static func isSurelyNotWhitespace(lead: UInt8) -> Bool {
        lead < 0x80 ? lead != 0x20 && !(0x09...0x0D).contains(lead) : lead >= 0xE4
    }

    /// `properties.isWhitespace`, answered without the property lookup for ASCII (where White_Space is
    /// exactly tab, line feed, vertical tab, form feed, carriage return and space) and above U+3000
    /// IDEOGRAPHIC SPACE, the last White_Space code point (so for nearly all Chinese text).
    static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return u.value == 0x20 || (0x09...0x0D).contains(u.value) }
        return u.value <= 0x3000 && u.properties.isWhitespace
    }
}
