/// Recognises numbered headings: 一、总体情况 (level 1) and （一）主动公开 (level 2).
///
/// Tolerated variants: full-/half-width separators (、，. ．：), Markdown `#` and `**bold**` markers, leading
/// blanks, an inline heading followed by its paragraph (“（一）主动公开。2023年，…”). Not headings: “一是…”
/// (list items of prose), table rows (“一、本年新收政府信息公开申请数量 24 0 …”), long sentences.
enum HeadingParser {
    struct Parsed {
        var level: Int
        var number: Int
        var numeral: String
        var title: String
        /// [start, end) of the whole heading on its line, and of the title alone.
        var start: Int
        var end: Int
        var titleStart: Int
        var titleEnd: Int
    }

    static let separators: Set<Unicode.Scalar> = ["、", "，", ",", ".", "．", "：", ":", "　", " "]

    static func parse(_ line: [Unicode.Scalar]) -> Parsed? {
        var i = skipMarkup(line, from: 0)
        guard i < line.count else { return nil }
        let start = i
        var level = 1
        var closing: Unicode.Scalar?
        if line[i] == "（" || line[i] == "(" {
            level = 2
            closing = line[i] == "（" ? "）" : ")"
            i += 1
        }
        let numStart = i
        while i < line.count, ChineseNumerals.isNumeral(line[i]), i - numStart < 3 { i += 1 }
        guard i > numStart, let number = ChineseNumerals.sectionNumber(line[numStart..<i]) else { return nil }
        let numeral = line[numStart..<i].string
        if level == 2 {
            guard i < line.count, line[i] == closing || line[i] == "）" || line[i] == ")" else { return nil }
            i += 1
            while i < line.count, line[i] == "、" || line[i].isBlank { i += 1 }
        } else {
            guard i < line.count, separators.contains(line[i]) else { return nil }
            // “一.5” or “一,二” are not headings; a separator must be followed by text.
            i += 1
            while i < line.count, line[i].isBlank { i += 1 }
        }
        let titleStart = i
        var titleEnd = line.count
        // Trim trailing markup and blanks.
        while titleEnd > titleStart, line[titleEnd - 1].isBlank || line[titleEnd - 1] == "*" || line[titleEnd - 1] == "_" {
            titleEnd -= 1
        }
        let body = line[titleStart..<titleEnd]
        guard !body.isEmpty, !body.contains("\t") else { return nil }
        // A table row flattened to text ends in figures.
        if let last = body.last, last.isDigitLike, body.contains(where: { $0.isBlank }) { return nil }
        if let stop = body.firstIndex(where: { $0 == "。" || (level == 2 && ($0 == "：" || $0 == ":" || $0 == "；")) }) {
            // Inline heading: the heading is what stands before the first full stop.
            guard stop - titleStart <= 30 else { return nil }
            titleEnd = stop
        } else {
            let limit = level == 1 ? 40 : 60
            guard body.count <= limit else { return nil }
            if level == 2 && body.count > 30 {
                titleEnd = titleStart + 30
            }
        }
        var end = titleEnd
        while titleEnd > titleStart, ["：", ":", "；", "。", "*"].contains(line[titleEnd - 1]) { titleEnd -= 1 }
        guard titleEnd > titleStart else { return nil }
        if level == 1, line[titleStart] == "是" { return nil }
        end = max(end, titleEnd)
        return Parsed(level: level, number: number, numeral: numeral, title: line[titleStart..<titleEnd].string,
                      start: start, end: end, titleStart: titleStart, titleEnd: titleEnd)
    }

    /// Skips blanks, Markdown heading marks and emphasis at the start of a line.
    static func skipMarkup(_ line: [Unicode.Scalar], from: Int) -> Int {
        var i = from
        while i < line.count, line[i].isBlank { i += 1 }
        while i < line.count, line[i] == "#" { i += 1 }
        while i < line.count, line[i].isBlank { i += 1 }
        while i < line.count, line[i] == "*" || line[i] == "_" { i += 1 }
        while i < line.count, line[i].isBlank { i += 1 }
        return i
    }
}
