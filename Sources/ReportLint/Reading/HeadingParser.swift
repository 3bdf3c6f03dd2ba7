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

    /// What may stand between a level-1 number and its title. (A switch: asked of every line that starts with a
    /// numeral, where hashing into a Set cost more.)
    static func isSeparator(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "、", "，", ",", ".", "．", "：", ":", "　", " ": true
        default: false
        }
    }

    /// The heading at the start of `line`, or from `from` on (offsets are the line's).
    static func parse(_ line: [Unicode.Scalar], from: Int = 0) -> Parsed? {
        var i = skipMarkup(line, from: from)
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
            guard i < line.count, isSeparator(line[i]) else { return nil }
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
        let whole = line[titleStart..<titleEnd]
        guard !whole.isEmpty, !whole.contains("\t") else { return nil }
        // A table row flattened to text ends in figures.
        if let last = whole.last, last.isDigitLike, whole.contains(where: { $0.isBlank }) { return nil }
        if level == 1, let cut = runOnEnd(line, titleStart: titleStart, titleEnd: titleEnd) { titleEnd = cut }
        let body = line[titleStart..<titleEnd]
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

    /// Where a heading that runs on into its text ends: “一、总体情况 本年度报告根据…” (a blank, then a long run
    /// of text), “一、总体情况 （一）主动公开情况” or “一、总体情况（一）…” (a subsection starts). The title before
    /// the cut is short; a letter-spaced title (“总 体 情 况”) is not cut.
    static func runOnEnd(_ line: [Unicode.Scalar], titleStart: Int, titleEnd: Int) -> Int? {
        var i = titleStart
        while i < titleEnd, i - titleStart <= 20 {
            if line[i] == "（" || line[i] == "(", i + 2 < titleEnd, i > titleStart,
               ChineseNumerals.isNumeral(line[i + 1]), line[i + 2] == "）" || line[i + 2] == ")" {
                var end = i
                while end > titleStart, line[end - 1].isBlank { end -= 1 }
                return end
            }
            if line[i].isBlank, i - titleStart >= 2 {
                var j = i
                while j < titleEnd, line[j].isBlank { j += 1 }
                if j < titleEnd, line[j] == "（" || line[j] == "(" || ((line[j].isHan || line[j].isDigitLike) && titleEnd - j >= 15) { return i }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    /// Headings of the format's parts inside a line, after a sentence ends (“…联系电话：1234。 一、总体情况 （一）…”,
    /// a web page copied as one paragraph). `namesPart` says whether a title names one of the parts; only those
    /// count, so that “。二、三月份…” stays prose. Offsets are the line's.
    static func inline(_ line: [Unicode.Scalar], from: Int, namesPart: (String) -> Bool) -> [Parsed] {
        var result: [Parsed] = []
        var i = from
        while i < line.count {
            defer { i += 1 }
            // To the next sentence end in a short loop of its own: every scalar of every line is looked at here.
            i = line.firstIndex(from: i, where: { $0 == "。" || $0 == "；" || $0 == "！" || $0 == "？" }) ?? line.count
            guard i < line.count else { break }
            var j = i + 1
            while j < line.count, line[j].isBlank { j += 1 }
            guard j < line.count, ChineseNumerals.isNumeral(line[j]) else { continue }
            // Parsed in place (a copy of the rest of the line was made for every “。一是…”).
            guard let h = parse(line, from: j), h.level == 1, namesPart(h.title.withoutBlanks) else { continue }
            result.append(h)
            i = h.end - 1
        }
        return result
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
