/// `template-leftover`: the template or last year's draft left in — placeholders (XX镇, ××, （具体网址）,
/// （填写…）), the format's own instructions (（文字描述）), empty slots (“起止时间为至。”, “截止年12月31日”,
/// a sign-off “年  月  日” without figures). A note printed in the official table itself
/// (“（设区的市、自治州人民政府应提供相关数据）” in 表二's 规章 row) is only a note: it is the template's text.
public struct TemplateLeftoverRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "template-leftover", severity: .error,
        name: Localized(zh: "模板内容未替换", en: "Template left in"),
        summary: Localized(zh: "报告中留有“XX镇”“××”“（具体网址）”“（填写…）”“（文字描述）”等占位符、模板说明或空白待填处",
                           en: "Placeholders (XX镇, ××, （具体网址）, （填写…）), the template's instructions or empty slots left in the report"),
        rationale: Localized(
            zh: "套用模板或上年报告时未替换的占位符和填写说明，会让公开的报告缺少机关名称、网址、日期等关键内容，也说明报告发布前未经审核。",
            en: "Placeholders and filling instructions left from a template or last year's report leave the published report without the body's name, address or dates, and show it was not reviewed before publication."),
        basis: Localized(zh: "《条例》第五十条；《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
                         en: "Regulations Art. 50; 2021 annual report format (国办公开办函〔2021〕30号)"),
        triggering: [
            RuleExample("↓XX镇人民政府认真贯彻落实《条例》。", year: 2021),
            RuleExample("报告电子版可在门户网站↓（具体网址）查阅。", year: 2021),
            RuleExample("本报告中所列数据的统计期限↓（填写起止日期）。", year: 2021),
            RuleExample("本报告起止时间↓为至。", year: 2021),
            RuleExample("↓截止年12月31日，共公开信息12条。", year: 2021),
            RuleExample("五、存在的主要问题及改进情况\n↓（文字描述）", year: 2021),
            RuleExample("联系人：↓××，电话：0517-87290606。", year: 2021),
            // The note printed in the 规章 row of the official 表二: reported as a note only.
            RuleExample("| 规章↓（设区的市、自治州人民政府应提供相关数据） | 0 | 0 | 0 |", year: 2020),
        ],
        nonTriggering: [
            RuleExample("某镇人民政府认真贯彻落实《条例》，报告电子版可在门户网站（www.example.gov.cn）查阅。", year: 2021),
            RuleExample("本报告中所列数据的统计期限自2021年1月1日至2021年12月31日。", year: 2021),
            RuleExample("全年共处理XXL型号设备采购1次，收到申请2件。", year: 2021),
            RuleExample("某镇人民政府\n2022年1月20日", year: 2021),

        ])

    /// Placeholders in brackets: the text inside begins with one of these.
    static let bracketed = ["具体网址", "网址", "填写", "文字描述", "此处填", "请填", "单位名称", "机关名称", "XX", "××"]
    /// Notes printed in the official table itself: kept by many reports, reported as a note only.
    static let tableNotes = ["设区的市、自治州人民政府应提供相关数据"]
    /// A short array, searched in a few comparisons (a Set hashed the scalar first, several times the work).
    static let placeholderStarts = (bracketed + tableNotes).compactMap(\.unicodeScalars.first)

    static func isClosingBracket(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "）", ")", "】", "]": true
        default: false
        }
    }
    static let emptySlots = ["为至", "自至", "从至"].map(\.scalars)
    static let yearSlotOpeners = ["截至", "截止", "自", "从", "至"].map(\.scalars)

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for unit in report.textUnits {
            let s = unit.scalars
            var i = 0
            while i < s.count {
                // Straight to the next scalar a leftover may start with (a short loop of its own: most are none).
                guard let start = s.firstIndex(from: i, where: { Self.mayStart($0) }) else { break }
                i = start
                if let (end, finding) = leftover(s, at: i, unit: unit, report: report) {
                    findings.append(finding)
                    i = max(end, i + 1)
                } else { i += 1 }
            }
        }
        return findings
    }

    /// The scalars a leftover starts with (a switch: asked of every scalar of every report).
    static func mayStart(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "（", "(", "【", "[", "X", "Ｘ", "×", "为", "自", "从", "截", "至", "年": true
        default: false
        }
    }

    /// A leftover starting at `i`, and where it ends.
    func leftover(_ s: [Unicode.Scalar], at i: Int, unit: TextUnit, report: Report) -> (Int, Finding)? {
        func finding(_ end: Int, _ zh: String, _ en: String, _ severity: Severity? = nil) -> (Int, Finding) {
            let written = s[i..<end].string
            return (end, Finding(span: report.span(unit, i, end), message: Localized(zh: "“\(written)”\(zh)", en: "'\(written)' \(en)"), severity: severity))
        }
        let u = s[i]
        if u == "（" || u == "(" || u == "【" || u == "[" {
            // The first scalar inside tells a placeholder or note from the many asides a report has: no String otherwise.
            let first = PeriodReader.skipBlanks(s, i + 1)
            guard first < s.count, Self.placeholderStarts.contains(s[first]),
                  let end = s[(i + 1)...].prefix(40).firstIndex(where: Self.isClosingBracket) else { return nil }
            let inner = s[(i + 1)..<end].string.withoutBlanks
            if Self.tableNotes.contains(where: { inner.contains($0) }) {
                // In the table: a table row, a cell of a table PDF text broke into lines (“规章(…) |”), the 规章 row label.
                let inTable = unit.isTableRow || s.contains("|") || s.contains("\t") || (i >= 2 && s[(i - 2)..<i].string == "规章")
                return inTable ? finding(end + 1, "是模板表格自带的说明，可按需保留或删去", "is the template table's own note; keep or delete it", .note)
                    : finding(end + 1, "是模板说明，应删去", "is the template's instruction; delete it")
            }
            if Self.bracketed.contains(where: { inner.hasPlainPrefix($0) }) {
                return finding(end + 1, "是模板占位符或填写说明，应替换为实际内容", "is a placeholder or filling instruction; replace it")
            }
            return nil
        }
        // XX镇, XXX, ××: two or more placeholder letters touching Chinese text.
        if u == "X" || u == "Ｘ" || u == "×" {
            var end = i
            while end < s.count, s[end] == u { end += 1 }
            guard end - i >= 2, i == 0 || !s[i - 1].isASCIILetter else { return nil }
            let next = end < s.count ? s[end] : " "
            guard !next.isASCIILetter, next.isHan || next.isCJKPunctuation || u == "×" || (i > 0 && s[i - 1].isHan) else { return nil }
            return finding(end, "是占位符，应替换为实际内容", "is a placeholder; replace it")
        }
        // The rest start with 为, 自, 从, 截, 至 or 年, and the next scalar tells most of them apart.
        guard i + 1 < s.count, s[i + 1] == "至" || s[i + 1] == "止" || s[i + 1] == "年" || s[i + 1].isBlank || s[i + 1] == "月" else { return nil }
        for slot in Self.emptySlots where s.has(slot, at: i) {
            // “为至。”: the dates of a period left blank.
            let after = i + slot.count
            guard after >= s.count || s[after].endsSentence || s[after].separatesClause || s[after] == "止" else { continue }
            return finding(after, "处缺少日期，模板空白未填写", "has the dates left blank")
        }
        for opener in Self.yearSlotOpeners where s.has(opener, at: i) {
            let y = PeriodReader.skipBlanks(s, i + opener.count)
            guard y < s.count, s[y] == "年", y + 1 < s.count else { continue }
            let m = PeriodReader.skipBlanks(s, y + 1)
            guard m < s.count, s[m].isDigitLike || s[m] == "月" else { continue }
            if i > 0, s[i - 1].isDigitLike || ChineseNumerals.isNumeral(s[i - 1]) { continue }
            return finding(y + 1, "缺少年份，模板空白未填写", "has the year left blank")
        }
        // A sign-off date with its figures left blank: “年  月  日”.
        if u == "年", i == 0 || !s[i - 1].isDigitLike && !ChineseNumerals.isNumeral(s[i - 1]) {
            let m = PeriodReader.skipBlanks(s, i + 1)
            guard m < s.count, s[m] == "月" else { return nil }
            let d = PeriodReader.skipBlanks(s, m + 1)
            guard d < s.count, s[d] == "日" else { return nil }
            return finding(d + 1, "中日期未填写", "is a date left blank")
        }
        return nil
    }
}
