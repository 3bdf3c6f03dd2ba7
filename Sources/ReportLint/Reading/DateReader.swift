/// Reads dates that lost a mark or a digit on the way into a report (more-checks.md, “Dates and years”):
/// “20231月1日” (no 年), “202011日” and “20201231日” (no 年 and no 月), “2008年5月1正式实施” (no 日), a
/// Chinese-numeral year with a digit zero or a letter O (“二0一七年”, “二O一七年”; the character is 〇), and
/// impossible dates (2月30日, 11月31日, 2023年13月). The statistics period reader and `date-format` both read
/// through here, so a garbled period is one finding in `statistics-period` and none elsewhere.
enum DateReader {
    enum Defect: Sendable, Equatable {
        /// Marks missing from an Arabic date (“年”, “年、月”, “日”).
        case lostMarks(String)
        /// A Chinese-numeral year written with a Latin character for 〇.
        case latinZero(Unicode.Scalar)
        /// A month or day that does not exist.
        case impossible
    }

    struct Reading: Sendable {
        /// The date as best read (the month and day of “202011日” are a guess: 1月1日).
        var value: DateValue?
        var start: Int
        var end: Int
        var defect: Defect
    }

    static func isYear(_ v: Int) -> Bool { (1949...2100).contains(v) }

    /// A run of digits at `i`: its value's digits and where it ends.
    static func digits(_ s: [Unicode.Scalar], _ i: Int) -> (values: [Int], end: Int) {
        // The run's end first, so that its digits fill an array made at their size: appended one by one, the
        // array was made again as it grew.
        let end = runEnd(s, i)
        guard end > i else { return ([], i) }
        var values: [Int] = []
        values.reserveCapacity(end - i)
        for j in i..<end { values.append(s[j].digitValue!) }
        return (values, end)
    }

    static func number(_ d: ArraySlice<Int>) -> Int { d.reduce(0) { $0 * 10 + $1 } }

    /// Where the run of digits at `i` ends (without collecting them: most runs are no date).
    static func runEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < s.count, s[j].isDigitLike { j += 1 }
        return j
    }

    /// A garbled Arabic date starting at `i` (a digit not preceded by one): “20231月1日”, “202011日”.
    static func garbledDate(_ s: [Unicode.Scalar], at i: Int) -> Reading? {
        guard i < s.count, s[i].isDigitLike, i == 0 || !s[i - 1].isDigitLike else { return nil }
        let run = runEnd(s, i)
        guard run - i >= 5, run - i <= 8, run < s.count, s[run] == "月" || s[run] == "日" || s[run] == "号" else { return nil }
        let (d, end) = digits(s, i)
        guard end < s.count, d.count >= 5, d.count <= 8, isYear(number(d[0..<4])) else { return nil }
        let rest = d[4...]
        if s[end] == "月", rest.count <= 2, (1...12).contains(number(rest)) {
            // “20231月1日”: the year runs into the month.
            let day = PeriodReader.skipBlanks(s, end + 1)
            let (dd, dayEnd) = digits(s, day)
            let closes = !dd.isEmpty && dd.count <= 2 && dayEnd < s.count && (s[dayEnd] == "日" || s[dayEnd] == "号")
            return Reading(value: closes ? DateValue(year: number(d[0..<4]), month: number(rest), day: number(dd[...])) : nil,
                           start: i, end: closes ? dayEnd + 1 : end + 1, defect: .lostMarks("年"))
        }
        if s[end] == "日" || s[end] == "号", rest.count >= 2 {
            // “202011日”, “20201231日”: month and day run together; two digits of month where they make one.
            let twoDigitMonth = rest.count == 4 || (rest.count == 3 && number(rest.prefix(2)) <= 12)
            let m = twoDigitMonth ? number(rest.prefix(2)) : number(rest.prefix(1))
            let day = number(rest.dropFirst(twoDigitMonth ? 2 : 1))
            return Reading(value: DateValue(year: number(d[0..<4]), month: m, day: day), start: i, end: end + 1,
                           defect: .lostMarks("年、月"))
        }
        return nil
    }

    /// Every defective date in `s`, in order.
    static func defects(in s: [Unicode.Scalar]) -> [Reading] {
        // Every defect read here ends at or stands before 年, 月, 日 or 号: a text without them (most table rows,
        // each cell a run of digits that would be tried) has none.
        guard s.firstIndex(from: 0, where: { $0 == "年" || $0 == "月" || $0 == "日" || $0 == "号" }) != nil else { return [] }
        var found: [Reading] = []
        // Every scalar of every text unit is looked at here: through a buffer pointer, without bounds checks.
        s.withUnsafeBufferPointer { u in
            var i = 0
            while i < u.count {
                // Most scalars start nothing: a digit run's first digit, or a scalar four before a 年, are tried.
                if u[i].isDigitLike {
                    guard i == 0 || !u[i - 1].isDigitLike else { i += 1; continue }
                    // A run that no date mark follows (most figures) is passed whole without trying either reading.
                    let run = runEnd(s, i)
                    if mayStartDate(s, i, run), let r = garbledDate(s, at: i) ?? monthDay(s, at: i) { found.append(r); i = r.end; continue }
                    i = run
                    continue
                } else if i + 4 < u.count, u[i + 4] == "年", let r = chineseYear(s, at: i) {
                    found.append(r); i = r.end; continue
                }
                i += 1
            }
        }
        return found
    }

    /// Whether the run of digits from `i` to `run` passes the first guard of `garbledDate` or of `monthDay`:
    /// five to eight digits before 月/日/号, or one or two before 月, or four before 年 (blanks between).
    static func mayStartDate(_ s: [Unicode.Scalar], _ i: Int, _ run: Int) -> Bool {
        let length = run - i
        if length >= 5, length <= 8, run < s.count, s[run] == "月" || s[run] == "日" || s[run] == "号" { return true }
        let after = PeriodReader.skipBlanks(s, run)
        return after < s.count && (length <= 2 && s[after] == "月" || length == 4 && s[after] == "年")
    }

    /// “M月D日” that does not exist, “YYYY年13月”, or “YYYY年M月D” with no 日 before the next word.
    static func monthDay(_ s: [Unicode.Scalar], at i: Int) -> Reading? {
        var year: Int?
        var start = i
        // Only a run of one, two or four digits followed by 月 or 年 may start a date.
        let run = runEnd(s, i), after = PeriodReader.skipBlanks(s, runEnd(s, i))
        guard after < s.count, (run - i <= 2 && s[after] == "月") || (run - i == 4 && s[after] == "年") else { return nil }
        var (d, j) = digits(s, i)
        var k = PeriodReader.skipBlanks(s, j)
        if d.count == 4, k < s.count, s[k] == "年" {
            year = number(d[...])
            guard isYear(year!) else { return nil }
            start = i
            let m = PeriodReader.skipBlanks(s, k + 1)
            (d, j) = digits(s, m)
            k = PeriodReader.skipBlanks(s, j)
        }
        guard !d.isEmpty, d.count <= 2, k < s.count, s[k] == "月" else { return nil }
        let month = number(d[...])
        let dayStart = PeriodReader.skipBlanks(s, k + 1)
        let (dd, dayEnd) = digits(s, dayStart)
        if !(1...12).contains(month) {
            // “13月” alone may be a count of months (“13个月” is written so); after a year or before a day it is a date.
            guard year != nil || (!dd.isEmpty && dayEnd < s.count && s[dayEnd] == "日") else { return nil }
            return Reading(value: nil, start: start, end: dd.isEmpty ? k + 1 : dayEnd + 1, defect: .impossible)
        }
        guard !dd.isEmpty, dd.count <= 2, dayEnd < s.count else { return nil }
        let day = number(dd[...])
        let value = DateValue(year: year, month: month, day: day)
        if s[dayEnd] == "日" || s[dayEnd] == "号" {
            return value.isValid ? nil : Reading(value: value, start: start, end: dayEnd + 1, defect: .impossible)
        }
        // “2008年5月1正式实施”: the day runs into the next word.
        if year != nil, s[dayEnd].isHan, (1...31).contains(day) {
            return Reading(value: value, start: start, end: dayEnd, defect: .lostMarks("日"))
        }
        return nil
    }

    static let numeralDigits: Set<Unicode.Scalar> = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let latinZeros: Set<Unicode.Scalar> = ["0", "０", "O", "o", "Ｏ", "Ο"]

    /// “二0一七年”: four numeral places before 年, Chinese numerals with a Latin stand-in for 〇.
    static func chineseYear(_ s: [Unicode.Scalar], at i: Int) -> Reading? {
        // 年 four places on first: the Sets are asked only there (this is tried at every scalar).
        guard i + 4 < s.count, s[i + 4] == "年", numeralDigits.contains(s[i]) || latinZeros.contains(s[i]),
              i == 0 || !(numeralDigits.contains(s[i - 1]) || s[i - 1].isDigitLike || s[i - 1].properties.isAlphabetic && s[i - 1].value < 0x3000),
              true else { return nil }
        let places = s[i..<(i + 4)]
        guard places.allSatisfy({ numeralDigits.contains($0) || latinZeros.contains($0) }),
              places.contains(where: { numeralDigits.contains($0) }),
              let zero = places.first(where: { latinZeros.contains($0) }) else { return nil }
        return Reading(value: nil, start: i, end: i + 5, defect: .latinZero(zero))
    }
}
