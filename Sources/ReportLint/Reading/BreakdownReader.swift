/// A total and its parts stated in prose (“共主动公开政府信息841条。工作动态426条，占50.65%；…”,
/// “共收到申请16件，其中自然人申请14件，法人或其他组织申请2件”) — what the arithmetic rules check.
public struct Breakdown: Sendable {
    public enum Anchor: Sendable, Equatable {
        /// “其中…”, “包括…” after the total.
        case partMarker(String)
        /// A sentence of parts with shares right after a sentence that ends with the total.
        case sentenceAfterTotal
        /// A total marked 共/合计 followed by parts with shares in the same sentence.
        case totalWithShares
    }

    public struct Part: Sendable {
        public var label: String
        public var count: Figure
        public var share: Figure?
    }

    public var paragraph: Int
    public var anchor: Anchor
    public var total: Figure?
    public var parts: [Part]
    /// The list ends with 等: it names only some parts.
    public var openEnded: Bool

    /// Whether the wording says the parts make up the whole: 分别为, a complementary pair of applicant
    /// kinds, or a list of parts each with its share.
    public var claimsExhaustive: Bool {
        if case .partMarker(let m) = anchor, m.hasPrefix("分别") { return true }
        let labels = parts.map(\.label)
        if labels.contains(where: { $0.contains("自然人") }) && labels.contains(where: { $0.contains("法人") }) { return true }
        if anchor != .partMarker("其中") && anchor != .partMarker("包括") && parts.count >= 2 && parts.allSatisfy({ $0.share != nil }) {
            return true
        }
        return false
    }

    public var partsSum: Double { parts.reduce(0) { $0 + $1.count.value } }
}

enum BreakdownReader {
    static let channelWords = ["网站", "微信", "公众号", "新媒体", "公开栏", "渠道", "平台", "微博", "客户端", "政务号", "抖音", "报纸", "电视", "APP", "展板", "栏目", "热线"]

    static func read(_ report: Report, knowledge: Knowledge) -> [Breakdown] {
        var result: [Breakdown] = []
        // The figures by paragraph, by index (as a dictionary, sorted: hashed and copied again).
        let byParagraph = FiguresByParagraph(report)
        let comparison = knowledge.phrases.comparisonMarkers
        let totalMarkers = knowledge.phrases.totalMarkers
        let partMarkers = knowledge.phrases.partMarkers
        for index in report.paragraphs.indices {
            let figures = byParagraph[index]
            guard !figures.isEmpty else { continue }
            let allCounts = figures.filter { $0.kind == .count && !$0.chineseNumeral }
            // Fewer than two counts make no breakdown, whatever their depth (`counts` below is a part of them).
            guard allCounts.count >= 2 else { continue }
            let s = report.paragraphs[index].scalars
            let depth = parenDepth(s)
            let counts = allCounts.filter { depth[$0.start] == 0 }
            // “占比1.3%” is a share; the 比 in it is no comparison (“比上年增长25%”).
            let shares = figures.filter { $0.kind == .share && (isShareWord(before: $0, in: s) || !preceded($0, in: s, by: comparison, within: 6)) }
            guard counts.count >= 2 else { continue }
            let sentenceEnds = s.indices.filter { s[$0].endsSentence } + [s.count]
            func sentenceEnd(after i: Int) -> Int { sentenceEnds.first { $0 >= i } ?? s.count }
            var used = Set<Int>()  // part figure starts already in a breakdown

            func parts(from: Int, to: Int, unit: String?, level: Int = 0) -> [Breakdown.Part] {
                var list: [Breakdown.Part] = []
                // Inside parentheses a list ends with them.
                let to = level == 0 ? to : ((from..<to).first { depth[$0] < level } ?? to)
                let candidates = allCounts.filter { $0.start >= from && $0.end <= to && depth[$0.start] == level && !used.contains($0.start) }
                var nested = false
                var previousEnd = from
                for (k, c) in candidates.enumerated() {
                    defer { previousEnd = c.end }
                    if let unit, c.unit != unit { break }
                    if preceded(c, in: s, by: comparison, within: 4) { break }
                    // A new total (“；共办理718件”) ends the list.
                    if !list.isEmpty, preceded(c, in: s, by: totalMarkers, within: 12) { break }
                    let name = label(s, before: c.start, floor: from)
                    if let last = list.last {
                        let gap = s[last.count.end..<c.start]
                        // “…；行政诉讼46件，其中…”: the next clause's total with its own parts.
                        if gap.contains(where: { $0 == "；" || $0 == ";" }), followedByPartMarker(c, in: s, markers: partMarkers) { break }
                        // “受理11件，其中网络申请11件，办结8件”: another count of the same matter, not a part of it.
                        if startsWithVerb(name), !list[0].label.unicodeScalars.starts(with: name.unicodeScalars.prefix(2)) { break }
                        // “机构类信息20条，内有领导成员10条、…”: parts of a part, up to the next clause.
                        if nestedMarkers.contains(where: { name.hasPlainPrefix($0) }) { nested = true; continue }
                        if nested, s[previousEnd..<c.start].allSatisfy({ $0 != "，" && $0 != "," && $0 != "；" && $0 != ";" }) { continue }
                        nested = false
                    }
                    let nextStart = k + 1 < candidates.count ? candidates[k + 1].start : to
                    let share = shares.first { $0.start >= c.end && $0.end <= nextStart }
                    list.append(.init(label: name, count: c, share: share))
                }
                return list
            }

            // (a) 其中 / 分别为 / 包括 after the nearest total.
            for (marker, markerScalars) in zip(knowledge.pack.partMarkers, partMarkers) {
                var from = 0
                while let m = s.firstIndex(of: markerScalars, from: from) {
                    from = m + 1
                    let sentenceStartOfMarker = (sentenceEnds.last { $0 < m } ?? -1)
                    let previousSentenceStart = sentenceEnds.last { $0 < sentenceStartOfMarker } ?? -1
                    guard let total = counts.last(where: { $0.end <= m && $0.start > previousSentenceStart }) else { continue }
                    let list = parts(from: m + marker.unicodeScalars.count, to: sentenceEnd(after: m), unit: total.unit,
                                     level: depth[m])
                    guard !list.isEmpty else { continue }
                    list.forEach { used.insert($0.count.start) }
                    result.append(Breakdown(paragraph: index, anchor: .partMarker(marker), total: total, parts: list,
                                            openEnded: openEnded(s, after: list.last!.count.end)))
                }
            }
            // (b) a total ending its sentence, then a sentence of parts with shares;
            // (c) a total marked 共/合计 followed by parts with shares in its own sentence.
            for total in counts where !used.contains(total.start) {
                let end = sentenceEnd(after: total.end)
                let endsSentence = (total.end..<end).allSatisfy { s[$0].isBlank } && end < s.count
                let from = endsSentence ? end + 1 : total.end
                let to = endsSentence ? sentenceEnd(after: end + 1) : end
                if !endsSentence && !preceded(total, in: s, by: totalMarkers, within: 16) { continue }
                let list = parts(from: from, to: to, unit: total.unit)
                guard list.count >= 2, list.allSatisfy({ $0.share != nil }) else { continue }
                list.forEach { used.insert($0.count.start) }
                result.append(Breakdown(paragraph: index, anchor: endsSentence ? .sentenceAfterTotal : .totalWithShares,
                                        total: total, parts: list, openEnded: openEnded(s, after: list.last!.count.end)))
            }
        }
        return result
    }

    /// “占比1.3%”, “占比为1.3%”, “占比达1.3%”: the share's own word right before it.
    static func isShareWord(before f: Figure, in s: [Unicode.Scalar]) -> Bool {
        var j = f.start
        if j > 0, s[j - 1] == "为" || s[j - 1] == "是" || s[j - 1] == "达" || s[j - 1] == "约" { j -= 1 }
        return j >= 2 && s[j - 2] == "占" && s[j - 1] == "比"
    }

    /// Words that open the parts of a part (“机构类信息20条，内有领导成员10条”).
    static let nestedMarkers = ["内有", "内含", "含", "包含", "其中"]
    /// Verbs that open another count of the same matter (“办结8件”, “结转1件”) rather than a part of it.
    static let verbs = ["受理", "办理", "办结", "答复", "处理", "结转", "收到", "新收", "接收", "转办", "退回"]

    static func startsWithVerb(_ label: String) -> Bool { verbs.contains { label.hasPlainPrefix($0) } }

    /// Whether a part marker (其中, 分别为, 包括) follows the figure in its clause, after at most a comma.
    static func followedByPartMarker(_ f: Figure, in s: [Unicode.Scalar], markers: [[Unicode.Scalar]]) -> Bool {
        var j = f.end
        while j < s.count, j - f.end < 3, s[j].isBlank || s[j] == "，" || s[j] == "," || s[j] == "：" { j += 1 }
        return markers.contains { s.has($0, at: j) }
    }

    /// Parenthesis depth at each offset (figures inside （…） are asides, not parts).
    static func parenDepth(_ s: [Unicode.Scalar]) -> [Int] {
        var depth = 0
        var result = filledArray(0, count: s.count + 1)
        for (i, u) in s.enumerated() {
            if u == "（" || u == "(" { depth += 1 }
            result[i] = depth
            if (u == "）" || u == ")") && depth > 0 { depth -= 1 }
        }
        result[s.count] = depth
        return result
    }

    /// Whether one of `markers` stands within `within` scalars before the figure, in the same clause.
    static func preceded(_ f: Figure, in s: [Unicode.Scalar], by markers: [[Unicode.Scalar]], within: Int) -> Bool {
        var from = f.start
        while from > 0, f.start - from < within, !s[from - 1].separatesClause { from -= 1 }
        return markers.contains { s.firstIndex(of: $0, from: from, to: f.start) != nil }
    }

    /// The words naming a part: back to the previous separator.
    static func label(_ s: [Unicode.Scalar], before i: Int, floor: Int) -> String {
        var j = i
        while j > floor, !(s[j - 1].separatesClause || s[j - 1] == "、" || s[j - 1] == "）" || s[j - 1] == ")") { j -= 1 }
        return s[j..<i].string.trimmedBlanks
    }

    static func openEnded(_ s: [Unicode.Scalar], after i: Int) -> Bool {
        var j = i
        while j < s.count, j - i < 3, s[j] != "等" { j += 1 }
        return j < s.count && s[j] == "等"
    }
}
