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

/// One report's facts in a batch, with its path.
public struct CollectedFacts<Facts: Sendable>: Sendable {
    public var path: String
    public var facts: Facts
}

/// A collecting rule with its facts type erased, so the engine can hold a list of them.
public struct AnyCollectingRule: Sendable {
    let descriptor: RuleDescriptor
    let collect: @Sendable (Report, RuleContext) -> Data?
    let checkAll: @Sendable ([(path: String, facts: Data)], RuleContext) -> [Finding]

    init<R: CollectingRule>(_ rule: R) {
        descriptor = R.descriptor
        collect = { report, context in
            rule.facts(of: report, context).flatMap { try? JSONEncoder().encode($0) }
        }
        checkAll = { encoded, context in
            let decoder = JSONDecoder()
            let entries = encoded.compactMap { item in
                (try? decoder.decode(R.Facts.self, from: item.facts)).map { CollectedFacts(path: item.path, facts: $0) }
            }
            return rule.check(entries, context)
        }
    }
}
