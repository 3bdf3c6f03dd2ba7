import Foundation

/// A check over all reports of one run (year against year, body against body).
///
/// To keep a batch of thousands of drafts flat in memory, a batch rule never sees the reports together:
/// `facts(of:)` runs as each report is read and keeps only what the rule needs (small and `Codable`, so it
/// can also cross from an isolated worker process); `check` then sees every report's facts.
public protocol BatchRule: Sendable {
    associatedtype Facts: Codable & Sendable
    static var descriptor: RuleDescriptor { get }
    init()
    func facts(of report: Report, _ context: RuleContext) -> Facts?
    func check(_ entries: [BatchEntry<Facts>], _ context: RuleContext) -> [BatchFinding]
}

/// One report's facts in a batch, with its path.
public struct BatchEntry<Facts: Sendable>: Sendable {
    public var path: String
    public var facts: Facts
}

/// A batch finding carries its own place and snippet: the report it is about is no longer in memory.
public struct BatchFinding: Sendable {
    public var path: String
    /// 1-based line and column in the text view; end column exclusive.
    public var line: Int
    public var column: Int
    public var endColumn: Int
    public var snippet: String
    public var message: Localized
    public var severity: Severity?
    public var related: [RelatedLocation]

    public init(path: String, line: Int, column: Int, endColumn: Int, snippet: String, message: Localized,
                severity: Severity? = nil, related: [RelatedLocation] = []) {
        self.path = path
        self.line = line
        self.column = column
        self.endColumn = endColumn
        self.snippet = snippet
        self.message = message
        self.severity = severity
        self.related = related
    }
}

/// A batch rule with its facts type erased, so the engine can hold a list of them.
public struct AnyBatchRule: Sendable {
    public let descriptor: RuleDescriptor
    let collect: @Sendable (Report, RuleContext) -> Data?
    let checkAll: @Sendable ([(path: String, facts: Data)], RuleContext) -> [BatchFinding]

    public init<R: BatchRule>(_ rule: R) {
        descriptor = R.descriptor
        collect = { report, context in
            rule.facts(of: report, context).flatMap { try? JSONEncoder().encode($0) }
        }
        checkAll = { encoded, context in
            let decoder = JSONDecoder()
            let entries = encoded.compactMap { item in
                (try? decoder.decode(R.Facts.self, from: item.facts)).map { BatchEntry(path: item.path, facts: $0) }
            }
            return rule.check(entries, context)
        }
    }
}
