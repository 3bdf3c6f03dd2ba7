/// Reads the statistics period (统计期限): “数据统计期限为2019年1月1日至2019年12月31日”, also with blanks
/// inside (“2025 年 1 月 1 日至 12 月 31 日”) and the end year omitted.
enum PeriodReader {
    /// `markers`: the pack's period markers as scalars (`PackPhrases.periodMarkers`).
    static func read(_ paragraphs: [Paragraph], markers: [[Unicode.Scalar]]) -> StatisticsPeriod? {
        for p in paragraphs {
            let s = p.scalars
            for m in markers {
                var from = 0
                while let at = s.firstIndex(of: m, from: from) {
                    from = at + 1
                    if let period = parse(s, from: at + m.count, limit: at + m.count + 40, paragraph: p) { return period }
                }
            }
        }
        return nil
    }

    static func parse(_ s: [Unicode.Scalar], from: Int, limit: Int, paragraph: Paragraph) -> StatisticsPeriod? {
        var i = from
        while i < min(limit, s.count) {
            if s[i].isDigitLike, let first = date(s, at: i) ?? garbled(s, at: i), first.value.year != nil {
                var j = skipBlanks(s, first.end)
                if j < s.count, s[j] == "起" { j = skipBlanks(s, j + 1) }  // “自2019年1月1日起至…”
                guard j < s.count, ["至", "到", "—", "-", "－", "～", "~"].contains(s[j]) else { return nil }
                j += 1
                if j < s.count, s[j] == "—" { j += 1 }
                j = skipBlanks(s, j)
                guard let second = date(s, at: j) ?? garbled(s, at: j) else { return nil }
                var period = StatisticsPeriod(start: first.value, end: second.value,
                                              span: paragraph.span(i, second.end),
                                              startSpan: paragraph.span(i, first.end),
                                              endSpan: paragraph.span(j, second.end))
                period.garbled = [(first, paragraph.span(i, first.end)), (second, paragraph.span(j, second.end))]
                    .compactMap { reading, span in reading.defect.map { ($0, span) } }
                return period
            }
            i += 1
        }
        return nil
    }

    /// A date that lost its marks (“202011日”, DateReader), read as well as it can be.
    static func garbled(_ s: [Unicode.Scalar], at i: Int) -> (value: DateValue, end: Int, defect: DateReader.Defect?)? {
        guard let r = DateReader.garbledDate(s, at: i), let v = r.value else { return nil }
        return (v, r.end, r.defect)
    }

    /// A date “[YYYY年]M月D日” at `i`; blanks allowed around each part.
    static func date(_ s: [Unicode.Scalar], at start: Int) -> (value: DateValue, end: Int, defect: DateReader.Defect?)? {
        var numbers: [Int] = []
        var marks: [Unicode.Scalar] = []
        var i = start
        while numbers.count < 3, i < s.count {
            i = skipBlanks(s, i)
            var v = 0, n = 0
            while i < s.count, let d = s[i].digitValue, n < 5 { v = v * 10 + d; n += 1; i += 1 }
            guard n > 0 else { break }
            i = skipBlanks(s, i)
            guard i < s.count, ["年", "月", "日", "号"].contains(s[i]) else { return nil }
            numbers.append(v)
            marks.append(s[i])
            i += 1
            if s[i - 1] == "日" || s[i - 1] == "号" { break }
        }
        if marks == ["年", "月", "日"] || marks == ["年", "月", "号"] {
            return (DateValue(year: numbers[0], month: numbers[1], day: numbers[2]), i, nil)
        }
        if marks == ["月", "日"] || marks == ["月", "号"] {
            return (DateValue(year: nil, month: numbers[0], day: numbers[1]), i, nil)
        }
        return nil
    }

    static func skipBlanks(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < s.count, s[j].isBlank { j += 1 }
        return j
    }
}
