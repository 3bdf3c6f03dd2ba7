/// `part-count`: the opening announces the report's structure (“本报告由总体情况、…等六部分组成”, “共分六个部分”)
/// and the count it states, the parts it lists and the sections that follow disagree: a count the list does not
/// reach (error, only when every listed piece reads as a part's name), a heading named otherwise than the part
/// announced in its place, more top-level sections than announced (warnings).
public struct PartCountRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "part-count", severity: .error,
        name: Localized(zh: "报告结构说明前后不符", en: "Announced parts disagree"),
        summary: Localized(zh: "开头所说“由…等六部分组成”的部分数、列举的部分及其名称与正文的一级标题不一致",
                           en: "The count of parts the opening states, the parts it lists (and their names) and the top-level sections disagree"),
        rationale: Localized(
            zh: "年度报告开头通常说明报告由哪几部分组成。说“六部分”却只列五项，或正文的一级标题多于所说部分数、标题与开头所列名称不同，多是改稿时增删或改名了部分而未改开头，读者据此查找会找不到对应内容。数目不符为错误，名称不同和标题多出为警告。",
            en: "The opening usually says which parts the report consists of. Saying six and listing five, or headings that are more than announced or named otherwise, usually means a part was added, removed or renamed without updating the opening. A wrong count is an error; other names and extra sections are warnings."),
        basis: Localized(zh: "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）一、报告内容（六部分）",
                         en: "2021 annual report format (国办公开办函〔2021〕30号), part 1: the six parts of the report"),
        triggering: [
            RuleExample("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况等↓六部分组成。", year: 2021),
            RuleExample("本报告由总体情况，主动公开政府信息情况，存在的主要问题及改进情况↓4部分组成。", year: 2021),
            RuleExample("本报告由↓概述、主动公开政府信息情况等两部分组成。\n一、总体情况\n全年主动公开信息12条。\n二、主动公开政府信息情况\n见下表。", year: 2021),
            RuleExample("本报告共分↓三个部分。\n一、总体情况\n全年主动公开信息12条。\n二、主动公开政府信息情况\n见下表。\n三、存在的主要问题及改进情况\n无。\n四、其他需要报告的事项\n无。", year: 2021),
        ],
        nonTriggering: [
            RuleExample("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。", year: 2021),
            RuleExample("全文包括概述，政府信息主动公开情况，政府信息依申请公开情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，政府信息公开存在的主要问题及改进措施6个部分。", year: 2009),
            RuleExample("全文由概述，主动公开政府信息的情况，依申请公开政府信息办理情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，政府信息公开工作存在的主要问题及改进情况，需要说明的事项与附表等七部分组成。", year: 2009),
            // Parts whose names do not read as such: the count is not certain.
            RuleExample("本报告由概述、主动公开、依申请公开、复议诉讼、问题改进、其他事项等六部分组成。", year: 2021),
            RuleExample("全文包括概述，政府信息主动公开情况2个部分。\n一、概述\n全年主动公开信息12条。\n二、主动公开政府信息情况\n见下表。", year: 2009),
            RuleExample("本报告共分两个部分。\n一、总体情况\n全年主动公开信息12条。\n二、其他需要报告的事项\n无。", year: 2021),
        ])

    /// How a part's name ends (“…情况”, “…事项”, “概述”); a piece ending otherwise runs on into the next
    /// (“政府信息公开行政复议、行政诉讼情况” is one part with a 、 inside).
    static let partEndings = ["情况", "事项", "概述", "措施", "附表", "问题", "说明", "引言", "计划", "方向", "工作", "内容", "结语", "公开", "总结"]
    static let listOpeners: [[Unicode.Scalar]] = ["由", "包括", "包含", "分为", "分成", "：", ":"].map(\.scalars)

    struct Announcement {
        var count: Int
        var countStart: Int
        var countEnd: Int
        /// The parts listed, when a list is given and every piece reads as a part's name.
        var parts: [String]?
    }

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        let firstSection = report.sections.first?.span.line ?? report.lines.count
        for p in report.paragraphs.prefix(12) where !p.isHeading && p.pieces[0].line <= firstSection + 3 {
            guard let a = Self.announcement(p.scalars) else { continue }
            let span = p.span(a.countStart, a.countEnd)
            let written = p.scalars[a.countStart..<a.countEnd].string
            if let parts = a.parts, parts.count != a.count {
                return [Finding(span: span, message: Localized(
                    zh: "开头称报告由“\(written)部分”组成，实际列举了\(parts.count)个部分（\(parts.joined(separator: "；"))）",
                    en: "the opening says the report has \(a.count) parts ('\(written)') but lists \(parts.count): \(parts.joined(separator: "; "))"))]
            }
            let top = report.sections.filter { $0.level == 1 && $0.span.line > span.line }
            if let parts = a.parts {
                // The parts as announced against the headings that follow, in order (names that share less than
                // half their characters: 概述 for 总体情况, 存在问题和改进措施 for 存在的主要问题及改进情况).
                // A heading that is the start of the announced name is taken as cut short (an excerpt's last line).
                let renamed = zip(parts, top).filter { part, section in
                    Self.similarity(part, section.title) < 0.5 && !part.hasPrefix(section.title) && !section.title.hasPrefix(part)
                }
                if !renamed.isEmpty {
                    return renamed.map { part, section in
                        let at = p.scalars.firstIndex(of: part.scalars).map { p.span($0, $0 + part.unicodeScalars.count) } ?? span
                        return Finding(span: at, message: Localized(
                        zh: "标题“\(section.numeral)、\(section.title)”与开头所列的第\(section.numeral)部分“\(part)”名称不一致",
                        en: "the heading \(section.numeral)、\(section.title) differs from the part the opening announces in its place, '\(part)'"),
                        severity: .warning, related: [(section.titleSpan, Localized(zh: "正文中的标题", en: "the heading"))])
                    }
                }
            }
            if top.count > a.count, let extra = top.dropFirst(a.count).first {
                return [Finding(span: span, message: Localized(
                    zh: "开头称报告由\(a.count)个部分组成，正文却有\(top.count)个一级标题（多出“\(extra.numeral)、\(extra.title)”）",
                    en: "the opening announces \(a.count) parts but the report has \(top.count) top-level sections (the extra one: \(extra.numeral)、\(extra.title))"),
                    severity: .warning, related: [(extra.span, Localized(zh: "多出的部分", en: "the extra section"))])]
            }
            return []
        }
        return []
    }

    /// Shared Chinese characters over all of both names' (的 and 、 left out).
    static func similarity(_ a: String, _ b: String) -> Double {
        let ignore: Set<Character> = ["的", "、", " "]
        let x = Set(a).subtracting(ignore), y = Set(b).subtracting(ignore)
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    /// “…六部分组成”, “共分六个部分”, “…6个部分”: the count, where it is written, and the list before it.
    static func announcement(_ s: [Unicode.Scalar]) -> Announcement? {
        let marker = "部分".scalars
        var from = 0
        while let at = s.firstIndex(of: marker, from: from) {
            from = at + 1
            var end = at
            if end > 0, s[end - 1] == "个" { end -= 1 }
            var start = end
            while start > 0, s[start - 1].isDigitLike || ChineseNumerals.isNumeral(s[start - 1]) { start -= 1 }
            guard start < end, end - start <= 3 else { continue }
            let numeral = s[start..<end]
            let count = numeral.allSatisfy(\.isDigitLike) ? DateReader.number(numeral.map { $0.digitValue! }[...])
                : numeral.elementsEqual(["两"]) ? Optional(2) : ChineseNumerals.value(numeral)
            guard let count, (2...12).contains(count) else { continue }
            return Announcement(count: count, countStart: start, countEnd: end, parts: parts(s, before: start))
        }
        return nil
    }

    /// The parts listed between the list's opener (由, 包括, ：) and the count, or nil when there is no list or a
    /// piece does not read as a part's name (then the count is not certain).
    static func parts(_ s: [Unicode.Scalar], before end: Int) -> [String]? {
        var sentenceStart = end
        while sentenceStart > 0, !s[sentenceStart - 1].endsSentence, s[sentenceStart - 1] != "；" { sentenceStart -= 1 }
        var open: Int?
        for opener in listOpeners {
            var from = sentenceStart
            while let at = s.firstIndex(of: opener, from: from, to: end) { open = max(open ?? 0, at + opener.count); from = at + 1 }
        }
        guard let open else { return nil }
        var text = s[open..<end].string.trimmedBlanks
        if text.hasSuffix("等") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        // Pieces are separated by ， or ; where those are used, and 、 (which also joins words inside a part) otherwise.
        let separators: Set<Character> = text.contains(where: { "，,;；".contains($0) }) ? ["，", ",", ";", "；"] : ["、"]
        var parts: [String] = []
        var pending = ""
        for piece in text.split(whereSeparator: { separators.contains($0) }) {
            pending += pending.isEmpty ? String(piece) : "、" + piece
            if partEndings.contains(where: { pending.hasSuffix($0) }) {
                parts.append(pending.trimmedBlanks)
                pending = ""
            } else if !pending.hasSuffix("复议") {
                // Only “行政复议、行政诉讼情况” has a 、 inside a part's name; any other piece that does not end as
                // a part's name leaves the count uncertain.
                return nil
            }
        }
        guard pending.isEmpty, parts.count >= 2 else { return nil }
        return parts
    }
}
