import Foundation
@testable import ReportLint

/// Batches made for the batch rules' tests: one body's reports over years, bodies of one county, copies.
enum BatchFixtures {
    typealias File = (name: String, text: String)

    /// Body n's reports for `years`, carry-overs and documents in force agreeing year to year.
    static func series(body n: Int, years: ClosedRange<Int>, seed: UInt64 = 1) -> [File] {
        var random = SampleBatch.Random(seed: seed &+ UInt64(n) &* 7919)
        let (name, we) = SampleBatch.body(n)
        var carried = [Int](repeating: 0, count: 6), inForce = 5 + random.next(20)
        return years.map { year in
            let own = SampleBatch.sentences(&random, count: 10, we: we)
            let r = SampleBatch.report(body: name, we: we, year: year, own: own, carried: carried, inForceBefore: inForce, &random)
            carried = r.forward
            inForce = r.inForce
            return ("\(name)-\(year).txt", r.text)
        }
    }

    /// One report of body n for `year`, with the given narrative and 上年结转.
    static func report(body n: Int, year: Int, own: [String], carried: [Int] = [0, 0, 0, 0, 0, 0], seed: UInt64 = 3) -> File {
        var random = SampleBatch.Random(seed: seed &+ UInt64(n))
        let (name, we) = SampleBatch.body(n)
        return ("\(name)-\(year).txt", SampleBatch.report(body: name, we: we, year: year, own: own, carried: carried, inForceBefore: 10, &random).text)
    }

    /// Body n's own sentences (a different draw for each seed).
    static func sentences(body n: Int, count: Int = 10, seed: UInt64 = 5) -> [String] {
        var random = SampleBatch.Random(seed: seed &* 31 &+ UInt64(n))
        return SampleBatch.sentences(&random, count: count, we: SampleBatch.body(n).we)
    }

    /// Diagnostics of one rule, by file name.
    static func lint(_ files: [File], rule: String) -> [String: [Diagnostic]] {
        Dictionary(grouping: TestSupport.lintBatch(files, rule: rule), by: \.path)
    }
}
