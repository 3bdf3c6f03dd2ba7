/// Renders a list counter the way Word shows it for a `w:numFmt` value, so an automatically numbered
/// heading reads "一、" or "（二）" in the text view exactly as it does on screen.
enum ListNumberFormat {
    private static let chineseDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    private static let chineseUnits = ["", "十", "百", "千"]
    private static let legalDigits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    private static let legalUnits = ["", "拾", "佰", "仟"]
    private static let heavenlyStems = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    private static let earthlyBranches = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]

    /// The counter `n` in format `format`; nil for formats that show no number (bullet, none).
    static func render(_ n: Int, format: String) -> String? {
        switch format {
        case "bullet", "none": return nil
        case "decimalZero": return n >= 0 && n < 10 ? "0\(n)" : "\(n)"
        case "decimalFullWidth", "decimalFullWidth2": return fullWidth("\(n)")
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": return enclosed(n, base: 0x2460)
        case "decimalEnclosedFullstop": return enclosed(n, base: 0x2488)
        case "decimalEnclosedParen": return enclosed(n, base: 0x2474)
        case "upperLetter": return letters(n, base: 65)
        case "lowerLetter": return letters(n, base: 97)
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
             "taiwaneseCountingThousand", "koreanCounting":
            return chinese(n, digits: chineseDigits, units: chineseUnits, dropLeadingOneTen: true)
        case "chineseLegalSimplified", "japaneseLegal":
            return chinese(n, digits: legalDigits, units: legalUnits, dropLeadingOneTen: false)
        case "ideographDigital", "taiwaneseDigital", "koreanDigital", "japaneseDigitalTenThousand":
            return n < 0 ? "\(n)" : "\(n)".compactMap(\.wholeNumberValue).map { $0 == 0 ? "〇" : chineseDigits[$0] }.joined()
        case "ideographTraditional": return n > 0 ? heavenlyStems[(n - 1) % 10] : "\(n)"
        case "ideographZodiac": return n > 0 ? earthlyBranches[(n - 1) % 12] : "\(n)"
        default: return "\(n)"
        }
    }

    /// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一 (up to 9999; larger numbers stay Arabic).
    static func chinese(_ n: Int, digits: [String], units: [String], dropLeadingOneTen: Bool) -> String {
        guard n > 0, n < 10_000 else { return "\(n)" }
        let decimalDigits = "\(n)".compactMap { $0.wholeNumberValue }
        var result = ""
        var pendingZero = false
        for (i, d) in decimalDigits.enumerated() {
            if d == 0 { pendingZero = true; continue }
            if pendingZero && !result.isEmpty { result += digits[0] }
            pendingZero = false
            result += digits[d] + units[decimalDigits.count - 1 - i]
        }
        if dropLeadingOneTen, n >= 10, n < 20 { result.removeFirst() }
        return result
    }

    private static func fullWidth(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            u.value >= 0x30 && u.value <= 0x39 ? Unicode.Scalar(u.value + 0xFEE0) ?? u : u
        }))
    }

    private static func enclosed(_ n: Int, base: UInt32) -> String {
        guard n >= 1, n <= 20, let u = Unicode.Scalar(base + UInt32(n - 1)) else { return "\(n)" }
        return String(u)
    }

    /// A, B, … Z, AA, BB, … as Word counts letters.
    private static func letters(_ n: Int, base: UInt8) -> String {
        guard n >= 1, n <= 780 else { return "\(n)" }
        let letter = Character(Unicode.Scalar(base + UInt8((n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    private static func roman(_ n: Int) -> String {
        guard n >= 1, n < 4000 else { return "\(n)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var result = ""
        for (value, symbol) in table {
            while rest >= value { result += symbol; rest -= value }
        }
        return result
    }
}
