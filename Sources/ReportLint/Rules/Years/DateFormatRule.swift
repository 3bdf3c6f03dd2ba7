/// `date-format`: a date that lost its 年/月/日 (“20231月1日”, “2008年5月1正式实施”; “2022依托” opening a
/// clause: a warning), a Chinese-numeral year
/// written with a digit zero or a letter O (“二0一七年”), or a date that does not exist (2月30日, 11月31日, 13月).
/// The statistics period is left to `statistics-period`, which reads through the same `DateReader`.
public struct DateFormatRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "date-format", severity: .error,
        name: Localized(zh: "日期书写错误", en: "Date format"),
        summary: Localized(zh: "日期缺“年”“月”“日”、汉字年份中用数字0或字母O代替“〇”、日期不存在",
                           en: "A date that lost 年/月/日, a Chinese-numeral year with a digit 0 or letter O for 〇, or a date that does not exist"),
        rationale: Localized(
            zh: "公文中的日期用阿拉伯数字写作“2023年1月1日”，年、月、日不可省略；汉字年份中的零写作“〇”。“20231月1日”“2008年5月1正式实施”是录入时丢字，“2月30日”“11月31日”则说明日期本身写错，读者无从判断真实时间。",
            en: "Dates in official documents are written 2023年1月1日 with every mark; in Chinese-numeral years zero is 〇. 20231月1日 or 2008年5月1正式实施 lost a character in typing; 2月30日 or 11月31日 cannot be right, and the reader cannot tell the real date."),
        basis: Localized(zh: "GB/T 9704—2012《党政机关公文格式》7.3.5 成文日期；GB/T 15835—2011《出版物上数字用法》",
                         en: "GB/T 9704—2012, 7.3.5 (dates); GB/T 15835—2011 (numbers in publications)"),
        triggering: [
            RuleExample("自↓20231月1日起，我镇启用新版公开目录。", year: 2023),
            RuleExample("《条例》自↓2008年5月1正式实施以来，我局认真贯彻落实。", year: 2008),
            RuleExample("↓二0一七年，我镇进一步加强政务公开工作。", year: 2017),
            RuleExample("↓2022依托政务服务中心设置查阅点。", year: 2022),
            RuleExample("于↓2022年2月30日召开专题会议，↓11月31日完成整改。", year: 2022),
            RuleExample("于↓2021年13月召开培训会。", year: 2021),
        ],
        nonTriggering: [
            RuleExample("本报告中所列数据的统计期限为2022年1月1日至2022年12月31日。", year: 2022),
            RuleExample("二〇二四年，我镇共主动公开政府信息126条。", year: 2024),
            RuleExample("《条例》自2019年5月15日起施行，于2024年2月29日完成目录更新。", year: 2024),
            RuleExample("共用时13个月，办理20231件申请中的12件。", year: 2023),
            RuleExample("全年公开信息2022条，2023件申请均已办结；2021至2023年连续获评优秀。", year: 2022),
            RuleExample("截至12月31日，公开信息2025条，其中5月1日发布32条。", year: 2025),
            // A garbled period is `statistics-period`'s finding.
            RuleExample("本报告起止时间为2020年1月1日至20201231日。", year: 2020),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let period = report.statisticsPeriod.map { [$0.startSpan, $0.endSpan] } ?? []
        let units = context.pack.countUnits + context.pack.amountUnits
        for unit in report.textUnits {
            for r in DateReader.defects(in: unit.scalars) {
                let span = report.span(unit, r.start, r.end)
                if period.contains(where: { $0.line == span.line && $0.start <= span.start && span.start < $0.end }) { continue }
                let written = unit.scalars[r.start..<r.end].string
                let message: Localized
                var severity: Severity?
                switch r.defect {
                case .lostMarks(let marks):
                    message = Localized(zh: "日期“\(written)”缺“\(marks)”", en: "the date '\(written)' lost \(marks)")
                case .latinZero(let zero):
                    severity = .warning
                    let fixed = String(written.unicodeScalars.map { DateReader.latinZeros.contains($0) ? "〇" : Character($0) })
                    message = Localized(zh: "汉字年份“\(written)”中的“\(zero)”应为“〇”", en: "in '\(written)' the '\(zero)' should be 〇 (U+3007)")
                    findings.append(Finding(span: span, message: message, severity: severity,
                                            fix: Fix(description: Localized(zh: "改为“\(fixed)”", en: "replace with \(fixed)"), replacement: fixed)))
                    continue
                case .impossible:
                    message = Localized(zh: "日期“\(written)”不存在", en: "'\(written)' is not a date that exists")
                }
                findings.append(Finding(span: span, message: message, severity: severity))
            }
            if let year = report.year?.value {
                // Appended only when there is something: appending an empty array costs as much as a finding.
                let bare = bareYears(unit, year: year, report: report, units: units)
                if !bare.isEmpty { findings += bare }
            }
        }
        return findings
    }

    /// Characters that may follow a four-digit number without a 年 lost: units, ordinals, dates and ranges.
    static let yearFollowers: Set<Unicode.Scalar> = ["年", "届", "版", "号", "期", "级", "次", "名", "位", "多", "余", "万", "亿", "元", "米", "平",
                                                    "字", "点", "分", "秒", "天", "日", "月", "周", "至", "到", "与", "和", "及", "或", "等", "所", "余"]

    /// “2022依托…”: the report year (or the one before or after) opening a clause, run into the next word
    /// without 年 — a warning, as a count written without its unit looks the same.
    func bareYears(_ unit: TextUnit, year: Int, report: Report, units: [String]) -> [Finding] {
        guard !unit.isTableRow else { return [] }
        let s = unit.scalars
        var findings: [Finding] = []
        var i = 0
        while i + 4 < s.count {
            // Straight to the next digit that may open a year (a short loop of its own: most scalars are none).
            guard let digit = s.firstIndex(from: i, where: { $0.isDigitLike }), digit < s.count - 4 else { break }
            i = digit
            defer { i += 1 }
            guard i == 0 || s[i - 1].separatesClause || s[i - 1].isBlank || s[i - 1] == "。" || s[i - 1] == "：" else { continue }
            guard DateReader.runEnd(s, i) - i == 4 else { continue }
            // Exactly four digits stand here: their value read in place, without an array of them.
            let end = i + 4
            let value = s[i..<end].reduce(0) { $0 * 10 + $1.digitValue! }
            guard end < s.count, abs(value - year) <= 1 else { continue }
            let next = s[end]
            guard next.isHan, !Self.yearFollowers.contains(next), !units.contains(where: { $0.unicodeScalars.first == next }) else { continue }
            let written = s[i...end].string
            findings.append(Finding(span: report.span(unit, i, end + 1), message: Localized(
                zh: "“\(written)”疑缺“年”字", en: "'\(written)' seems to have lost 年"), severity: .warning))
        }
        return findings
    }
}
