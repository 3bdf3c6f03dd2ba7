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

    static func needsSpace(between a: Unicode.Scalar, and b: Unicode.Scalar) -> Bool {
        if a.properties.isWhitespace || b.properties.isWhitespace { return false }
        return !(isCJK(a) && isCJK(b))
    }

    /// Whether a line is blank for the purpose of collapsing runs of empty lines.
    static func isBlank(_ line: DocumentLine) -> Bool {
        line.kind != .tableRow && line.text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
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
        let width = rows.map(\.count).max() ?? 0
        return rows.map { row in
            let cells = row + Array(repeating: "", count: width - row.count)
            return DocumentLine(cells.joined(separator: "\t"), kind: .tableRow, cells: cells, tableID: tableID)
        }
    }

    /// A cell's text as one line: tabs and line ends inside a cell would break the tab-joined row.
    static func cellText(_ paragraphs: [String]) -> String {
        joinSoft(paragraphs.map { p in
            trim(String(String.UnicodeScalarView(p.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })))
        })
    }
}

extension LineAssembly {
    /// The string without leading and trailing white space (including U+3000 and no-break space).
    static func trim(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
