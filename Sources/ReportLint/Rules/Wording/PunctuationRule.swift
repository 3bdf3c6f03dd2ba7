/// `punctuation`: half-width punctuation inside Chinese text (“一是,”, “情况.”), unbalanced 《》（）“”, and
/// doubled punctuation (“，，”, “。。”).
public struct PunctuationRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "punctuation", severity: .warning,
        name: Localized(zh: "标点符号不规范", en: "Punctuation"),
        summary: Localized(zh: "中文中夹用半角标点、书名号或括号不成对、标点重复",
                           en: "Half-width punctuation in Chinese text, unbalanced 《》（）“”, doubled punctuation"),
        rationale: Localized(
            zh: "公文用全角标点（GB/T 15834《标点符号用法》）；半角逗号句点、成单的书名号括号和重复标点是常见的录入错误。",
            en: "Official documents use full-width punctuation (GB/T 15834); half-width commas and stops, unpaired brackets and doubled marks are common typing slips."),
        basis: Localized(zh: "GB/T 15834—2011《标点符号用法》；《党政机关公文格式》", en: "GB/T 15834—2011 (Chinese punctuation); official document format"),
        triggering: [
            RuleExample("我镇2019年度无相关依申请公开数量信息情况↓.", year: 2019),
            RuleExample("一是↓,加强组织领导。", year: 2021),
            RuleExample("根据↓《中华人民共和国政府信息公开条例要求编制。", year: 2021),
            RuleExample("全年共召开会议3次↓，，组织培训2次。", year: 2021),
            RuleExample("深化↓\"放管服\"改革，优化营商环境。", year: 2021),
        ],
        nonTriggering: [
            RuleExample("依据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制本报告。", year: 2021),
            RuleExample("报告电子版可在门户网站（www.example.gov.cn）下载，时间为9:30。", year: 2021),
            RuleExample("1.属于国家秘密；2.其他法律行政法规禁止公开……", year: 2021),
            RuleExample("占比为12.5%，较上年增长3.2%。", year: 2021),
            RuleExample("深化“放管服”改革，网址为\"www.example.gov.cn\"。", year: 2021),
            // Pairs split by a line wrap: a PDF line, a table header cell, an OCR break inside a quotation.
            RuleExample("如有疑问，请与某镇党政办联系（地址：\n某县某镇某路1号）。", year: 2021),
            RuleExample("法人或其他组织\n（本列数据的勾稽关系为：第一项加第二项之和，\n商业企业\n| 等于第三项加第四项之和） | 自然人 | 总计 |", year: 2021),
            RuleExample("努力让政务信息“看\n\n得懂、用得上”。", year: 2021),
        ],
        corrections: [
            RuleCorrection("我镇2019年度无相关依申请公开数量信息情况.", "我镇2019年度无相关依申请公开数量信息情况。", year: 2019),
            RuleCorrection("一是,加强组织领导;二是,完善制度。", "一是，加强组织领导；二是，完善制度。", year: 2021),
            RuleCorrection("全年共召开会议3次，，组织培训2次。", "全年共召开会议3次，组织培训2次。", year: 2021),
            RuleCorrection("深化\"放管服\"改革，优化营商环境。", "深化“放管服”改革，优化营商环境。", year: 2021),
        ])

    /// The full-width form of a half-width mark (switches, not a dictionary and a set: asked of every scalar).
    static func fullWidth(_ u: Unicode.Scalar) -> String? {
        switch u {
        case ",": "，"
        case ";": "；"
        case ":": "："
        case "?": "？"
        case "!": "！"
        case ".": "。"
        case "(": "（"
        case ")": "）"
        default: nil
        }
    }
    /// Full-width marks only (no Han character is one: checked first).
    static func isDoubled(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "，", "。", "、", "；", "：", "！", "？": true
        default: false
        }
    }

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for p in report.paragraphs {
            let s = p.scalars
            // The brackets' levels and the straight quotes, seen in this one pass: a pair that never closes more
            // than it opened and ends level has nothing to report, so the fuller look (`unbalanced`, with the lines
            // around) is taken only for the others, and `straightQuotes` only where there is one.
            var depth = SIMD4<Int32>(), dipped = SIMD4<Int32>(), straightQuote = false
            for i in s.indices {
                let u = s[i]
                if u.value < 0x80 {
                    if u == "\"" { straightQuote = true }
                    if let full = Self.fullWidth(u), isInChineseText(s, i) {
                        findings.append(Finding(span: p.span(i, i + 1), message: Localized(
                            zh: "中文中使用了半角标点“\(u)”，应为全角“\(full)”", en: "half-width '\(u)' in Chinese text; use full-width '\(full)'"),
                            fix: Fix(description: Localized(zh: "改为“\(full)”", en: "replace with '\(full)'"), replacement: full)))
                    }
                    continue
                }
                // Every bracket and doubled mark is a full-width mark, none a Han character.
                if u.isHan { continue }
                if let (k, step) = Self.bracket(u) {
                    depth[k] += step
                    if depth[k] < 0 { dipped[k] = 1 }
                }
                if i > 0, u.value >= 0x3000, Self.isDoubled(u), Self.isDoubled(s[i - 1]), i < 2 || !Self.isDoubled(s[i - 2]) {
                    let pair = String(s[i - 1]) + String(u)
                    findings.append(Finding(span: p.span(i - 1, i + 1), message: Localized(
                        zh: "标点重复“\(pair)”", en: "doubled punctuation '\(pair)'"),
                        fix: Fix(description: Localized(zh: "保留一个", en: "keep one"), replacement: String(s[i - 1]))))
                }
            }
            // Appended only when there is something: appending an empty array costs as much as a finding.
            for (k, (open, close)) in Self.pairs.enumerated() where depth[k] != 0 || dipped[k] != 0 {
                if let unmatched = unbalanced(p, report, open: open, close: close) { findings.append(unmatched) }
            }
            if straightQuote {
                let quoted = straightQuotes(p)
                if !quoted.isEmpty { findings += quoted }
            }
        }
        return findings
    }

    /// The pair (its index in `pairs`) a bracket opens (+1) or closes (-1).
    static func bracket(_ u: Unicode.Scalar) -> (pair: Int, step: Int32)? {
        switch u {
        case "《": (0, 1)
        case "》": (0, -1)
        case "（": (1, 1)
        case "）": (1, -1)
        case "“": (2, 1)
        case "”": (2, -1)
        default: nil
        }
    }

    /// ASCII straight double quotes around Chinese text (\"放管服\"): Chinese text is quoted with “”.
    private func straightQuotes(_ p: Paragraph) -> [Finding] {
        let quotes = p.scalars.indices.filter { p.scalars[$0] == "\"" }
        var findings: [Finding] = []
        for pair in stride(from: 0, to: quotes.count - 1, by: 2) {
            let a = quotes[pair], b = quotes[pair + 1]
            let inner = p.scalars[(a + 1)..<b]
            guard inner.contains(where: \.isHan) else { continue }
            let span = p.span(a, b + 1)
            let whole = span.end - span.start == b + 1 - a
            findings.append(Finding(span: span, message: Localized(
                zh: "中文中使用了半角双引号，应为“”", en: "straight ASCII double quotes around Chinese text; use “”"),
                fix: whole ? Fix(description: Localized(zh: "改为“”", en: "use “”"), replacement: "“" + inner.string + "”") : nil))
        }
        return findings
    }

    /// A half-width mark touching Chinese: after a Han character, or before one (not in numbers, times, URLs).
    private func isInChineseText(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        let prev = i > 0 ? s[i - 1] : nil
        let next = i + 1 < s.count ? s[i + 1] : nil
        let prevHan = prev.map { $0.isHan || $0.isCJKPunctuation } ?? false
        let nextHan = next.map { $0.isHan } ?? false
        switch s[i] {
        case ".":
            // Only a sentence-ending stop: after Chinese, at the end or before Chinese or a blank.
            return prevHan && (next == nil || nextHan || next!.isBlank)
        case "(":
            return nextHan && !(prev?.isASCIILetter ?? false)
        case ")":
            return prevHan
        default:
            if let prev, let next, prev.isDigitLike && next.isDigitLike { return false }
            return prevHan || nextHan
        }
    }

    /// The first unmatched opening or closing mark of a pair in a paragraph. A pair that a line wrap split between
    /// this paragraph and the lines next to it — a PDF line or a table cell that wrapped (“（地址：…” closing on the
    /// next line, “（本列数据…，” closing in a header cell below), an OCR break inside a quotation — is balanced.
    private func unbalanced(_ p: Paragraph, _ report: Report, open: Unicode.Scalar, close: Unicode.Scalar) -> Finding? {
        var stack: [Int] = []
        var openedBefore = false
        for (i, u) in p.scalars.enumerated() {
            if u == open { stack.append(i) } else if u == close {
                if stack.isEmpty {
                    if !openedBefore, opensEarlier(report, before: p.pieces[0].line, open: open, close: close) {
                        openedBefore = true
                        continue
                    }
                    return finding(p, i, Localized(zh: "“\(close)”没有对应的“\(open)”", en: "'\(close)' without a matching '\(open)'"))
                }
                stack.removeLast()
            }
        }
        guard let first = stack.first else { return nil }
        let ends = p.scalars.last { !$0.isBlank }
        if let ends, !ends.endsSentence, let last = p.pieces.last,
           closesLater(report, after: last.line, depth: stack.count, open: open, close: close) { return nil }
        return finding(p, first, Localized(zh: "“\(open)”没有对应的“\(close)”", en: "'\(open)' without a matching '\(close)'"))
    }

    /// The pairs whose marks must match, in the order their findings are listed.
    static let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [("《", "》"), ("（", "）"), ("“", "”")]

    /// How many lines a wrapped pair may span.
    static let wrapLines = 8

    /// Whether line `l` may hold the rest of a wrapped pair: any line of plain text or PDF text (wrapped by width);
    /// in Word and HTML, where a line is a paragraph, only a table row (a cell's text that wrapped).
    private func mayContinue(_ report: Report, _ l: Int) -> Bool {
        let format = report.document.format
        return (format != .docx && format != .html) || report.document.lines[l].kind == .tableRow
    }

    /// Whether `depth` open marks close within the next lines.
    private func closesLater(_ report: Report, after line: Int, depth: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> Bool {
        var depth = depth
        for l in (line + 1)..<min(line + 1 + Self.wrapLines, report.lines.count) where mayContinue(report, l) {
            for u in report.lines[l] {
                if u == open { depth += 1 } else if u == close { depth -= 1; if depth == 0 { return true } }
            }
        }
        return false
    }

    /// Whether an open mark left unclosed stands in the lines before, the text before not ending a sentence.
    private func opensEarlier(_ report: Report, before line: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> Bool {
        var depth = 1
        var first = true
        for l in stride(from: line - 1, through: max(0, line - Self.wrapLines), by: -1) where mayContinue(report, l) {
            let text = report.lines[l]
            if first, let last = text.last(where: { !$0.isBlank }) {
                if last.endsSentence { return false }
                first = false
            }
            for u in text.reversed() {
                if u == close { depth += 1 } else if u == open { depth -= 1; if depth == 0 { return true } }
            }
        }
        return false
    }

    private func finding(_ p: Paragraph, _ i: Int, _ message: Localized) -> Finding {
        Finding(span: p.span(i, i + 1), message: message)
    }
}
