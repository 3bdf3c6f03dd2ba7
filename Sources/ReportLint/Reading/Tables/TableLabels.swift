/// Recognises a statutory table's row labels, column headers and captions — by their words, never by
/// their position — in the forms drafts really have: with or without numbering, group label and row label in
/// one cell (“（三）不予公开 1.属于国家秘密”), half-width brackets, Markdown marks, spaces from PDF text.
struct TableLabels {
    let definition: StatutoryTableDefinition
    // Matching runs on every label of every table region, so the phrases are indexed by their first scalar.
    private let rowPhrases: PhraseIndex
    private let columnPhrases: PhraseIndex
    private let keywordPhrases: PhraseIndex
    private let captionPhrases: PhraseIndex
    /// Labels short enough to need an exact match (“其他”), to the rows or columns they name.
    private let rowExact: [String: [Int]]
    private let columnExact: [String: [Int]]

    init(_ definition: StatutoryTableDefinition) {
        self.definition = definition
        rowPhrases = PhraseIndex(definition.rows.map { $0.match ?? [] })
        columnPhrases = PhraseIndex(definition.columns.map { $0.match ?? [] })
        keywordPhrases = PhraseIndex(definition.keywords.map { [$0] })
        captionPhrases = PhraseIndex((definition.blockCaptions ?? []).map { $0.match.map(Self.compact) })
        rowExact = Self.exactIndex(definition.rows)
        columnExact = Self.exactIndex(definition.columns)
    }

    private static func exactIndex(_ labels: [LabelDefinition]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (i, l) in labels.enumerated() { for e in l.exact ?? [] { index[e, default: []].append(i) } }
        return index
    }

    enum RowMatch: Equatable {
        case row(String)
        case group(String)
        case none
        case ambiguous
    }

    /// The row a label names. `context` is the group the previous rows stood in (for “3.其他” under （六）).
    func row(_ label: String, context: String?) -> RowMatch {
        let c = Self.compact(label).scalars
        guard !c.isEmpty else { return .none }
        let found = rowPhrases.occurrences(in: c)
        // A group label inside the label sets the context; what follows it is the row's own label.
        var context = context
        var tailStart = 0
        for o in found where definition.rows[o.owner].isGroup && o.end >= tailStart {
            context = definition.rows[o.owner].key
            tailStart = o.end
        }
        let ownLabel = Self.stripNumbering(Array(c[tailStart...]).string)
        var matched = Set(found.map(\.owner))
        for i in rowExact[ownLabel] ?? [] where definition.rows[i].within == nil || definition.rows[i].within == context {
            matched.insert(i)
        }
        let leaves = matched.filter { !definition.rows[$0].isGroup }, groups = matched.filter { definition.rows[$0].isGroup }
        if leaves.count == 1 { return .row(definition.rows[leaves.first!].key) }
        if leaves.count > 1 { return .ambiguous }
        if groups.count == 1 { return .group(definition.rows[groups.first!].key) }
        return groups.isEmpty ? .none : .ambiguous
    }

    /// The column a header cell names (a leaf column, not a group such as 法人或其他组织).
    func column(_ cell: String) -> String? {
        let c = Self.compact(cell).scalars
        guard !c.isEmpty else { return nil }
        let own = Self.stripNumbering(c.string)
        var matched = Set(columnPhrases.occurrences(in: c).map { definition.columns[$0.owner].key })
        for i in columnExact[own] ?? [] { matched.insert(definition.columns[i].key) }
        return matched.count == 1 ? matched.first : nil
    }

    /// The 表二 block (第二十条第（一）项 …) a caption starts.
    func block(_ label: String) -> (key: String, layouts: [Era]?)? {
        let found = Set(captionPhrases.occurrences(in: Self.compact(label).scalars).map(\.owner))
        guard found.count == 1, let b = definition.blockCaptions?[found.first!] else { return nil }
        return (b.block, b.layouts)
    }

    /// Whether `text` (headers and captions run together) names every one of `labels`. Longer labels are
    /// taken out first and the table's keywords before them, so that “其他” is not found in “法人或其他组织”.
    func names(_ labels: [LabelDefinition], in text: String) -> Bool {
        var rest = text
        for k in definition.keywords.sorted(by: { $0.count > $1.count }) {
            rest = rest.replacingOccurrences(of: k, with: "□")
        }
        let phrases = labels.map { d in ((d.match ?? []) + (d.exact ?? [])).sorted { $0.count > $1.count } }
        let order = labels.indices.sorted { (phrases[$0].first?.count ?? 0) > (phrases[$1].first?.count ?? 0) }
        for i in order {
            guard let found = phrases[i].lazy.compactMap({ rest.range(of: $0) }).first else { return false }
            rest.replaceSubrange(found, with: "□")
        }
        return true
    }

    /// The distinct rows, columns, captions and keywords a line names (how sure we are which table it is in).
    func hits(_ label: String) -> Set<String> { hits(compact: Self.compact(label).scalars) }

    func hits(compact c: [Unicode.Scalar]) -> Set<String> {
        guard !c.isEmpty else { return [] }
        let own = c.string
        var result = Set<String>()
        for o in rowPhrases.occurrences(in: c) { result.insert("row:" + definition.rows[o.owner].key) }
        for o in columnPhrases.occurrences(in: c) { result.insert("column:" + definition.columns[o.owner].key) }
        for o in keywordPhrases.occurrences(in: c) { result.insert("keyword:" + definition.keywords[o.owner]) }
        for i in rowExact[own] ?? [] { result.insert("row:" + definition.rows[i].key) }
        for i in columnExact[own] ?? [] { result.insert("column:" + definition.columns[i].key) }
        let blocks = Set(captionPhrases.occurrences(in: c).map(\.owner))
        if blocks.count == 1, let b = definition.blockCaptions?[blocks.first!] { result.insert("block:" + b.block) }
        return result
    }

    /// The form labels are compared in: no white space or Markdown marks, full-width brackets and colons.
    static func compact(_ s: String) -> String {
        var view = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case " ", "\t", "\u{3000}", "\u{A0}", "\n", "\r", "#", "*", "|": continue
            case "(": view.append("（")
            case ")": view.append("）")
            case ":": view.append("：")
            default: view.append(u)
            }
        }
        return String(view)
    }

    /// The label without leading numbering: “（一）”, “一、”, “1.”, “（1）”, “3、”.
    static func stripNumbering(_ s: String) -> String {
        var u = Array(s.unicodeScalars)
        let separators: Set<Unicode.Scalar> = ["、", ".", "．", "，", ",", "）", ")"]
        while let first = u.first {
            if first == "（" || first == "(" , let close = u.prefix(5).firstIndex(where: { $0 == "）" || $0 == ")" }),
               u[1..<close].allSatisfy({ $0.isDigitLike || ChineseNumerals.isNumeral($0) }), close > 1 {
                u.removeFirst(close + 1)
                continue
            }
            var n = 0
            while n < u.count, n < 3, u[n].isDigitLike || ChineseNumerals.isNumeral(u[n]) { n += 1 }
            if n > 0, n < u.count, separators.contains(u[n]) {
                u.removeFirst(n + 1)
                continue
            }
            if separators.contains(first) || first == "、" { u.removeFirst(); continue }
            break
        }
        return u.string
    }
}

/// Phrases indexed by their first scalar: every occurrence in a label in one pass.
struct PhraseIndex {
    private var phrases: [[Unicode.Scalar]] = []
    private var owners: [Int] = []
    private var byFirst: [Unicode.Scalar: [Int]] = [:]

    /// `lists[i]` are the phrases of owner i.
    init(_ lists: [[String]]) {
        for (owner, list) in lists.enumerated() {
            for phrase in list {
                let p = phrase.scalars
                guard let first = p.first else { continue }
                byFirst[first, default: []].append(phrases.count)
                phrases.append(p)
                owners.append(owner)
            }
        }
    }

    /// Every occurrence of a phrase in `label`, in order: whose it is and where.
    func occurrences(in label: [Unicode.Scalar]) -> [(owner: Int, start: Int, end: Int)] {
        var result: [(owner: Int, start: Int, end: Int)] = []
        for i in label.indices {
            guard let candidates = byFirst[label[i]] else { continue }
            for k in candidates where label.has(phrases[k], at: i) { result.append((owners[k], i, i + phrases[k].count)) }
        }
        return result
    }
}
