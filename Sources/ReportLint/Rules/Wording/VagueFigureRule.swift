/// `vague-figure`: wording that does not belong in a report on a closed year — vague time (截至目前, 今年以来,
/// 今年, 近期), a cumulative figure “截至2019年12月31日…公开信息373条” given where the year's figure belongs,
/// and approximate counts (100余条, 755多条, 约47.30%, 近千条, 50条左右) where the report states figures.
public struct VagueFigureRule: ConfigurableRule {
    public init() {}

    /// `"vague-figure": {"approximateCounts": false}` — a county that accepts 100余条 in the text (the tables
    /// carry the exact figures) keeps the vague-time checks only.
    public struct Options: RuleOptions {
        public var approximateCounts = true
        public init() {}
        public static let keys: [(key: String, meaning: Localized)] = [("approximateCounts", Localized(
            zh: "是否检查“100余条”“约”“左右”等约数", en: "whether approximate counts (100余条, 约, 左右) are reported"))]
    }

    public static let descriptor = RuleDescriptor(
        id: "vague-figure", severity: .warning,
        name: Localized(zh: "时间或数字表述模糊", en: "Vague time or figure"),
        summary: Localized(zh: "年度报告中出现“截至目前”“今年”“近期”、截至年底的累计数，或“100余条”“约”“左右”等约数",
                           en: "截至目前, 今年, 近期, a cumulative count to the year's end, or approximate counts (100余条, 约, 左右) in an annual report"),
        rationale: Localized(
            zh: "年度报告报告的是已经结束的统计年度，数据以统计表为准：“截至目前”“今年”随阅读时间而变，累计数不是年度数，“100余条”“约”“左右”无法与统计表核对。",
            en: "The report covers a closed statistics year and its figures are those of the tables: 截至目前 and 今年 change with the reader's date, a cumulative count is not the year's count, and 100余条 cannot be checked against a table."),
        basis: Localized(zh: "《条例》第四十九条、第五十条（报告上一年度的工作与统计数据）；年度报告格式（统计期限、统计表）",
                         en: "Regulations Arts. 49 and 50 (the previous year's work and statistics); the report format (statistics period, tables)"),
        triggering: [
            RuleExample("↓截至目前，我镇共发布政府信息85条。", year: 2021),
            RuleExample("↓今年以来，我局认真落实公开要求，↓今年共召开会议2次。", year: 2021),
            RuleExample("全年累计主动公开政府信息↓100余条，全年共收到申请16件。", year: 2024),
            RuleExample("其中政策文件↓约20条，全年共收到申请3件。", year: 2024),
            RuleExample("↓截至2019年12月31日，我镇在网站公开信息373条。", year: 2019),
        ],
        nonTriggering: [
            RuleExample("2021年，我镇共主动公开政府信息85条，其中政策文件20条。", year: 2021),
            RuleExample("截至2021年12月31日，本年度共受理申请5件，全部按期答复。", year: 2021),
            RuleExample("目前已覆盖10个语种，近3个月完成目录更新。", year: 2021),
            RuleExample("2022年，我镇将持续提升公开质量。", year: 2021),
            RuleExample("2021年年初召开专题会议，部署全年工作；目前已完成。", year: 2021),
        ])

    /// Vague time words, longest first (截至目前 before 目前为止; 今年以来 before 今年).
    static let vagueTimes = ["截止到目前", "截至目前", "截止目前", "目前为止", "今年以来", "今年", "近期"].map(\.scalars)
    /// Made once, not for every figure or paragraph that may hold them.
    static let around = "左右".scalars, cutOffMarkers = ["截至", "截止"].map(\.scalars)
    /// Words that make a “截至…12月31日” sentence the year's figure rather than a running total.
    static let annualWords = ["全年", "本年", "年度", "当年", "年内", "新增", "期间"]

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, p) in report.paragraphs.enumerated() where !p.isHeading {
            let s = p.scalars
            // One pass: the words start with 截, 目, 今 or 近 (longest first at each place).
            var at = 0
            while at < s.count {
                switch s[at] {
                case "截", "目", "今", "近":
                    if let word = Self.vagueTimes.first(where: { s.has($0, at: at) }) {
                        findings.append(Finding(span: p.span(at, at + word.count), message: Localized(
                            zh: "“\(word.string)”随阅读时间而变，年度报告应写明具体年度或日期", en: "'\(word.string)' depends on when it is read; name the year or the date")))
                        at += word.count
                        continue
                    }
                default: break
                }
                at += 1
            }
            if s.contains("截") { findings += cumulative(index, report) }
        }
        let exact = report.figures.contains { $0.kind == .count && !$0.approximate } || !report.statutoryTables.isEmpty
        guard exact, context.options(Self.self).approximateCounts else { return findings }
        for f in report.figures where f.kind == .count || f.kind == .share {
            let s = report.paragraphs[f.paragraph].scalars
            var start = f.start, end = f.end
            var word = ""
            if f.approximate {
                word = s[f.numberStart..<f.end].contains("余") ? "余" : "多"
            } else if f.start > 0, s[f.start - 1] == "约" || s[f.start - 1] == "近", !(f.start > 1 && ["最", "接", "附", "将"].contains(s[f.start - 2])) {
                if end < s.count, ["月", "年", "天", "日", "周"].contains(s[end]) { continue }  // 近3个月 is a time
                word = String(s[f.start - 1])
                start -= 1
            } else if s.has(Self.around, at: end) {
                word = "左右"
                end += 2
            } else { continue }
            let written = s[start..<end].string
            findings.append(Finding(span: report.paragraphs[f.paragraph].span(start, end), message: Localized(
                zh: "“\(written)”是约数（“\(word)”），年度报告应写明确切数字", en: "'\(written)' is approximate ('\(word)'); state the exact figure")))
        }
        return findings
    }

    /// “截至2019年12月31日，…公开信息373条”: a running total where the year's figure belongs.
    func cumulative(_ index: Int, _ report: Report) -> [Finding] {
        let p = report.paragraphs[index]
        let s = p.scalars
        var findings: [Finding] = []
        for marker in Self.cutOffMarkers {
            var from = 0
            while let at = s.firstIndex(of: marker, from: from) {
                from = at + 1
                let dateAt = PeriodReader.skipBlanks(s, at + marker.count)
                guard let date = PeriodReader.date(s, at: dateAt), date.value.month == 12, date.value.day == 31,
                      let year = date.value.year, year == report.year?.value else { continue }
                var end = date.end
                while end < s.count, !s[end].endsSentence, s[end] != "；" { end += 1 }
                let sentence = s[date.end..<end].string
                guard !Self.annualWords.contains(where: { sentence.contains($0) }),
                      report.figures.contains(where: { $0.paragraph == index && $0.kind == .count && $0.start >= date.end && $0.start < end })
                else { continue }
                findings.append(Finding(span: p.span(at, date.end), message: Localized(
                    zh: "“\(s[at..<date.end].string)”后给出的是累计数，年度报告应报告本年度数据",
                    en: "the figure after '\(s[at..<date.end].string)' is a running total; report the year's figure")))
            }
        }
        return findings
    }
}
