/// Chinese numerals: 一百二十 → 120, 二〇一九 → 2019 (digit by digit), 十二 → 12.
enum ChineseNumerals {
    static let digits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let multipliers: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000, "万": 10_000]

    /// Called for every character of the text: a switch, not a dictionary lookup.
    static func isNumeral(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "〇", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万": return true
        default: return false
        }
    }

    /// The value of a run of numeral characters, or nil if it is not a well-formed number.
    static func value(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !s.isEmpty else { return nil }
        // Digit-by-digit form (years such as 二〇一九): no multipliers, more than one character.
        if s.count > 1 && s.allSatisfy({ digits[$0] != nil }) && s.contains(where: { $0 == "〇" || $0 == "零" }) {
            return s.reduce(0) { $0 * 10 + digits[$1]! }
        }
        var total = 0, section = 0, digit = 0
        for u in s {
            if let d = digits[u] {
                digit = d
            } else if let m = multipliers[u] {
                if m == 10_000 {
                    total = (total + section + digit) * m
                    section = 0
                } else {
                    section += (digit == 0 ? 1 : digit) * m
                }
                digit = 0
            } else {
                return nil
            }
        }
        return total + section + digit
    }

    /// 一 … 二十 for section numbers; 1-based.
    static func sectionNumber(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard s.count <= 3, let v = value(s), v >= 1, v <= 30 else { return nil }
        return v
    }

    /// The numeral for a section number 1…99 (一, 二, … 十, 十一 …).
    static func numeral(_ n: Int) -> String {
        let names = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return names[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : names[n % 10]) }
        return names[n / 10] + "十" + (n % 10 == 0 ? "" : names[n % 10])
    }
}
