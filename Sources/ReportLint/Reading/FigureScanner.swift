/// Reads the figures stated in a paragraph: counts with units (条、件、个、次、篇…), shares (%, ％),
/// years (2019年, 二〇一九年), amounts (万元). Arabic, full-width and Chinese numerals; blanks between a
/// number and its unit as PDF text has them (“95 件”, “2024 年”); thousands separators (“1,234”).
struct FigureScanner {
    let countUnits: [[Unicode.Scalar]]
    let amountUnits: [[Unicode.Scalar]]

    init(_ phrases: PackPhrases) {
        countUnits = phrases.countUnits
        amountUnits = phrases.amountUnits
    }

    /// Appends the figures of paragraph `paragraph` (its scalars `s`) to `figures`: straight into the report's
    /// list, not an array per paragraph appended to it.
    func scan(_ s: [Unicode.Scalar], paragraph: Int, into figures: inout [Figure]) {
        var i = 0
        while i < s.count {
            if s[i].isDigitLike, i == 0 || !(s[i - 1].isDigitLike || s[i - 1].isASCIILetter || s[i - 1] == "." || s[i - 1] == "．") {
                let (figure, next) = arabic(s, at: i, paragraph: paragraph)
                if let figure { figures.append(figure) }
                i = max(next, i + 1)
            } else if ChineseNumerals.isNumeral(s[i]), i == 0 || !ChineseNumerals.isNumeral(s[i - 1]) {
                let (figure, next) = chinese(s, at: i, paragraph: paragraph)
                if let figure { figures.append(figure) }
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
    }

    private func arabic(_ s: [Unicode.Scalar], at start: Int, paragraph: Int) -> (Figure?, Int) {
        var i = start
        var intPart = 0.0, digits = 0
        while i < s.count {
            if let d = s[i].digitValue {
                intPart = intPart * 10 + Double(d); digits += 1; i += 1
            } else if s[i] == ",", i + 3 < s.count, s[i + 1].isDigitLike, s[i + 2].isDigitLike, s[i + 3].isDigitLike,
                      i + 4 >= s.count || !s[i + 4].isDigitLike {
                i += 1
            } else {
                break
            }
        }
        var value = intPart, decimals = 0
        if i + 1 < s.count, s[i] == "." || s[i] == "．", s[i + 1].isDigitLike {
            i += 1
            var scale = 0.1
            while i < s.count, let d = s[i].digitValue { value += Double(d) * scale; scale /= 10; decimals += 1; i += 1 }
        }
        let numberEnd = i
        // A sign just before the number (not a range “1-3”).
        var figureStart = start
        var negative = false
        if start > 0, s[start - 1] == "-" || s[start - 1] == "－" || s[start - 1] == "负" || s[start - 1] == "−",
           start < 2 || !s[start - 2].isDigitLike {
            negative = true
            figureStart = start - 1
        }
        if negative { value = -value }
        return unit(s, numberStart: start, figureStart: figureStart, numberEnd: numberEnd, value: value,
                    decimals: decimals, digits: digits, chinese: false, paragraph: paragraph)
    }

    private func chinese(_ s: [Unicode.Scalar], at start: Int, paragraph: Int) -> (Figure?, Int) {
        var i = start
        while i < s.count, ChineseNumerals.isNumeral(s[i]), i - start < 8 { i += 1 }
        guard let v = ChineseNumerals.value(s[start..<i]) else { return (nil, i) }
        // “一个”, “一次” are articles more often than counts; a lone 一 is not read as a figure.
        if i - start == 1 && v <= 1 { return (nil, i) }
        let yearLike = i - start == 4 && s[start..<i].allSatisfy { ChineseNumerals.digits[$0] != nil }
        return unit(s, numberStart: start, figureStart: start, numberEnd: i, value: Double(v), decimals: 0,
                    digits: yearLike ? 4 : 0, chinese: true, paragraph: paragraph)
    }

    /// 个百分点, as scalars once: made from the String for every figure, it cost an array each time.
    private static let percentagePoint = "个百分点".scalars

    private func unit(_ s: [Unicode.Scalar], numberStart: Int, figureStart: Int, numberEnd: Int, value: Double,
                      decimals: Int, digits: Int, chinese: Bool, paragraph: Int) -> (Figure?, Int) {
        var j = numberEnd
        while j < s.count, s[j].isBlank, j - numberEnd < 2 { j += 1 }
        func make(_ kind: Figure.Kind, _ unit: String, end: Int, approximate: Bool = false) -> (Figure?, Int) {
            (Figure(kind: digits > Figure.exactDigits ? .oversized : kind, value: value, decimals: decimals, unit: unit, approximate: approximate,
                    chineseNumeral: chinese, paragraph: paragraph, start: figureStart, end: end, numberStart: numberStart), end)
        }
        guard j < s.count else { return (nil, numberEnd) }
        if s[j] == "%" || s[j] == "％" { return make(.share, "%", end: j + 1) }
        if s[j] == "年" {
            if digits == 4, decimals == 0, (1900...2100).contains(Int(value)) {
                var end = j + 1
                if end < s.count, s[end] == "度" { end += 1 }
                return make(.year, "年", end: end)
            }
            return (nil, numberEnd)
        }
        // 个百分点 is a difference of shares, not a count.
        if s.has(Self.percentagePoint, at: j) { return (nil, j + 4) }
        for u in amountUnits where s.has(u, at: j) { return make(.amount, u.string, end: j + u.count) }
        var approximate = false
        var k = j
        if k < s.count, s[k] == "余" || s[k] == "多" { approximate = true; k += 1 }
        for u in countUnits where s.has(u, at: k) {
            guard u.first == "万" else { return make(.count, u.string, end: k + u.count, approximate: approximate) }
            // “1.2万条” is 12000 条.
            let scaled = Figure(kind: digits > Figure.exactDigits - 4 ? .oversized : .count, value: (value * 10_000).rounded(), decimals: max(0, decimals - 4),
                                unit: Array(u.dropFirst()).string, approximate: approximate, chineseNumeral: chinese,
                                paragraph: paragraph, start: figureStart, end: k + u.count, numberStart: numberStart)
            return (scaled, k + u.count)
        }
        return (nil, numberEnd)
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
}
