/// What the labels of a table region name, for every statutory table at once (`TableLabels.addHits`, table by
/// table, made three): one pass over each label with the phrases of all the tables, each phrase standing for
/// its hit's number in one set of bits in which each table has its own words.
struct TableNamer: Sendable {
    let labels: [TableLabels]
    /// Row, column and keyword phrases own their hit's number here; captions their caption's.
    private let phrases: PhraseIndex
    /// The exact labels of every table's rows and columns, owning their hits' numbers.
    private let exact: ExactLabels
    /// Where each table's hits start (a multiple of 64).
    private let base: [Int]
    private let capacity: Int

    init(_ labels: [TableLabels]) {
        self.labels = labels
        var phrases = PhraseIndex()
        var exact: [(String, Int)] = []
        var base: [Int] = [], next = 0
        for (t, l) in labels.enumerated() {
            let b = next
            phrases.add(l.phrases, table: t) { kind, owner in
                switch kind {
                case TableLabels.rowKind: b + l.rowHit[owner]
                case TableLabels.columnKind: b + l.columnHit[owner]
                case TableLabels.keywordKind: b + l.keywordHit[owner]
                default: owner
                }
            }
            for (i, r) in l.definition.rows.enumerated() { exact += (r.exact ?? []).map { ($0, b + l.rowHit[i]) } }
            for (i, c) in l.definition.columns.enumerated() { exact += (c.exact ?? []).map { ($0, b + l.columnHit[i]) } }
            base.append(b)
            next += (l.hitCount + 63) / 64 * 64
        }
        self.phrases = phrases
        self.exact = ExactLabels(exact)
        self.base = base
        capacity = next
    }

    func emptyHits() -> HitSet { HitSet(capacity: capacity) }

    /// A row phrase or caption found in a label: which kind (`TableLabels.rowKind`, `captionKind`), of which
    /// table, which row or caption (its index in the definition) and where it ends — what
    /// `TableLabels.row(compact:context:found:table:)` and `block(found:table:)` ask of a label, kept so that
    /// the builder does not search the label again.
    struct PhraseFound {
        var kind: UInt8
        var table: Int
        var owner: Int
        var end: Int
    }

    /// A caption found in a label: of which table, which one, and where.
    struct CaptionFound {
        var table: Int
        var owner: Int
        var range: Range<Int>
    }

    /// `TableLabels.addHits` of each table, into its part of `hits`, for the label `c`; the row phrases and
    /// captions found appended to `found`, in the order found. Returns the captions found, which
    /// `addHits(compact:part:captions:to:)` needs (none, without allocating, for most labels).
    func addHits(compact c: [Unicode.Scalar], to hits: inout HitSet, found: inout [PhraseFound]) -> [CaptionFound] {
        guard !c.isEmpty else { return [] }
        var captions: [CaptionFound] = []
        phrases.forEachOccurrence(in: c) { p in
            if p.kind == TableLabels.captionKind {
                captions.append(CaptionFound(table: p.table, owner: p.owner, range: p.start..<p.end))
                found.append(PhraseFound(kind: p.kind, table: p.table, owner: p.local, end: p.end))
            } else {
                hits.insert(p.owner)
                if p.kind == TableLabels.rowKind { found.append(PhraseFound(kind: p.kind, table: p.table, owner: p.local, end: p.end)) }
            }
        }
        for id in exact.owners(c, 0..<c.count) { hits.insert(id) }
        if !captions.isEmpty { addBlockHits(captions, to: &hits) }
        return captions
    }

    /// `TableLabels.addHits` of each table for the part `part` of the label `c` (a cell of it), `captions` being
    /// what `addHits(compact:to:rows:)` of the whole label found. A phrase standing in the part stands in the whole
    /// label and adds no hit of its own, so the phrases are not searched again: only what depends on the part —
    /// its exact labels, and the blocks its own captions name — is asked.
    func addHits(compact c: [Unicode.Scalar], part: Range<Int>, captions: [CaptionFound], to hits: inout HitSet) {
        guard !part.isEmpty else { return }
        for id in exact.owners(c, part) { hits.insert(id) }
        guard !captions.isEmpty else { return }
        addBlockHits(captions.filter { part.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= part.upperBound }, to: &hits)
    }

    /// A caption counts where it names one block only.
    private func addBlockHits(_ captions: [CaptionFound], to hits: inout HitSet) {
        for (t, l) in labels.enumerated() {
            let owners = captions.filter { $0.table == t }.map(\.owner)
            if let first = owners.first, owners.allSatisfy({ $0 == first }) { hits.insert(base[t] + l.blockHit[first]) }
        }
    }

    /// The part of `hits` of one table, as `TableLabels.addHits` gives it.
    func hits(_ hits: HitSet, of table: Int) -> HitSet {
        var part = labels[table].emptyHits()
        let first = base[table] / 64
        for k in part.words.indices { part.words[k] = hits.words[first + k] }
        return part
    }
}
