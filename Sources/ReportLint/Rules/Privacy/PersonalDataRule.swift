/// `personal-data`: personal information in a report published to everyone — a resident identity number
/// whose check character is right (GB 11643—1999), a mobile number (1[3-9] and nine digits), and, as a note,
/// a personal name in a Word file's document properties (作者, 最后修改者). Office landlines
/// (0517-87290606) and hotlines (12345) are published on purpose and are not reported. PDF metadata is not
/// read (the PDF loader does not expose it).
public struct PersonalDataRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "personal-data", severity: .error,
        name: Localized(zh: "公开个人信息", en: "Personal data"),
        summary: Localized(zh: "报告中出现身份证号码、手机号码，或Word文件属性中留有个人姓名",
                           en: "A resident identity number or mobile number in the text, or a personal name in the Word file's properties"),
        rationale: Localized(
            zh: "年度报告向社会公开，身份证号码、个人手机号码属于个人隐私，公开前须经本人同意；办公电话、政务热线是有意公开的，不在此列。Word文件的“作者”“最后修改者”常是录入人员的姓名，随文件一同发布。",
            en: "The report is published to everyone; identity numbers and personal mobile numbers are private and need the person's consent. Office lines and hotlines are published on purpose. A Word file's author and last-modified-by properties often name the clerk and are published with the file."),
        basis: Localized(zh: "《条例》第十五条（涉及个人隐私的政府信息不得公开）；GB 11643—1999《公民身份号码》",
                         en: "Regulations Art. 15 (personal privacy); GB 11643—1999 (citizen identity number)"),
        triggering: [
            RuleExample("申请人王某（身份证号↓11010519491231002X）提出申请。", year: 2021),
            RuleExample("如有疑问请联系工作人员，手机↓13912345678。", year: 2021),
            RuleExample("联系电话：↓139-1234-5678。", year: 2021),
        ],
        nonTriggering: [
            RuleExample("联系电话：0517-87290606，政务服务热线12345。", year: 2021),
            RuleExample("身份证号110105194912310021不在此列（校验位不符）。", year: 2021),
            RuleExample("索引号：113213000140855281/2024-00123，全年公开信息13912条。", year: 2021),
            RuleExample("电子邮箱：xxgk@example.gov.cn，传真：025-83391234。", year: 2021),
        ])

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Unicode.Scalar] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for unit in report.textUnits {
            let s = unit.scalars
            var i = 0
            while i < s.count {
                // Straight to the next digit (a short loop of its own: most scalars are none).
                guard let digit = s.firstIndex(from: i, where: { $0.isDigitLike }) else { break }
                i = digit
                guard i == 0 || !Self.joins(s[i - 1]) else { i += 1; continue }
                // The run of digits decides what may stand here: 17–18 digits an identity number, 11 or 3 a mobile one.
                var run = i
                while run < s.count, s[run].isDigitLike { run += 1 }
                let digits = run - i
                if (digits == 17 || digits == 18), let end = Self.identityNumber(s, at: i) {
                    let masked = s[i..<(i + 6)].string + "********" + s[(end - 4)..<end].string
                    findings.append(Finding(span: report.span(unit, i, end), message: Localized(
                        zh: "报告中出现公民身份号码（\(masked)），属于个人隐私，应删去或隐去",
                        en: "a resident identity number (\(masked)) is personal data; remove or mask it")))
                    i = end
                } else if digits == 11 || digits == 3, let (end, number) = Self.mobileNumber(s, at: i) {
                    let masked = number.prefix(3) + "****" + number.suffix(4)
                    findings.append(Finding(span: report.span(unit, i, end), message: Localized(
                        zh: "报告中出现手机号码（\(masked)），应改为办公电话或隐去",
                        en: "a mobile number (\(masked)) is personal data; give an office line instead")))
                    i = end
                } else {
                    // Past the digits already counted, then whatever joins them to a longer token.
                    i = run
                    while i < s.count, s[i].isDigitLike || Self.joins(s[i]) { i += 1 }
                }
            }
        }
        findings += metadata(report)
        return findings
    }

    /// Characters that make a digit part of a longer token (another number, a code, an address).
    static func joins(_ u: Unicode.Scalar) -> Bool {
        u.isDigitLike || u.isASCIILetter || u == "-" || u == "/" || u == "." || u == "_" || u == "@"
    }

    /// A valid 18-character identity number at `i`: area, birth date, sequence, check character.
    static func identityNumber(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard i + 18 <= s.count else { return nil }
        let digits = s[i..<(i + 17)].compactMap(\.digitValue)
        guard digits.count == 17 else { return nil }
        let last = s[i + 17]
        guard last.isDigitLike || last == "X" || last == "x", i + 18 == s.count || !joins(s[i + 18]) else { return nil }
        guard (1...8).contains(digits[0]) else { return nil }
        let year = DateReader.number(digits[6..<10]), month = DateReader.number(digits[10..<12]), day = DateReader.number(digits[12..<14])
        guard (1900...2100).contains(year), DateValue(year: year, month: month, day: day).isValid else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let expected = checkCharacters[sum % 11]
        let given: Unicode.Scalar = last == "x" ? "X" : (last.digitValue.map { Unicode.Scalar(UInt8(48 + $0)) } ?? last)
        return given == expected ? i + 18 : nil
    }

    /// A mobile number at `i`: 11 digits 1[3-9]…, run together or as 3-4-4 with “-” or a blank.
    static func mobileNumber(_ s: [Unicode.Scalar], at i: Int) -> (Int, String)? {
        var digits = "", j = i
        let groups = [3, 4, 4]
        for (g, size) in groups.enumerated() {
            for _ in 0..<size {
                guard j < s.count, let d = s[j].digitValue else { return nil }
                digits.append(String(d)); j += 1
            }
            // Between groups: nothing, or one “-” or blank (the same between both pairs).
            if g < 2, j < s.count, !s[j].isDigitLike {
                guard s[j] == "-" || s[j] == " ", j + 1 < s.count, s[j + 1].isDigitLike else { return nil }
                j += 1
            }
        }
        guard digits.hasPrefix("1"), let second = digits.dropFirst().first, ("3"..."9").contains(second) else { return nil }
        guard j == s.count || !joins(s[j]) else { return nil }
        return (j, digits)
    }

    /// Words that name an office or a default account rather than a person.
    static let notPersons = ["局", "办", "政府", "镇", "乡", "街道", "委", "中心", "科", "处", "室", "公司", "部", "院", "厅", "县", "市", "区", "用户", "管理员", "电脑", "单位", "组"]

    /// A personal name in the Word file's properties, as a note.
    func metadata(_ report: Report) -> [Finding] {
        let m = report.document.metadata
        var findings: [Finding] = []
        var seen = Set<String>()
        for (value, zh, en) in [(m.author, "作者", "author"), (m.lastModifiedBy, "最后修改者", "last modified by")] {
            guard let name = value?.trimmedBlanks, !seen.contains(name), Self.looksLikePersonalName(name) else { continue }
            seen.insert(name)
            findings.append(Finding(span: report.title?.pieces.first ?? TextSpan(line: 0, start: 0, end: 0), message: Localized(
                zh: "Word文件属性“\(zh)”为个人姓名“\(name)”，发布前宜清除文件属性中的个人信息",
                en: "the Word file's '\(en)' property names a person ('\(name)'); clear personal data from the file's properties before publishing"),
                severity: .note))
        }
        return findings
    }

    /// Two to four Chinese characters that name no office (张三, 欧阳明华) — a Chinese personal name's shape.
    static func looksLikePersonalName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        return (2...4).contains(scalars.count) && scalars.allSatisfy(\.isHan) && !notPersons.contains { name.contains($0) }
    }
}
