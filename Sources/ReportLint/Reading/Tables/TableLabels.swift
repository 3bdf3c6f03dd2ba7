/// Recognises a statutory table's row labels, column headers and captions — by their words, never by
/// their position — in the forms drafts really have: with or without numbering, group label and row label in
/// one cell (“（三）不予公开 1.属于国家秘密”), half-width brackets, Markdown marks, spaces from PDF text.
///
/// Built once per rule pack (`Knowledge.tableLabels`), not per report: it runs on every label of every table
/// region, so everything it can work out from the definition alone — the phrase index, the numbering of the
/// things a label can name, which row or column a key is — is worked out here. A class: it is handed around
/// for every table read and checked, and a table's grid of cells refers to the one it was read with.
final class TableLabels: Sendable {
    let definition: StatutoryTableDefinition
    let phrases: PhraseIndex
    let rowExact: ExactLabels
    let columnExact: ExactLabels
    /// The distinct things a label can name (“row:new”, “keyword:勾稽关系”, “block:art20_1”), numbered: what a
    /// row phrase, column phrase, keyword or caption of each owner names.
    let hitCount: Int
    let rowHit: [Int], columnHit: [Int], keywordHit: [Int], blockHit: [Int]
    /// The hits naming a row that is not a group label (a trace of the table).
    let leafRowHits: HitSet
    /// The first row or column of each key: the one `definition.row(key)` / `column(key)` finds.
    private let rowByKey: [String: Int], columnByKey: [String: Int]
    /// Rows and columns by that first index (“canonical”), which the builder keys cells by: per row or column,
    /// its canonical index, its key, and what the builder asks of it for every cell.
    let rowCanon: [Int], columnCanon: [Int]
    let rowKeys: [String], columnKeys: [String]
    let rowIsGroup: [Bool]
    private let rowWithin: [String?]
    /// The group context a row leaves for the rows after it (“denied” after “denied.stateSecret”).
    let contextAfter: [String?]
    let rowBlock: [String?]
    /// The layout a row or column belongs to when it belongs to one only.
    let rowLayout: [Era?], columnLayout: [Era?]
    let columnUnit: [String?]
    /// Per 表二 block (and for no block), which canonical columns a row of it may have, and its columns in
    /// each layout's order (`BlockColumns`).
    private let candidates: [String: [Bool]], candidatesWithoutBlock: [Bool]
    private let blocks: [String: BlockColumns], withoutBlock: BlockColumns
    /// Per layout (`Era.allCases`): the rows a table of it must have — group labels only in the layouts they
    /// name — and its columns (table-missing).
    let requiredRows: [[Int]], layoutColumns: [[Int]]
    /// Per column and row: whether the column is one of the row's block (`LabelDefinition.inBlock`).
    let columnFitsRow: [[Bool]]
    /// The keywords as `names` takes them out, longest first; whether they are all inert.
    private let keywordsLongestFirst: [[Unicode.Scalar]]
    private let keywordsArePlain: Bool
    /// Per row and per column, what `names` searches for it.
    private let rowNames: [NamePhrases], columnNames: [NamePhrases]

    static let rowKind: UInt8 = 0, columnKind: UInt8 = 1, keywordKind: UInt8 = 2, captionKind: UInt8 = 3

    init(_ definition: StatutoryTableDefinition) {
        self.definition = definition
        var phrases = PhraseIndex()
        phrases.add(definition.rows.map { $0.match ?? [] }, kind: Self.rowKind)
        phrases.add(definition.columns.map { $0.match ?? [] }, kind: Self.columnKind)
        phrases.add(definition.keywords.map { [$0] }, kind: Self.keywordKind)
        phrases.add((definition.blockCaptions ?? []).map { $0.match.map { LabelText.compact($0).string } }, kind: Self.captionKind)
        self.phrases = phrases
        rowExact = ExactLabels(definition.rows)
        columnExact = ExactLabels(definition.columns)

        var ids: [String: Int] = [:]
        var names: [String] = []
        func id(_ name: String) -> Int {
            if let i = ids[name] { return i }
            ids[name] = names.count
            names.append(name)
            return names.count - 1
        }
        rowHit = definition.rows.map { id("row:" + $0.key) }
        columnHit = definition.columns.map { id("column:" + $0.key) }
        keywordHit = definition.keywords.map { id("keyword:" + $0) }
        blockHit = (definition.blockCaptions ?? []).map { id("block:" + $0.block) }
        hitCount = names.count
        var leaves = HitSet(capacity: names.count)
        for (i, name) in names.enumerated()
        where name.hasPrefix("row:") && definition.row(String(name.dropFirst(4)))?.isGroup == false {
            leaves.insert(i)
        }
        leafRowHits = leaves
        var rowByKey: [String: Int] = [:], columnByKey: [String: Int] = [:]
        for (i, r) in definition.rows.enumerated() where rowByKey[r.key] == nil { rowByKey[r.key] = i }
        for (i, c) in definition.columns.enumerated() where columnByKey[c.key] == nil { columnByKey[c.key] = i }
        self.rowByKey = rowByKey
        self.columnByKey = columnByKey
        let rows = definition.rows, columns = definition.columns
        rowCanon = rows.map { rowByKey[$0.key]! }
        columnCanon = columns.map { columnByKey[$0.key]! }
        rowKeys = rows.map(\.key)
        columnKeys = columns.map(\.key)
        rowIsGroup = rows.map(\.isGroup)
        rowWithin = rows.map(\.within)
        contextAfter = rows.map { r in r.key.contains(".") ? String(r.key.prefix { $0 != "." }) : (r.isGroup ? r.key : nil) }
        rowBlock = rows.map(\.block)
        rowLayout = rows.map { $0.layouts?.count == 1 ? $0.layouts![0] : nil }
        columnLayout = columns.map { $0.layouts?.count == 1 ? $0.layouts![0] : nil }
        columnUnit = columns.map(\.unit)
        func allowed(_ block: String?) -> [Bool] {
            let keys = Set(definition.columns(block: block, layout: nil).map(\.key))
            return columns.map { keys.contains($0.key) }
        }
        var candidates: [String: [Bool]] = [:]
        for b in rows.compactMap(\.block) + (definition.blockCaptions ?? []).map(\.block) where candidates[b] == nil {
            candidates[b] = allowed(b)
        }
        self.candidates = candidates
        candidatesWithoutBlock = allowed(nil)
        blocks = Dictionary(uniqueKeysWithValues: candidates.map { block, allowed in
            (block, Self.blockColumns(block, candidates: allowed, definition, columnByKey))
        })
        withoutBlock = Self.blockColumns(nil, candidates: candidatesWithoutBlock, definition, columnByKey)
        requiredRows = Era.allCases.map { era in rows.indices.filter { rows[$0].belongs(to: era) && (!rows[$0].isGroup || rows[$0].layouts != nil) } }
        layoutColumns = Era.allCases.map { era in columns.indices.filter { columns[$0].belongs(to: era) } }
        columnFitsRow = columns.map { column in rows.map { column.inBlock($0.block) } }
        let keywords = definition.keywords.sorted(by: { $0.count > $1.count })
        keywordsLongestFirst = keywords.map(\.scalars)
        keywordsArePlain = keywords.allSatisfy { $0.unicodeScalars.allSatisfy { LabelText.isInert($0) && $0 != "\r" } }
        rowNames = rows.map(NamePhrases.init)
        columnNames = columns.map(NamePhrases.init)
    }

    /// Which canonical columns a row of `block` may have (`definition.columns(block:layout: nil)`).
    func candidateColumns(block: String?) -> [Bool] {
        guard let block else { return candidatesWithoutBlock }
        if let c = candidates[block] { return c }
        let keys = Set(definition.columns(block: block, layout: nil).map(\.key))
        return definition.columns.map { keys.contains($0.key) }
    }

    /// What the builder asks of the definition about a block, for every row with figures: which canonical
    /// columns a row of it may have, and its columns in the official order of each layout (2021, then 2019) —
    /// as indices into `definition.columns` (`definition.columns(block:layout:)`) and as canonical columns.
    struct BlockColumns: Sendable {
        var block: String?
        var candidates: [Bool]
        var ordered: [(layout: Era, columns: [Int], canonical: [Int])]
    }

    /// The `BlockColumns` of a block (of no block: nil), worked out with the labels for the blocks the
    /// definition names.
    func blockColumns(_ block: String?) -> BlockColumns {
        guard let block else { return withoutBlock }
        return blocks[block] ?? Self.blockColumns(block, candidates: candidateColumns(block: block), definition, columnByKey)
    }

    private static func blockColumns(_ block: String?, candidates: [Bool], _ definition: StatutoryTableDefinition,
                                     _ columnByKey: [String: Int]) -> BlockColumns {
        let columns = definition.columns
        return BlockColumns(block: block, candidates: candidates, ordered: [Era.y2021, .y2019].map { layout in
            let indices = columns.indices.filter { columns[$0].inBlock(block) && columns[$0].belongs(to: layout) }
            return (layout, indices, indices.map { columnByKey[columns[$0].key]! })
        })
    }

    /// The canonical index of a column key.
    func columnIndex(key: String) -> Int? { columnByKey[key] }
    /// The canonical index of a row key.
    func rowIndex(key: String) -> Int? { rowByKey[key] }

    /// A row or group label by its canonical row index.
    enum RowMatch: Equatable {
        case row(Int)
        case group(Int)
        case none
        case ambiguous
    }

    /// The leaf row whose label starts with the same top-level number (“一、”, “（七）”) and the same next
    /// character as `c` — one row only — for a label cut short (“一、本”); nil otherwise.
    func row(numbered c: [Unicode.Scalar]) -> Int? {
        let end = LabelText.numberingEnd(c)
        guard end > 0, end < c.count, c[..<end].contains(where: { ChineseNumerals.isNumeral($0) }) else { return nil }
        let prefix = c[...end]
        let found = definition.rows.indices.filter { i in
            !rowIsGroup[i] && definition.rows[i].label.unicodeScalars.starts(with: prefix)
        }
        return found.count == 1 ? rowCanon[found[0]] : nil
    }

    /// The row a label (in compact form) names. `context` is the group the previous rows stood in (for
    /// “3.其他” under （六）).
    func row(compact c: [Unicode.Scalar], context: String?) -> RowMatch {
        guard !c.isEmpty else { return .none }
        var found = RowPhrases(context: context)
        phrases.forEachOccurrence(in: c) { p in
            if p.kind == Self.rowKind { found.add(p.owner, end: p.end, self) }
        }
        return row(compact: c, found)
    }

    /// `row(compact:context:)` of a label whose row phrases the namer found already (`TableNamer.addHits`):
    /// those of table `table` of the namer, in the order found, as this table's own search finds them.
    func row(compact c: [Unicode.Scalar], context: String?, found: ArraySlice<TableNamer.PhraseFound>, table: Int) -> RowMatch {
        guard !c.isEmpty else { return .none }
        var phrases = RowPhrases(context: context)
        for p in found where p.table == table && p.kind == Self.rowKind { phrases.add(p.owner, end: p.end, self) }
        return row(compact: c, phrases)
    }

    /// The row phrases of a label, as found: the rows they name, and the group a group label inside the label
    /// sets as context (what follows it is the row's own label).
    private struct RowPhrases {
        var context: String?
        var tailStart = 0
        var matched = OwnerSet()

        init(context: String?) { self.context = context }

        mutating func add(_ row: Int, end: Int, _ labels: TableLabels) {
            if labels.rowIsGroup[row] && end >= tailStart {
                context = labels.rowKeys[row]
                tailStart = end
            }
            matched.insert(row)
        }
    }

    private func row(compact c: [Unicode.Scalar], _ found: RowPhrases) -> RowMatch {
        let context = found.context, tailStart = found.tailStart
        var matched = found.matched
        if !rowExact.isEmpty {
            let own = LabelText.numberingEnd(c, from: tailStart)..<c.count
            for i in rowExact.owners(c, own) where rowWithin[i] == nil || rowWithin[i] == context { matched.insert(i) }
        }
        var leaf: Int?, leaves = 0, group: Int?, groups = 0
        matched.forEach { i in
            if rowIsGroup[i] { group = i; groups += 1 } else { leaf = i; leaves += 1 }
        }
        if leaves == 1 { return .row(rowCanon[leaf!]) }
        if leaves > 1 { return .ambiguous }
        if groups == 1 { return .group(rowCanon[group!]) }
        return groups == 0 ? .none : .ambiguous
    }

    /// The column a header cell names (a leaf column, not a group such as 法人或其他组织), by canonical index.
    func column(compact c: [Unicode.Scalar]) -> Int? {
        guard !c.isEmpty else { return nil }
        var found: Int?, distinct = false
        phrases.forEachOccurrence(in: c) { p in
            guard p.kind == Self.columnKind, !distinct else { return }
            if let f = found, columnCanon[f] != columnCanon[p.owner] { distinct = true } else { found = p.owner }
        }
        if !distinct, !columnExact.isEmpty {
            for i in columnExact.owners(c, LabelText.numberingEnd(c)..<c.count) {
                if let f = found, columnCanon[f] != columnCanon[i] { distinct = true; break }
                found = i
            }
        }
        return distinct ? nil : found.map { columnCanon[$0] }
    }

    /// The 表二 block (第二十条第（一）项 …) a caption (in compact form) starts.
    func block(compact c: [Unicode.Scalar]) -> (key: String, layouts: [Era]?)? {
        guard let captions = definition.blockCaptions, !captions.isEmpty else { return nil }
        var found = OneCaption()
        phrases.forEachOccurrence(in: c) { p in
            if p.kind == Self.captionKind { found.add(p.owner) }
        }
        return found.block(captions)
    }

    /// `block(compact:)` of a label whose captions the namer found already (`TableNamer.addHits`): those of
    /// table `table` of the namer.
    func block(found: ArraySlice<TableNamer.PhraseFound>, table: Int) -> (key: String, layouts: [Era]?)? {
        guard let captions = definition.blockCaptions, !captions.isEmpty else { return nil }
        var one = OneCaption()
        for p in found where p.table == table && p.kind == Self.captionKind { one.add(p.owner) }
        return one.block(captions)
    }

    /// The caption a label names, where it names one only.
    private struct OneCaption {
        var found: Int?
        var several = false

        mutating func add(_ caption: Int) {
            if let f = found, f != caption { several = true } else { found = caption }
        }

        func block(_ captions: [StatutoryTableDefinition.BlockCaption]) -> (key: String, layouts: [Era]?)? {
            guard !several, let b = found.map({ captions[$0] }) else { return nil }
            return (b.block, b.layouts)
        }
    }

    /// The phrases `names` searches for one row or column: its match and exact labels, longest first, as
    /// Strings and scalars; whether all are plain; the first one's length. Worked out once per pack: making and
    /// sorting them for every row of every table asked cost more than the search.
    struct NamePhrases: Sendable {
        var strings: [String]
        var scalars: [[Unicode.Scalar]]
        var plain: Bool
        var longest: Int

        init(_ d: LabelDefinition) {
            strings = ((d.match ?? []) + (d.exact ?? [])).sorted { $0.count > $1.count }
            scalars = strings.map(\.scalars)
            plain = strings.allSatisfy { $0.unicodeScalars.allSatisfy { LabelText.isInert($0) && $0 != "\r" } }
            longest = strings.first?.count ?? 0
        }
    }

    /// Whether `text` (headers and captions run together, in compact form) names every one of the rows
    /// (indices into `definition.rows`).
    func names(rows: [Int], in text: [Unicode.Scalar]) -> Bool { names(rows.map { rowNames[$0] }, in: text) }

    /// Whether `text` names every one of the columns (indices into `definition.columns`).
    func names(columns: [Int], in text: [Unicode.Scalar]) -> Bool { names(columns.map { columnNames[$0] }, in: text) }

    /// Whether `text` names every one of `labels`.
    /// Longer labels are taken out first and the table's keywords before them, so that “其他” is not found in
    /// “法人或其他组织”. Where the text, the keywords and the labels are inert (`LabelText.isInert`, no line
    /// breaks), Foundation's search below finds what a plain scalar search finds, so that is used instead.
    private func names(_ labels: [NamePhrases], in text: [Unicode.Scalar]) -> Bool {
        let plain = { (u: Unicode.Scalar) in LabelText.isInert(u) && u != "\r" }
        guard keywordsArePlain, labels.allSatisfy(\.plain), text.allSatisfy(plain) else { return names(labels, in: text.string) }
        var rest = text
        for k in keywordsLongestFirst where !k.isEmpty {
            var out: [Unicode.Scalar] = [], i = 0
            while let at = rest.firstIndex(of: k, from: i) {
                out += rest[i..<at]
                out.append("□")
                i = at + k.count
            }
            rest = out + rest[i...]
        }
        let order = labels.indices.sorted { labels[$0].longest > labels[$1].longest }
        for i in order {
            guard let (at, length) = labels[i].scalars.lazy.compactMap({ p -> (Int, Int)? in
                rest.firstIndex(of: p).map { ($0, p.count) }
            }).first else { return false }
            rest.replaceSubrange(at..<(at + length), with: ["□"])
        }
        return true
    }

    private func names(_ labels: [NamePhrases], in text: String) -> Bool {
        var rest = text
        for k in definition.keywords.sorted(by: { $0.count > $1.count }) {
            rest = rest.replacingOccurrences(of: k, with: "□")
        }
        let order = labels.indices.sorted { labels[$0].longest > labels[$1].longest }
        for i in order {
            guard let found = labels[i].strings.lazy.compactMap({ rest.range(of: $0) }).first else { return false }
            rest.replaceSubrange(found, with: "□")
        }
        return true
    }

    /// The distinct rows, columns, captions and keywords a label (in compact form) names, added to `hits`
    /// (how sure we are which table it is in).
    func addHits(compact c: [Unicode.Scalar], to hits: inout HitSet) {
        guard !c.isEmpty else { return }
        var block: Int?, blocks = 0
        phrases.forEachOccurrence(in: c) { p in
            switch p.kind {
            case Self.rowKind: hits.insert(rowHit[p.owner])
            case Self.columnKind: hits.insert(columnHit[p.owner])
            case Self.keywordKind: hits.insert(keywordHit[p.owner])
            default:
                if block != p.owner { blocks += block == nil ? 1 : 2 }
                block = p.owner
            }
        }
        for i in rowExact.owners(c, 0..<c.count) { hits.insert(rowHit[i]) }
        for i in columnExact.owners(c, 0..<c.count) { hits.insert(columnHit[i]) }
        if blocks == 1, let b = block { hits.insert(blockHit[b]) }
    }

    func emptyHits() -> HitSet { HitSet(capacity: hitCount) }
}
