/// `document-number`: a 文号 (发文字号) written in a wrong form — the year in [ ] ( ) （ ） 【 】 or small-form
/// ﹝﹞ instead of 六角括号 〔〕, a space inside, 第 before the number, leading zeros, no 号 — or a wrong number for
/// a document whose number is known (rules/documents.json: 国办发〔2021〕30号 for the 2021 format notice).
public struct DocumentNumberRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "document-number", severity: .warning,
        name: Localized(zh: "文号格式错误", en: "Document number"),
        summary: Localized(zh: "发文字号的括号、空格、序号或“号”字不合规范，或所引文件的文号写错",
                           en: "A document number (文号) with the wrong brackets, a space, leading zeros or no 号, or the wrong number for a known document"),
        rationale: Localized(
            zh: "发文字号由发文机关代字、年份、发文顺序号组成，年份用六角括号“〔〕”，顺序号不编虚位（不加“0”）、不加“第”字，后加“号”。方括号、圆括号、小写六角括号和多余的空格都是常见错误；文号写错则读者无法查到所引文件。",
            en: "A document number is the issuer's code, the year in 六角括号 〔〕 and the sequence number without leading zeros or 第, followed by 号. Square or round brackets, small-form ﹝﹞ and stray spaces are common slips; a wrong number sends the reader to another document."),
        basis: Localized(zh: "GB/T 9704—2012《党政机关公文格式》7.2.4 发文字号", en: "GB/T 9704—2012 (format of official documents), 7.2.4 document number"),
        triggering: [
            RuleExample("根据南政发↓[2013]05文件要求，做好信息公开工作。", year: 2014),
            RuleExample("按照梅政办↓[2007] 197号文件精神，制定本办法。", year: 2008),
            RuleExample("转发甘政公开办函↓﹝2020﹞13号通知。", year: 2020),
            RuleExample("根据某政发↓（2009）12号文件，明确职责分工。", year: 2009),
            RuleExample("按照某政办发↓【2019】第8号要求开展工作。", year: 2019),
            RuleExample("依据《中华人民共和国政府信息公开工作年度报告格式》（↓国办发〔2021〕30号）编制。", year: 2023),
        ],
        nonTriggering: [
            RuleExample("按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。", year: 2023),
            RuleExample("根据某政办发〔2020〕15号文件，调整领导小组成员。", year: 2020),
            RuleExample("全年公开政策文件（2020）12条。", year: 2020),
            RuleExample("参照国办发〔2021〕30号文件精神，推进基层政务公开。", year: 2021),
            RuleExample("依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30 号）编制。", year: 2025),
            RuleExample("统计期限为（2021）年度，公开信息【2021】条目3条。", year: 2021),
        ])

    static func isOpening(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "[", "(", "（", "【", "﹝", "〔", "［", "〖": true
        default: false
        }
    }
    static let closing: Set<Unicode.Scalar> = ["]", ")", "）", "】", "﹞", "〕", "］", "〗"]
    /// The last character of an issuer's code (…发, …函, …办): a number without 号 is a 文号 only after one.
    static let codeFinals: Set<Unicode.Scalar> = ["发", "函", "办", "字", "文", "令", "规", "复", "通", "电", "告", "报", "综", "审", "批", "纪", "委"]

    /// A 文号 as written: where its parts stand in the unit's scalars.
    struct Number {
        var codeStart: Int
        var open: Int
        var year: Int
        var end: Int
        var sequence: String
        var problems: [Localized]
        /// Code, 〔year〕, sequence without leading zeros, 号.
        var normalized: String
    }

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let known = context.pack.knownDocuments
        for unit in report.textUnits {
            let s = unit.scalars
            let numbers = Self.numbers(in: s)
            guard !numbers.isEmpty else { continue }
            let text = s.string  // only where a 文号 stands: most paragraphs have none
            for number in numbers {
                let written = s[number.open..<number.end].string
                let wrong = known.first { doc in
                    doc.keywords.contains { text.contains($0) } && doc.wrong.contains { number.normalized.hasSuffix($0) }
                }
                if let doc = wrong, let w = doc.wrong.first(where: { number.normalized.hasSuffix($0) }) {
                    let codeLength = w.unicodeScalars.firstIndex(of: "〔").map { w.unicodeScalars.distance(from: w.unicodeScalars.startIndex, to: $0) } ?? 0
                    let start = max(number.codeStart, number.open - codeLength)
                    findings.append(Finding(span: report.span(unit, start, number.end), message: Localized(
                        zh: "文号有误：“\(s[start..<number.end].string)”，该文件的文号为\(doc.number)",
                        en: "wrong document number \(s[start..<number.end].string); the document is \(doc.number)"),
                        fix: Fix(description: Localized(zh: "改为\(doc.number)", en: "replace with \(doc.number)"), replacement: doc.number)))
                    continue
                }
                guard !number.problems.isEmpty else { continue }
                let fixed = "〔\(number.year)〕\(number.sequence)号"
                findings.append(Finding(span: report.span(unit, number.open, number.end), message: Localized(
                    zh: "文号格式不规范“\(written)”：\(number.problems.map(\.zh).joined(separator: "，"))；应写作“\(fixed)”",
                    en: "malformed document number '\(written)': \(number.problems.map(\.en).joined(separator: ", ")); write \(fixed)"),
                    fix: Fix(description: Localized(zh: "改为“\(fixed)”", en: "replace with \(fixed)"), replacement: fixed)))
            }
        }
        return findings
    }

    /// Every 文号 in `s`: an issuer's code of Chinese characters, a year of four digits in brackets, a number.
    static func numbers(in s: [Unicode.Scalar]) -> [Number] {
        var result: [Number] = []
        // From one opening bracket to the next, in a short loop of its own (most scalars are none); `isOpening` is a
        // switch, not the Set: it is asked of every scalar of every report.
        var from = 0
        while let i = s.firstIndex(from: from, where: { isOpening($0) }) {
            from = i + 1
            var codeStart = i
            while codeStart > 0, i - codeStart < 12, s[codeStart - 1].isHan { codeStart -= 1 }
            guard i - codeStart >= 2 else { continue }
            var j = PeriodReader.skipBlanks(s, i + 1)
            var year = 0, digits = 0
            while j < s.count, let d = s[j].digitValue { year = year * 10 + d; digits += 1; j += 1 }
            guard digits == 4, (1980...2099).contains(year) else { continue }
            // Only once a year stands in the brackets: most brackets after a name (“（一）”, asides) are no 文号.
            var problems: [Localized] = []
            if s[i] != "〔" {
                problems.append(Localized(zh: "年份应用六角括号“〔〕”而非“\(s[i])”", en: "the year belongs in 〔〕, not \(s[i])"))
            }
            let beforeClose = j
            j = PeriodReader.skipBlanks(s, j)
            guard j < s.count, closing.contains(s[j]) else { continue }
            var blank = j > beforeClose || s[(i + 1)..<beforeClose].contains { $0.isBlank }
            let afterClose = j + 1
            j = PeriodReader.skipBlanks(s, afterClose)
            if j > afterClose { blank = true }
            if j < s.count, s[j] == "第" {
                problems.append(Localized(zh: "序号前不加“第”", en: "no 第 before the number"))
                j += 1
            }
            var sequence = String.UnicodeScalarView()
            while j < s.count, let d = s[j].digitValue, sequence.count < 6 { sequence.append(Unicode.Scalar(UInt8(48 + d))); j += 1 }
            guard !sequence.isEmpty, j >= s.count || !s[j].isDigitLike else { continue }
            // “30 号”: text converted from web pages and PDF sets a blank between digits and Chinese — not a slip.
            let hao = PeriodReader.skipBlanks(s, j)
            let hasHao = hao < s.count && s[hao] == "号"
            guard hasHao || codeFinals.contains(s[i - 1]) else { continue }
            if blank { problems.append(Localized(zh: "文号中有空格", en: "a space inside")) }
            let seq = String(sequence)
            let trimmed = String(seq.drop { $0 == "0" })
            if trimmed.count < seq.count, !trimmed.isEmpty {
                problems.append(Localized(zh: "序号不编虚位（“\(seq)”应为“\(trimmed)”）", en: "leading zeros (\(seq) is \(trimmed))"))
            }
            if !hasHao { problems.append(Localized(zh: "序号后缺“号”字", en: "no 号 after the number")) }
            let code = s[codeStart..<i].string
            let sequenceText = trimmed.isEmpty ? seq : trimmed
            result.append(Number(codeStart: codeStart, open: i, year: year, end: hasHao ? hao + 1 : j, sequence: sequenceText,
                                 problems: problems, normalized: "\(code)〔\(year)〕\(sequenceText)号"))
        }
        return result
    }
}
