/// `publication-deadline`: the report was published or signed off after the deadline for its kind of body —
/// departments by 31 January, local governments by 31 March of the following year (条例 第四十九条); under the
/// 2007 Regulations every organ by 31 March; townships by the date their county sets (a pack's "town").
/// The date is the page's 发布日期 (HTML meta table or page lines above the text), else the date under the
/// signature at the end. The kind of body is read from its name.
public struct PublicationDeadlineRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "publication-deadline", severity: .warning,
        name: Localized(zh: "年度报告公开逾期", en: "Published after the deadline"),
        summary: Localized(zh: "发布日期或落款日期晚于法定公开时限（部门1月31日前，地方人民政府3月31日前）",
                           en: "The publication or sign-off date is after the deadline (departments 31 January, local governments 31 March)"),
        rationale: Localized(
            zh: "《条例》第四十九条规定，县级以上人民政府部门应当在每年1月31日前、县级以上地方人民政府应当在每年3月31日前公布本机关上一年度的年度报告；2007年《条例》规定为每年3月31日前。乡镇、街道的时限由县级政府确定，可在规则包中设置。宿迁等地的考核对逾期公布扣分。",
            en: "Regulations Art. 49: departments of governments at county level and above publish by 31 January, local governments by 31 March of the following year (the 2007 Regulations: 31 March). Townships follow their county's date, which a pack can set. Assessments (e.g. 宿迁 SQ-DEP-A-005) deduct for late publication."),
        basis: Localized(zh: "《中华人民共和国政府信息公开条例》第四十九条；宿迁市考核细则SQ-DEP-A-005",
                         en: "Regulations Art. 49; 宿迁 assessment rule SQ-DEP-A-005"),
        triggering: [
            RuleExample("某县财政局2023年政府信息公开工作年度报告\n全年主动公开政府信息12条。\n某县财政局\n↓2024年2月20日", year: 2023),
            RuleExample("某县人民政府2023年政府信息公开工作年度报告\n全年主动公开政府信息12条。\n某县人民政府\n↓二〇二四年四月八日", year: 2023),
            RuleExample("某市交通局2016年政府信息公开工作年度报告\n全年主动公开政府信息12条。\n↓2017年4月1日", year: 2016),
        ],
        nonTriggering: [
            RuleExample("某县人民政府2023年政府信息公开工作年度报告\n全年主动公开政府信息12条。\n某县人民政府\n2024年3月20日", year: 2023),
            RuleExample("某县财政局2023年政府信息公开工作年度报告\n全年主动公开政府信息12条。\n某县财政局\n2024年1月20日", year: 2023),
            RuleExample("某镇人民政府2023年政府信息公开工作年度报告\n全年主动公开政府信息12条。\n某镇人民政府\n2024年3月20日", year: 2023),
            RuleExample("某市交通局2016年政府信息公开工作年度报告\n全年主动公开政府信息12条。\n2017年3月1日", year: 2016),
        ])

    enum Kind: String { case department, government, town }

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        guard let year = report.year?.value, let body = report.body,
              let (date, span, published) = Self.publicationDate(report) ?? Self.signOffDate(report) else { return [] }
        let kind = Self.kind(of: body)
        let key = year <= 2018 ? "regulations2007" : kind.rawValue
        guard let deadline = Self.monthDay(context.pack.publicationDeadlines[key] ?? "") else { return [] }
        let due = DateValue(year: year + 1, month: deadline.month, day: deadline.day)
        guard let y = date.year, (y, date.month, date.day) > (year + 1, due.month, due.day) else { return [] }
        let who: Localized = switch (year <= 2018, kind) {
        case (true, _): Localized(zh: "2007年《条例》规定的", en: "the 2007 Regulations'")
        case (_, .department): Localized(zh: "政府部门的", en: "a department's")
        case (_, .government): Localized(zh: "地方人民政府的", en: "a local government's")
        case (_, .town): Localized(zh: "本地规定的乡镇（街道）", en: "the local township")
        }
        let what = published ? Localized(zh: "发布日期", en: "publication date") : Localized(zh: "落款日期", en: "sign-off date")
        return [Finding(span: span, message: Localized(
            zh: "\(what.zh)\(date.description)晚于\(who.zh)公开时限\(due.description)",
            en: "the \(what.en) \(y)-\(date.month)-\(date.day) is after \(who.en) deadline \(year + 1)-\(due.month)-\(due.day)"))]
    }

    /// Department, government or town, from the body's name (某县财政局, 某县人民政府, 某镇人民政府).
    static func kind(of body: String) -> Kind {
        if TitleReader.level(of: body) == .town { return .town }
        if body.hasPlainSuffix("人民政府") || body.hasPlainSuffix("政府") { return .government }
        return .department
    }

    /// "MM-DD" → (month, day).
    static func monthDay(_ text: String) -> (month: Int, day: Int)? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, DateValue(year: 2000, month: parts[0], day: parts[1]).isValid else { return nil }
        return (parts[0], parts[1])
    }

    /// The page's 发布日期, from the HTML meta table or a page line above the text.
    static func publicationDate(_ report: Report) -> (DateValue, TextSpan, Bool)? {
        let anchor = report.title?.pieces.first ?? TextSpan(line: 0, start: 0, end: 0)
        if let text = report.document.metadata.publicationDate, let d = isoDate(text) { return (d, anchor, true) }
        guard let found = PageChrome.publicationDate(report.lines, limit: OpeningText.chromeLines(report)),
              let text = HTMLPageFacts.date(in: report.lines[found.line].string), let d = isoDate(text) else { return nil }
        return (d, TextSpan(line: found.line, start: 0, end: report.lines[found.line].count), true)
    }

    static func isoDate(_ text: String) -> DateValue? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? DateValue(year: parts[0], month: parts[1], day: parts[2]) : nil
    }

    /// The date under the signature: a line of its own among the last lines of the text (“2024年1月20日”,
    /// “二〇二四年一月二十日”).
    static func signOffDate(_ report: Report) -> (DateValue, TextSpan, Bool)? {
        let lines = report.lines.indices.reversed().lazy.filter { !report.blankLines[$0] && !report.isTableLine($0) }.prefix(4)
        for l in lines {
            let s = report.lines[l]
            let start = s.firstIndex { !$0.isBlank } ?? 0
            var end = s.count
            while end > start, s[end - 1].isBlank { end -= 1 }
            let date = PeriodReader.date(s, at: start).map { ($0.value, $0.end) } ?? chineseDate(s, from: start)
            guard let (value, dateEnd) = date, dateEnd == end, value.year != nil, value.isValid else { continue }
            return (value, TextSpan(line: l, start: start, end: end), false)
        }
        return nil
    }

    /// “二〇二四年四月八日” from `start`, and where it ends.
    static func chineseDate(_ s: [Unicode.Scalar], from start: Int) -> (DateValue, Int)? {
        var numbers: [Int] = []
        var i = start
        for mark in ["年", "月", "日"] as [Unicode.Scalar] {
            guard let at = s[i...].prefix(5).firstIndex(of: mark), at > i,
                  s[i..<at].allSatisfy({ ChineseNumerals.isNumeral($0) }), let v = ChineseNumerals.value(s[i..<at]) else { return nil }
            numbers.append(v)
            i = at + 1
        }
        return (DateValue(year: numbers[0], month: numbers[1], day: numbers[2]), i)
    }
}
