/// Recognises a statutory table's row labels, column headers and captions — by their words, never by
/// their position — in the forms drafts really have: with or without numbering, group label and row label in
/// one cell (“（三）不予公开 1.属于国家秘密”), half-width brackets, Markdown marks, spaces from PDF text.
struct TableLabels {
    let definition: StatutoryTableDefinition
    private let groups: [LabelDefinition]

    init(_ definition: StatutoryTableDefinition) {
        self.definition = definition
        self.groups = definition.rows.filter(\.isGroup)
    }

    enum RowMatch: Equatable {
        case row(String)
        case group(String)
        case none
        case ambiguous
    }

    /// The row a label names. `context` is the group the previous rows stood in (for “3.其他” under （六）).
    func row(_ label: String, context: String?) -> RowMatch {
        let c = Self.compact(label)
        guard !c.isEmpty else { return .none }
        // A group label inside the label sets the context; what follows it is the row's own label.
        var context = context
        var tail = Substring(c)
        for g in groups {
            for p in g.match ?? [] {
                if let r = c.range(of: p, options: .backwards), r.upperBound >= tail.startIndex {
                    context = g.key
                    tail = c[r.upperBound...]
                }
            }
        }
        let ownLabel = Self.stripNumbering(String(tail))
        var leaves: [String] = [], groupKeys: [String] = []
        for r in definition.rows {
            let contains = (r.match ?? []).contains { c.contains($0) }
            let exact = (r.exact ?? []).contains(ownLabel) && (r.within == nil || r.within == context)
            guard contains || exact else { continue }
            if r.isGroup { groupKeys.append(r.key) } else { leaves.append(r.key) }
        }
        if leaves.count == 1 { return .row(leaves[0]) }
        if leaves.count > 1 { return .ambiguous }
        if groupKeys.count == 1 { return .group(groupKeys[0]) }
        return groupKeys.isEmpty ? .none : .ambiguous
    }

    /// The column a header cell names (a leaf column, not a group such as 法人或其他组织).
    func column(_ cell: String) -> String? {
        let c = Self.compact(cell)
        guard !c.isEmpty else { return nil }
        let own = Self.stripNumbering(c)
        let keys = definition.columns.filter { d in
            (d.match ?? []).contains { c.contains($0) } || (d.exact ?? []).contains(own)
        }.map(\.key)
        return Set(keys).count == 1 ? keys[0] : nil
    }

    /// The 表二 block (第二十条第（一）项 …) a caption starts.
    func block(_ label: String) -> (key: String, layouts: [Era]?)? {
        let c = Self.compact(label)
        let found = (definition.blockCaptions ?? []).filter { b in b.match.contains { c.contains(Self.compact($0)) } }
        return found.count == 1 ? (found[0].block, found[0].layouts) : nil
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
    func hits(_ label: String) -> Set<String> {
        let c = Self.compact(label)
        guard !c.isEmpty else { return [] }
        var result = Set<String>()
        for r in definition.rows where (r.match ?? []).contains(where: { c.contains($0) }) || (r.exact ?? []).contains(c) {
            result.insert("row:" + r.key)
        }
        for d in definition.columns where (d.match ?? []).contains(where: { c.contains($0) }) { result.insert("column:" + d.key) }
        for k in definition.keywords where c.contains(k) { result.insert("keyword:" + k) }
        if let b = block(label) { result.insert("block:" + b.key) }
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
