/// Small sets of numbers the label matching collects (`TableNamer`, `TableLabels`).

/// A set of the distinct things (rows, columns, keywords, a caption) the labels of a region name, by number:
/// the String sets it replaces (“row:new”, “keyword:勾稽关系”) were built and hashed for every label.
struct HitSet: Sendable, Equatable {
    var words: [UInt64]

    init(capacity: Int) { words = filledArray(0, count: (capacity + 63) / 64) }

    mutating func insert(_ id: Int) { words[id >> 6] |= 1 << UInt64(id & 63) }

    func contains(_ id: Int) -> Bool { words[id >> 6] & (1 << UInt64(id & 63)) != 0 }

    mutating func formUnion(_ other: HitSet) {
        for k in words.indices { words[k] |= other.words[k] }
    }

    func intersection(_ other: HitSet) -> HitSet {
        var r = self
        for k in words.indices { r.words[k] &= other.words[k] }
        return r
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
}

/// A few distinct small numbers (the rows a label names), without allocating for the first 64.
struct OwnerSet {
    private var low: UInt64 = 0
    private var high: [Int] = []

    mutating func insert(_ i: Int) {
        if i < 64 { low |= 1 << UInt64(i) } else if !high.contains(i) { high.append(i) }
    }

    func forEach(_ body: (Int) -> Void) {
        var m = low
        while m != 0 {
            body(m.trailingZeroBitCount)
            m &= m - 1
        }
        high.forEach(body)
    }
}
