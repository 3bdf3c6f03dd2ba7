/// `repeated-word`: a word typed twice (“资金资金”), one character typed twice (为为, 的的, 局局 in 民政局局),
/// or the subject repeated within one clause (“我镇2019年度我镇无相关…”). Reduplications (常常, 层层) and words
/// that start where a word ending the same way stopped (县政府 + 政府信息, 民政局 + 局长) are left alone
/// (rules/phrases.json: repeatedWordAllow, repeatedCharacters, repeatedWordBoundaries).
public struct RepeatedWordRule: ConfigurableRule {
    public init() {}

    /// `"repeated-word": {"allow": ["我镇"]}` — words of a body's own that may stand twice in a row.
    public struct Options: RuleOptions {
        public var allow: [String] = []
        public init() {}
        public static let keys: [(key: String, meaning: Localized)] = [("allow", Localized(
            zh: "允许紧接重复的词语（如 [\"我镇\"]），在规则包 repeatedWordAllow 之外", en: "words that may stand twice in a row (e.g. [\"我镇\"]), besides the pack's repeatedWordAllow"))]
    }

    public static let descriptor = RuleDescriptor(
        id: "repeated-word", severity: .warning,
        name: Localized(zh: "词语重复", en: "Repeated word"),
        summary: Localized(zh: "同一词语紧接着重复出现，或同一分句中主语重复", en: "A word repeated back to back, or the subject repeated within one clause"),
        rationale: Localized(
            zh: "复制粘贴和改稿时常留下“资金资金”“我镇2019年度我镇”之类的重复，读来不通，也显得报告未经校对。",
            en: "Copying and editing leave repeats such as 资金资金 or 我镇2019年度我镇; they read badly and show the report was not proofread."),
        basis: Localized(zh: "《党政机关公文处理工作条例》（文字准确）", en: "Rules on official documents (accurate wording)"),
        triggering: [
            RuleExample("我镇2019年度↓我镇无相关依申请公开数量信息情况。", year: 2019),
            RuleExample("加强专项资金↓资金管理。", year: 2021),
            RuleExample("坚持以人民为↓为中心，切实做好公开工作的↓的各项任务。", year: 2021),
            RuleExample("某县民政局↓局严格落实公开要求。", year: 2021),
        ],
        nonTriggering: [
            RuleExample("形成一级抓一级、层层抓落实的工作格局。", year: 2021),
            RuleExample("我镇高度重视，我镇党委专题研究。", year: 2021),
            RuleExample("逐一核对，一一对应。", year: 2021),
            RuleExample("我县县政府信息公开工作和县政府政府信息公开工作由民政局局长分管，为了了解群众需求，常常深入村村户户。", year: 2021),
            RuleExample("层层压实责任，级级抓好落实，项项有人管，件件有回音。", year: 2021),
            // Table header cells flattened into lines (“结果” | “结果…”), then a note that joins them.
            RuleExample("行政复议行政诉讼\n结果结果其他尚未\n总计结果结果其他尚未\n维持纠正结果审结\n注：行政复议、行政诉讼数量含上年度结转数量。", year: 2021),
        ])

    /// Lines that are table header cells run together (PDF text of a header, one short line under another, no
    /// punctuation, no figures): “结果” ending one cell and starting the next is no repeated word there.
    static func headerFragmentLines(_ report: Report) -> Set<Int> {
        func isFragment(_ l: Int) -> Bool {
            guard l >= 0, l < report.lines.count else { return false }
            let text = report.lines[l].filter { !$0.isBlank }
            return !text.isEmpty && text.count <= 24 && text.allSatisfy(\.isHan)
        }
        var result = Set<Int>()
        for l in report.lines.indices where isFragment(l) && (isFragment(l - 1) || isFragment(l + 1)) { result.insert(l) }
        return result
    }

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let phrases = context.knowledge.phrases
        let configured = context.options(Self.self).allow
        let allow = configured.isEmpty ? phrases.repeatedWordAllow
            : phrases.repeatedWordAllow.union(configured.flatMap { [$0, $0 + $0] })
        let subjects = phrases.subjects
        let heads = phrases.subjectHeads
        let characters = phrases.repeatedCharacters
        let boundaries = phrases.repeatedWordBoundaries
        var fragments: Set<Int>?  // worked out when the first repeat is found: most reports have none
        for p in report.paragraphs {
            let s = p.scalars
            // Runs of table header fragments from PDF text (“结果结果其他尚未”) are not prose.
            if p.pieces.count > 1, !s.contains(where: { $0.separatesClause || $0 == "、" || $0 == "." }) { continue }
            var i = 0
            while i < s.count {
                // A repeat starts with a Han character: most scalars are turned away before the three lengths.
                guard s[i].isHan else { i += 1; continue }
                // Nor can one start where none of the next four scalars (within reach of a repeat) is the same.
                let u = s[i], room = (s.count - i) / 2
                guard (room >= 1 && s[i + 1] == u) || (room >= 2 && s[i + 2] == u) || (room >= 3 && s[i + 3] == u)
                        || (room >= 4 && s[i + 4] == u) else { i += 1; continue }
                var matched = 0
                for n in stride(from: 4, through: 1, by: -1) where i + 2 * n <= s.count && s[i] == s[i + n] && s[i].isHan {
                    let a = s[i..<(i + n)], b = s[(i + n)..<(i + 2 * n)]
                    guard a.elementsEqual(b), a.allSatisfy(\.isHan) else { continue }
                    let word = Array(a).string
                    if allow.contains(word + word) || (n > 1 && Set(a).count == 1) { continue }
                    // One character doubled (为为, 的的, 局局) is checked for the characters whose doubling is a slip,
                    // not a third in a row (“办公室室”? no: “X X X” is left alone).
                    if n == 1, !characters.contains(s[i]) || (i + 2 < s.count && s[i + 2] == s[i]) || (i > 0 && s[i - 1] == s[i]) { continue }
                    // A word that starts where one ending the same way stopped: 民政局 + 局长, 县政府 + 政府信息.
                    if boundaries.contains(where: { $0.count > n && s.has($0, at: i + n) }) { continue }
                    if fragments == nil { fragments = Self.headerFragmentLines(report) }
                    if fragments!.contains(p.span(i + n, i + 2 * n).line) { continue }
                    findings.append(Finding(span: p.span(i + n, i + 2 * n), message: Localized(
                        zh: "“\(word)”重复", en: "'\(word)' is repeated"),
                        fix: Fix(description: Localized(zh: "删去重复的“\(word)”", en: "delete the repeat"), replacement: "")))
                    matched = 2 * n
                    break
                }
                i += max(matched, 1)
            }
            // Where a subject may stand: the places of the scalars subjects begin with (我, 本), found in one pass,
            // rather than a search of the whole paragraph for each of the fifteen subjects.
            let starts = s.indices.filter { heads.contains(s[$0]) }
            if starts.isEmpty { continue }
            /// The first place at or after `from` where `subject` stands and ends by `to` (`firstIndex(of:from:to:)`).
            func find(_ subject: [Unicode.Scalar], from: Int, to: Int = s.count) -> Int? {
                starts.first { $0 >= from && $0 + subject.count <= to && s.has(subject, at: $0) }
            }
            for subject in subjects where !subject.isEmpty {
                var from = 0
                while let a = find(subject, from: from) {
                    from = a + subject.count
                    guard let b = find(subject, from: from, to: min(s.count, from + 12 + subject.count)),
                          !s[from..<b].contains(where: { $0.separatesClause || $0 == "、" }) else { continue }
                    let word = subject.string
                    findings.append(Finding(span: p.span(b, b + subject.count), message: Localized(
                        zh: "同一分句中主语“\(word)”重复", en: "the subject '\(word)' is repeated within one clause"),
                        fix: Fix(description: Localized(zh: "删去重复的“\(word)”", en: "delete the repeat"), replacement: "")))
                    from = b + subject.count
                }
            }
        }
        return findings
    }
}
