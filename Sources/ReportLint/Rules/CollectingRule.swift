import Foundation

/// A rule that judges the reports of a run together — year against year, body against body — as SwiftLint's
/// `CollectingRule` does: it is a `Rule` (one catalogue, a descriptor with examples, configured like any
/// other) that first collects facts from each report as it is read, then judges all the facts at once.
///
/// To keep a batch of thousands of drafts flat in memory, it never sees the reports together: `facts(of:)`
/// keeps only what the rule needs (small and `Codable`, so it can cross from a worker process), and
/// `check(_:_:)` sees every report's facts and returns findings located by path and span, with the snippet
/// the rule kept (`Finding.Location`).
public protocol CollectingRule: Rule {
    associatedtype Facts: Codable & Sendable
    func facts(of report: Report, _ context: RuleContext) -> Facts?
    func check(_ entries: [CollectedFacts<Facts>], _ context: RuleContext) -> [Finding]
}

extension CollectingRule {
    /// Alone, a report gives a collecting rule nothing to say.
    public func check(_ report: Report, _ context: RuleContext) -> [Finding] { [] }
    public var collecting: AnyCollectingRule? { AnyCollectingRule(self) }
}

/// A collecting rule whose facts start from the report's stamp (`ReportStamp`), as the built-in ones do: a run
/// makes the stamp once for all of them (`Linter.batchFacts`), not once for each.
public protocol StampedCollectingRule: CollectingRule {
    /// The facts of an annual report, given its stamp.
    func facts(of report: Report, stamp: ReportStamp, _ context: RuleContext) -> Facts?
}

extension StampedCollectingRule {
    public func facts(of report: Report, _ context: RuleContext) -> Facts? {
        ReportStamp(report).flatMap { facts(of: report, stamp: $0, context) }
    }
    public var collecting: AnyCollectingRule? { AnyCollectingRule(self) { report, stamp, context in stamp.flatMap { self.facts(of: report, stamp: $0, context) } } }
}

/// One report's facts in a batch, with its path.
public struct CollectedFacts<Facts: Sendable>: Sendable {
    public var path: String
    public var facts: Facts
    /// What the rules of the batch share (nil outside a batch run).
    var batch: BatchMemo? = nil
}

/// A collecting rule with its facts type erased, so the engine can hold a list of them.
public struct AnyCollectingRule: Sendable {
    let descriptor: RuleDescriptor
    /// A report's facts, encoded, given its stamp as `ReportStamp(report)` makes it (nil: no annual report). Facts
    /// with a byte form of their own (`CompactFacts`) leave the stamp out: the report's frame carries it once for
    /// every rule (`FactsFrame`).
    let collect: @Sendable (Report, ReportStamp?, RuleContext) -> [UInt8]?
    /// The rule's findings over a batch's entries; `batch`: what the batch's rules share.
    let checkAll: @Sendable ([BatchEntry], BatchMemo?, RuleContext) -> [Finding]

    /// A report's facts, encoded.
    func collect(_ report: Report, _ context: RuleContext) -> [UInt8]? { collect(report, ReportStamp(report), context) }

    init<R: CollectingRule>(_ rule: R) {
        self.init(rule) { report, _, context in rule.facts(of: report, context) }
    }

    /// `facts`: the rule's facts of a report, given its stamp.
    init<R: CollectingRule>(_ rule: R, facts: @escaping @Sendable (Report, ReportStamp?, RuleContext) -> R.Facts?) {
        descriptor = R.descriptor
        // Facts with a byte form of their own (`CompactFacts`, the built-in batch rules') go as bytes, others as JSON.
        collect = { report, stamp, context in
            guard let facts = facts(report, stamp, context) else { return nil }
            if let compact = facts as? any CompactFacts {
                var w = OutcomeCodec.Writer()
                compact.write(&w)
                return w.out
            }
            return (try? JSONEncoder().encode(facts)).map { Array($0) }
        }
        checkAll = { encoded, batch, context in
            let decoder = JSONDecoder(), compact = R.Facts.self as? any CompactFacts.Type
            let entries = encoded.compactMap { item -> CollectedFacts<R.Facts>? in
                let facts: R.Facts?
                if let compact {
                    // Compact facts are an annual report's: without its stamp, they are no one's.
                    guard let stamp = item.stamp else { return nil }
                    var r = OutcomeCodec.Reader(bytes: item.facts)
                    let decoded = try? compact.init(stamp: stamp, &r)
                    facts = r.atEnd ? decoded.flatMap { $0 as? R.Facts } : nil  // a garbled frame is dropped
                } else {
                    facts = try? decoder.decode(R.Facts.self, from: Data(item.facts))
                }
                return facts.map { CollectedFacts(path: item.path, facts: $0, batch: batch) }
            }
            return rule.check(entries, context)
        }
    }
}
