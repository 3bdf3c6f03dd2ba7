/// The sampled shingles of every report of a batch, as one sorted list of (hash, report) — a few bytes a shingle,
/// no dictionary of lists — so that the reports sharing a shingle are found by binary search, and a report's
/// candidates without comparing every pair of reports.
///
/// A shingle is boilerplate when it is one of the pack's standard phrases or when the reports of many
/// different bodies have it (`bodyThreshold`): what every report says is no one's copy.
struct ShingleIndex {
    private let postings: [UInt64]
    private let packBoilerplate: Set<UInt32>
    /// The pack's standard shingles and those many bodies have, in one set: every sampled hash of the batch is
    /// looked up, and one look-up costs half of two.
    private let boilerplate: Set<UInt32>
    let bodyThreshold: Int

    /// `hashes[i]`: report i's distinct sampled hashes; `bodies[i]`: a number for its body (the same for one body's years).
    init(hashes: [[UInt32]], bodies: [Int], packBoilerplate: Set<UInt32>, bodyThreshold: Int) {
        self.packBoilerplate = packBoilerplate
        self.bodyThreshold = bodyThreshold
        var list: [UInt64] = []
        list.reserveCapacity(hashes.reduce(0) { $0 + $1.count })
        for (report, hs) in hashes.enumerated() { for h in hs { list.append(UInt64(h) << 32 | UInt64(report)) } }
        list.sort()
        postings = list
        // Runs of one hash at least `bodyThreshold` long: count the bodies in them.
        var boilerplate = packBoilerplate, start = 0
        while start < list.count {
            let h = list[start] >> 32
            var end = start + 1
            while end < list.count, list[end] >> 32 == h { end += 1 }
            if end - start >= bodyThreshold {
                var seen: Set<Int> = []
                for k in start..<end {
                    seen.insert(bodies[Int(list[k] & 0xFFFF_FFFF)])
                    if seen.count >= bodyThreshold { boilerplate.insert(UInt32(h)); break }
                }
            }
            start = end
        }
        self.boilerplate = boilerplate
    }

    func isBoilerplate(_ h: UInt32) -> Bool { boilerplate.contains(h) }
    /// One of the pack's standard phrases.
    func isStandard(_ h: UInt32) -> Bool { packBoilerplate.contains(h) }

    /// The reports that have a hash.
    func reports(with h: UInt32) -> some Sequence<Int> {
        let key = UInt64(h) << 32
        var low = 0, high = postings.count
        while low < high {
            let mid = (low + high) / 2
            if postings[mid] < key { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < postings.count, postings[end] >> 32 == UInt64(h) { end += 1 }
        return postings[low..<end].lazy.map { Int($0 & 0xFFFF_FFFF) }
    }

    /// Other reports with how many of `hashes` (a report's hashes that are not boilerplate) each has.
    /// `counts` is scratch space, one zero per report, handed back zeroed: a dictionary of counts for every report
    /// of a batch cost more than the comparisons, and gave the candidates in an order that changed from run to run.
    func candidates(of report: Int, _ hashes: [UInt32], counts: inout [Int]) -> [(other: Int, shared: Int)] {
        var touched: [Int] = []
        for h in hashes {
            for other in reports(with: h) where other != report {
                if counts[other] == 0 { touched.append(other) }
                counts[other] += 1
            }
        }
        touched.sort()
        defer { for other in touched { counts[other] = 0 } }
        return touched.map { ($0, counts[$0]) }
    }
}
