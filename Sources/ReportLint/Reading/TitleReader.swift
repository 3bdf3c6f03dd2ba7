/// Finds the report title among the first lines, also when it is split over lines or spaced out
/// (“社溪镇政府2019年度信息公开年度 / （空行）/ 报  告”), and reads the reporting body and year from it.
enum TitleReader {
    static let genreWords = ["信息公开", "政务公开", "年度报告", "工作报告", "报告"]

    static func read(lines: [[Unicode.Scalar]], skip: (Int) -> Bool) -> Title? {
        var seen = 0
        var index = 0
        while index < lines.count, seen < 6 {
            defer { index += 1 }
            let line = lines[index]
            if TableFinder.isBlank(line) || skip(index) || PageChrome.isChrome(line) { continue }
            // The title stands above the first section heading, and has no clause punctuation.
            if let h = HeadingParser.parse(line) { if h.level == 1 { return nil } else { continue } }
            seen += 1
            let text = compact(line)
            // Length and punctuation on the scalars when each is a Character of its own (every scalar inert,
            // `LabelText.isInert`): asking the String Character by Character cost more than the rest of reading
            // the title.
            let plain = line.allSatisfy(LabelText.isInert)
            let length = plain ? line.count(where: isKept) : text.count
            let punctuated = plain ? line.contains { $0 == "，" || $0 == "。" || $0 == "；" || $0 == "," || $0 == ";" }
                                   : text.contains(where: { "，。；,;".contains($0) })
            guard length <= 60, !punctuated, genreWords.contains(where: { text.contains($0) }) else { continue }
            let title = extend(from: index, lines: lines, skip: skip)
            return bodyAbove(title, lines: lines, skip: skip) ?? title
        }
        return nil
    }

    /// A title in two lines, the body above the rest (“淮安市某区人民政府” / “2024年政府信息公开工作年度报告”): the line
    /// above joins the title when the title starts with its year and names no body, and the line is a body's name.
    private static func bodyAbove(_ title: Title, lines: [[Unicode.Scalar]], skip: (Int) -> Bool) -> Title? {
        guard let first = title.pieces.first, year(in: title.text)?.range.lowerBound == 0, body(in: title.text) == nil else { return nil }
        var above = first.line - 1
        while above >= 0, TableFinder.isBlank(lines[above]), first.line - above <= 2 { above -= 1 }
        guard above >= 0, !skip(above), !PageChrome.isChrome(lines[above]), HeadingParser.parse(lines[above]) == nil else { return nil }
        let name = compact(lines[above])
        guard name.count <= 30, name.unicodeScalars.allSatisfy({ $0.isHan || "（）()".unicodeScalars.contains($0) }),
              BodyReader.looksLikeBody(name) else { return nil }
        var joined = title
        joined.pieces.insert(piece(lines[above], line: above), at: 0)
        joined.text = name + title.text
        if first.line - above > 1 { joined.hasBlankLineInside = true }
        joined.spacedOut = spacedOut(lines[above], piece: joined.pieces[0]) + title.spacedOut
        return joined
    }

    /// Starting at the first title line, adds following short lines until the title ends in 报告.
    private static func extend(from first: Int, lines: [[Unicode.Scalar]], skip: (Int) -> Bool) -> Title {
        var pieces = [piece(lines[first], line: first)]
        var text = compact(lines[first])
        var blankInside = false
        var next = first + 1
        while pieces.count < 3, !text.hasSuffix("报告") {
            var blanks = 0
            while next < lines.count, TableFinder.isBlank(lines[next]), blanks < 2 { next += 1; blanks += 1 }
            guard next < lines.count, !skip(next) else { break }
            let candidate = compact(lines[next])
            guard !candidate.isEmpty, candidate.count <= 20, !candidate.contains("。"),
                  HeadingParser.parse(lines[next]) == nil else { break }
            if candidate.hasPrefix("（") || candidate.hasPrefix("(") { break }  // a date line under the title
            if blanks > 0 { blankInside = true }
            pieces.append(piece(lines[next], line: next))
            text += candidate
            next += 1
        }
        let spaced = pieces.flatMap { spacedOut(lines[$0.line], piece: $0) }
        return Title(pieces: pieces, text: text, hasBlankLineInside: blankInside, spacedOut: spaced)
    }

    private static func piece(_ line: [Unicode.Scalar], line index: Int) -> TextSpan {
        let start = HeadingParser.skipMarkup(line, from: 0)
        var end = line.count
        while end > start, line[end - 1].isBlank || line[end - 1] == "*" { end -= 1 }
        return TextSpan(line: index, start: start, end: end)
    }

    /// Letter-spacing: two or more single Han characters in a row separated by blanks (“报  告”, “年 度 报 告”).
    private static func spacedOut(_ line: [Unicode.Scalar], piece: TextSpan) -> [TextSpan] {
        var words: [(Int, Int)] = []
        var i = piece.start
        while i < piece.end {
            if line[i].isBlank { i += 1; continue }
            var j = i
            while j < piece.end, !line[j].isBlank { j += 1 }
            words.append((i, j))
            i = j
        }
        var result: [TextSpan] = []
        var k = 0
        while k + 1 < words.count {
            let single = { (w: (Int, Int)) in w.1 - w.0 == 1 && line[w.0].isHan }
            if single(words[k]) && single(words[k + 1]) {
                var m = k + 1
                while m + 1 < words.count, single(words[m + 1]) { m += 1 }
                result.append(TextSpan(line: piece.line, start: words[k].0, end: words[m].1))
                k = m + 1
            } else {
                k += 1
            }
        }
        return result
    }

    static func compact(_ line: [Unicode.Scalar]) -> String { line.filter(isKept).string }

    /// The scalars a title keeps when compacted: not blanks, nor Markdown's # and *.
    private static func isKept(_ u: Unicode.Scalar) -> Bool { !u.isBlank && u != "#" && u != "*" }

    /// The year in the title: “2019年”, “2019 年度”, “二〇一九年”.
    static func year(in text: String) -> (value: Int, range: Range<Int>)? {
        let s = text.scalars
        var i = 0
        while i < s.count {
            if s[i].isDigitLike, i + 4 < s.count || i + 4 == s.count {
                var j = i, v = 0
                while j < s.count, let d = s[j].digitValue, j - i < 5 { v = v * 10 + d; j += 1 }
                if j - i == 4, j < s.count, s[j] == "年", (1990...2100).contains(v), i == 0 || !s[i - 1].isDigitLike {
                    return (v, i..<j)
                }
                i = max(j, i + 1)
                continue
            }
            if ChineseNumerals.isNumeral(s[i]) {
                var j = i
                while j < s.count, ChineseNumerals.digits[s[j]] != nil { j += 1 }
                if j - i == 4, j < s.count, s[j] == "年", let v = ChineseNumerals.value(s[i..<j]), (1990...2100).contains(v) {
                    return (v, i..<j)
                }
                i = max(j, i + 1)
                continue
            }
            i += 1
        }
        return nil
    }

    /// The reporting body: the title without the year and the genre name.
    static func body(in text: String) -> String? {
        let s = text.scalars
        let genreStart = ["政府信息公开", "政务信息公开", "政务公开", "信息公开", "年度报告"]
            .compactMap { s.firstIndex(of: $0.scalars) }.min() ?? s.count
        var body: ArraySlice<Unicode.Scalar>
        if let y = year(in: text), y.range.lowerBound < genreStart {
            if y.range.lowerBound == 0 {
                var from = y.range.upperBound + 1
                if from < s.count, s[from] == "度" { from += 1 }
                body = from <= genreStart ? s[from..<genreStart] : []
            } else {
                body = s[0..<y.range.lowerBound]
            }
        } else {
            body = s[0..<genreStart]
        }
        var b = Array(body).string
        for suffix in ["关于", "的", "度"] where b.hasSuffix(suffix) { b.removeLast(suffix.count) }
        return b.count >= 2 ? b : nil
    }

    /// The level of a body from its name.
    static func level(of body: String?) -> BodyLevel {
        guard let b = body else { return .unknown }
        if b.contains("镇") || b.contains("乡") || b.contains("街道") || b.hasPlainSuffix("办事处") { return .town }
        let government = b.hasPlainSuffix("人民政府") || b.hasPlainSuffix("政府") || b.hasPlainSuffix("人民政府办公室")
            || b.hasPlainSuffix("政府办公室")
        let county = b.contains("县") || b.contains("区") || b.contains("旗")
        if government { return county ? .countyGovernment : .cityOrAbove }
        if county { return .countyDepartment }
        if b.contains("市") || b.contains("省") || b.contains("部") { return .cityOrAbove }
        return .unknown
    }
}
