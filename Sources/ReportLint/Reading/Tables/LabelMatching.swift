/// The pieces `TableLabels` matches with. Labels are compared as arrays of scalars in the compact form
/// (`LabelText.compact`), because label matching runs on every label of every table region of every report:
/// building Strings, hashing them or normalising them there made the statutory tables cost more than the
/// rest of linting together.
enum LabelText {
    /// The form labels are compared in: no white space or Markdown marks, full-width brackets and colons.
    static func compact(_ s: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.utf8.count)
        appendCompact(s, to: &out)
        return out
    }

    /// Appends the compact form of `s` (the compact form of text run together is that of the pieces).
    static func appendCompact(_ s: String, to out: inout [Unicode.Scalar]) {
        for u in s.unicodeScalars { append(u, to: &out) }
    }

    /// Appends the compact form of a piece of a line (a table cell).
    static func appendCompact(_ s: ArraySlice<Unicode.Scalar>, to out: inout [Unicode.Scalar]) {
        // Most cells need no change (a run of Chinese text): copied at once rather than scalar by scalar.
        if s.allSatisfy(isKept) {
            out.append(contentsOf: s)
            return
        }
        for u in s { append(u, to: &out) }
    }

    /// Whether `append` keeps a scalar as it is.
    @inline(__always)
    private static func isKept(_ u: Unicode.Scalar) -> Bool {
        if u.value >= 0x80 { return u != "\u{3000}" && u != "\u{A0}" }
        switch u {
        case " ", "\t", "\n", "\r", "#", "*", "|", "(", ")", ":": return false
        default: return true
        }
    }

    static func compact(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for u in s { append(u, to: &out) }
        return out
    }

    /// How many scalars the compact form of `s` has: `append` drops some and maps the rest one to one.
    static func compactCount(_ s: ArraySlice<Unicode.Scalar>) -> Int {
        s.reduce(0) { $0 + (isDropped($1) ? 0 : 1) }
    }

    @inline(__always)
    private static func isDropped(_ u: Unicode.Scalar) -> Bool { compactForm(u) == nil }

    @inline(__always)
    private static func append(_ u: Unicode.Scalar, to out: inout [Unicode.Scalar]) {
        if let c = compactForm(u) { out.append(c) }
    }

    /// What a scalar becomes in the compact form: nil when dropped (blanks, line breaks, Markdown marks).
    /// On the scalar's value, past ASCII with one test: most label text is Chinese.
    @inline(__always)
    private static func compactForm(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        let v = u.value
        if v >= 0x80 { return v == 0x3000 || v == 0xA0 ? nil : u }
        switch v {
        case 0x20, 0x09, 0x0A, 0x0D, 0x23, 0x2A, 0x7C: return nil  // " ", "\t", "\n", "\r", "#", "*", "|"
        case 0x28: return "（"
        case 0x29: return "）"
        case 0x3A: return "："
        default: return u
        }
    }

    /// The compact form of the cells `cells` of `text` run together (a row's label), in one pass over the
    /// line's buffer: this runs for every row of every table region, where a pass per cell to see whether it
    /// needs changing, and copying it as a slice, cost more than the writing.
    static func compact(_ text: [Unicode.Scalar], cells: ArraySlice<Range<Int>>) -> [Unicode.Scalar] {
        let capacity = cells.reduce(0) { $0 + $1.count }
        guard capacity > 0 else { return [] }
        // Written into scratch space on the stack, then copied at once into an array of its size: appended
        // scalar by scalar, the array's uniqueness and capacity were checked for each.
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: capacity) { scratch in
            let written = text.withUnsafeBufferPointer { t in
                var n = 0
                for cell in cells {
                    for i in cell {
                        guard let c = compactForm(t[i]) else { continue }
                        scratch.initializeElement(at: n, to: c)
                        n += 1
                    }
                }
                return n
            }
            return Array(UnsafeBufferPointer(rebasing: scratch[..<written]))
        }
    }

    /// Where the label starts without its leading numbering: “（一）”, “一、”, “1.”, “（1）”, “3、”.
    static func numberingEnd(_ u: [Unicode.Scalar], from start: Int = 0) -> Int {
        var i = start
        while i < u.count {
            let first = u[i]
            if first == "（" || first == "(",
               let close = u[i..<min(i + 5, u.count)].firstIndex(where: { $0 == "）" || $0 == ")" }),
               u[(i + 1)..<close].allSatisfy({ $0.isDigitLike || ChineseNumerals.isNumeral($0) }), close > i + 1 {
                i = close + 1
                continue
            }
            var n = 0
            while i + n < u.count, n < 3, u[i + n].isDigitLike || ChineseNumerals.isNumeral(u[i + n]) { n += 1 }
            if n > 0, i + n < u.count, isSeparator(u[i + n]) {
                i += n + 1
                continue
            }
            if isSeparator(first) { i += 1; continue }
            break
        }
        return i
    }

    private static func isSeparator(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "、", ".", "．", "，", ",", "）", ")": true
        default: false
        }
    }

    /// Whether String comparison of text made only of such scalars is plain scalar comparison: they have no
    /// canonical decomposition and compose with nothing (ASCII, CJK ideographs and punctuation, full-width
    /// forms). Elsewhere — a CJK compatibility ideograph equals its unified twin as a String — the String
    /// comparison is kept.
    static func isInert(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x80, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFF01...0xFF5E: true
        default: false
        }
    }
}

/// Labels short enough to need an exact match (“其他”), to the rows or columns they name. Equal as Strings,
/// as the String-keyed dictionary this replaces compared them — but without building or hashing a String
/// for the usual label.
struct ExactLabels: Sendable {
    private struct Entry: Sendable {
        var text: String
        var scalars: [Unicode.Scalar]
        var inert: Bool
        var owners: [Int]
    }
    private var entries: [Entry] = []

    init(_ labels: [LabelDefinition]) {
        self.init(labels.enumerated().flatMap { i, l in (l.exact ?? []).map { ($0, i) } })
    }

    /// Labels and their owners, in order; owners of labels equal as Strings are merged.
    init(_ pairs: [(String, Int)]) {
        var index: [String: Int] = [:]
        for (e, owner) in pairs {
            if let k = index[e] { entries[k].owners.append(owner); continue }
            index[e] = entries.count
            let s = e.scalars
            entries.append(Entry(text: e, scalars: s, inert: s.allSatisfy(LabelText.isInert), owners: [owner]))
        }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The owners of the exact label equal to `label[range]`. Text equal as a String to an inert label has as
    /// many scalars (an inert scalar decomposes to itself, and no scalar decomposes to several inert ones), so
    /// most labels are turned away by their length.
    func owners(_ label: [Unicode.Scalar], _ range: Range<Int>) -> [Int] {
        guard !entries.isEmpty else { return [] }
        let part = label[range]
        var inert: Bool?
        var text: String?
        // By index: an entry taken out as a whole (`for e in entries`) retained its String and arrays.
        for k in entries.indices {
            if entries[k].inert && entries[k].scalars.count != part.count { continue }
            if inert == nil { inert = part.allSatisfy(LabelText.isInert) }
            if inert! && entries[k].inert {
                if entries[k].scalars.elementsEqual(part) { return entries[k].owners }
            } else {
                if text == nil { text = Array(part).string }
                if text == entries[k].text { return entries[k].owners }
            }
        }
        return []
    }
}

/// Phrases found by their first scalar in a small open-addressing table: every occurrence in a label in one
/// pass, at a few instructions per scalar. The phrases are stored run together and described by plain
/// numbers, so that matching copies and counts no references.
struct PhraseIndex: Sendable {
    /// A phrase found: what it names (a row, a column, a keyword, a caption), which one, of which table
    /// (where one index serves several), and where it stands in the label.
    struct Match {
        var kind: UInt8
        var owner: Int
        /// The owner in the index the phrase was first added to (`owner` before `add(_:table:owner:)`).
        var local: Int
        var table: Int
        var start: Int
        var end: Int
    }
    private struct Phrase: Sendable {
        var scalars: [Unicode.Scalar]
        var kind: UInt8
        var owner: Int
        var local: Int
        var table: Int
    }
    private struct Entry: Sendable {
        var start: Int
        var count: Int
        /// The phrase's second scalar (0 for a phrase of one): most candidates fail on it.
        var second: UInt32
        var kind: UInt8
        var owner: Int
        var local: Int
        var table: Int
    }
    /// A slot of the open-addressing table: the first scalar's value + 1 (0 = empty), and the range of
    /// `entries` with that first scalar.
    private struct Slot: Sendable {
        var key: UInt32 = 0
        var start = 0, end = 0
    }
    /// The phrases as added (to rebuild from).
    private var phrases: [Phrase] = []
    /// The phrases grouped by first scalar (each group in the order added), their text run together.
    private var entries: [Entry] = []
    private var text: [Unicode.Scalar] = []
    private var slots: [Slot] = []
    private var mask = 0
    /// One bit per value of a first scalar's low ten bits: a scalar whose bit is clear starts no phrase, which
    /// answers for most scalars of a label without hashing.
    private var firstBits: [UInt64] = Array(repeating: 0, count: 16)

    /// `lists[i]` are the phrases of owner i, of `kind`; lists of several kinds are added in turn.
    mutating func add(_ lists: [[String]], kind: UInt8, table: Int = 0) {
        for (owner, list) in lists.enumerated() {
            for phrase in list {
                let p = phrase.scalars
                guard !p.isEmpty else { continue }
                phrases.append(Phrase(scalars: p, kind: kind, owner: owner, local: owner, table: table))
            }
        }
        rebuild()
    }

    /// Adds another index's phrases as those of `table`, each owner renamed by `owner(kind, owner)`.
    mutating func add(_ other: PhraseIndex, table: Int, owner: (UInt8, Int) -> Int) {
        phrases += other.phrases.map { var p = $0; p.table = table; p.owner = owner(p.kind, p.owner); return p }
        rebuild()
    }

    private mutating func rebuild() {
        var firsts: [Unicode.Scalar] = []
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        for (k, p) in phrases.enumerated() {
            if byFirst[p.scalars[0]] == nil { firsts.append(p.scalars[0]) }
            byFirst[p.scalars[0], default: []].append(k)
        }
        var size = 16
        while size < firsts.count * 4 { size *= 2 }
        mask = size - 1
        slots = Array(repeating: Slot(), count: size)
        firstBits = Array(repeating: 0, count: 16)
        entries = []
        text = []
        for f in firsts {
            var s = Self.slot(f.value, mask)
            while slots[s].key != 0 { s = (s + 1) & mask }
            slots[s].key = f.value + 1
            slots[s].start = entries.count
            firstBits[Int(f.value & 1023) >> 6] |= 1 << UInt64(f.value & 63)
            for k in byFirst[f]! {
                let p = phrases[k]
                entries.append(Entry(start: text.count, count: p.scalars.count, second: p.scalars.count > 1 ? p.scalars[1].value : 0,
                                     kind: p.kind, owner: p.owner, local: p.local, table: p.table))
                text += p.scalars
            }
            slots[s].end = entries.count
        }
    }

    @inline(__always)
    private static func slot(_ v: UInt32, _ mask: Int) -> Int { Int(truncatingIfNeeded: (v &* 2_654_435_761) >> 7) & mask }

    /// Calls `body` for every occurrence of a phrase in `label` from `start`, in order of position (and, at
    /// one position, of the order the phrases were added in).
    @inline(__always)
    func forEachOccurrence(in label: [Unicode.Scalar], from start: Int = 0, to end: Int? = nil, _ body: (Match) -> Void) {
        guard !entries.isEmpty else { return }
        let limit = end ?? label.count
        // Through buffer pointers: this runs for every scalar of every label of every table region, and the
        // arrays' bounds checks were a good part of it.
        label.withUnsafeBufferPointer { l in
            text.withUnsafeBufferPointer { t in
                slots.withUnsafeBufferPointer { slots in
                    entries.withUnsafeBufferPointer { entries in
                        firstBits.withUnsafeBufferPointer { bits in
                            var i = start
                            while i < limit {
                                let v = l[i].value
                                if bits[Int(v & 1023) >> 6] & (1 << UInt64(v & 63)) == 0 { i += 1; continue }
                                var s = Self.slot(v, mask)
                                while slots[s].key != 0 {
                                    if slots[s].key == v + 1 {
                                        for k in slots[s].start..<slots[s].end {
                                            let e = entries[k]
                                            guard i + e.count <= limit, e.count == 1 || l[i + 1].value == e.second else { continue }
                                            var m = 2
                                            while m < e.count && l[i + m] == t[e.start + m] { m += 1 }
                                            if m >= e.count { body(Match(kind: e.kind, owner: e.owner, local: e.local, table: e.table, start: i, end: i + e.count)) }
                                        }
                                        break
                                    }
                                    s = (s + 1) & mask
                                }
                                i += 1
                            }
                        }
                    }
                }
            }
        }
    }
}
