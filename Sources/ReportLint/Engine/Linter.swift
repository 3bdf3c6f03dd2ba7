/// Runs the pipeline on one document: read → check → diagnostics. Stateless and `Sendable`: one value
/// serves every worker of a batch.
public struct Linter: Sendable {
    public var configuration: Configuration
    public var rules: [any Rule]
    public var batchRules: [AnyBatchRule]

    public init(configuration: Configuration = .init(), rules: [any Rule] = RuleRegistry.makeRules(),
                batchRules: [AnyBatchRule] = RuleRegistry.makeBatchRules()) {
        self.configuration = configuration
        self.rules = rules.filter { configuration.isEnabled(type(of: $0).descriptor.id) }
        self.batchRules = batchRules.filter { configuration.isEnabled($0.descriptor.id) }
    }

    public var reader: ReportReader { ReportReader(pack: configuration.pack, yearOverride: configuration.yearOverride) }
    var context: RuleContext { RuleContext(pack: configuration.pack) }

    /// Reads a document and runs the per-report rules on it.
    public func lint(_ document: Document) -> (Report, [Diagnostic]) {
        let report = reader.read(document)
        return (report, check(report))
    }

    public func check(_ report: Report) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for rule in rules {
            let descriptor = type(of: rule).descriptor
            for finding in rule.check(report, context) {
                result.append(diagnostic(finding, descriptor: descriptor, report: report))
            }
        }
        if !configuration.pack.customRules.isEmpty {
            let custom = configuration.pack.customRules.filter { configuration.isEnabled($0.id) }
            for (spec, finding) in CustomRuleRunner(specs: custom).check(report) {
                result.append(diagnostic(finding, descriptor: CustomRuleRunner.descriptor(spec), report: report))
            }
        }
        return result.sorted(by: Diagnostic.documentOrder)
    }

    /// Built-in and custom rule descriptors of this configuration, for reporters.
    public var descriptors: [RuleDescriptor] {
        RuleRegistry.descriptors + configuration.pack.customRules.map(CustomRuleRunner.descriptor)
    }

    /// What each batch rule keeps of a report (rule id → encoded facts).
    public func batchFacts(_ report: Report) -> [String: Data] {
        var facts: [String: Data] = [:]
        for rule in batchRules { facts[rule.descriptor.id] = rule.collect(report, context) }
        return facts
    }

    /// Runs the batch rules over the facts of every report of a run.
    public func checkBatch(_ facts: [(path: String, facts: [String: Data])]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for rule in batchRules {
            let id = rule.descriptor.id
            let entries = facts.compactMap { item in item.facts[id].map { (path: item.path, facts: $0) } }
            for f in rule.checkAll(entries, context) {
                result.append(Diagnostic(ruleID: id, severity: configuration.severity(for: id, default: f.severity ?? rule.descriptor.severity),
                                         message: f.message, path: f.path, line: f.line, column: f.column,
                                         endColumn: f.endColumn, snippet: f.snippet, related: f.related))
            }
        }
        return result
    }

    func diagnostic(_ f: Finding, descriptor: RuleDescriptor, report: Report) -> Diagnostic {
        let severity = configuration.severity(for: descriptor.id, default: f.severity ?? descriptor.severity)
        let line = f.span.line < report.lines.count ? report.lines[f.span.line] : []
        let start = min(f.span.start, line.count), end = min(max(f.span.end, start), line.count)
        var snippet = Array(line[start..<end]).string
        if snippet.isEmpty { snippet = line.string.trimmedBlanks }
        return Diagnostic(ruleID: descriptor.id, severity: severity, message: f.message, path: report.document.path,
                          line: f.span.line + 1, column: start + 1, endLine: f.span.line + 1,
                          endColumn: max(end, start + 1) + 1, snippet: snippet, fix: f.fix,
                          related: f.related.map {
                              RelatedLocation(line: $0.span.line + 1, column: $0.span.start + 1, endColumn: $0.span.end + 1,
                                              message: $0.message)
                          })
    }
}

import Foundation

extension Diagnostic {
    /// Line, then column, then rule id.
    public static func documentOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.line, a.column, a.ruleID) < (b.line, b.column, b.ruleID)
    }
}
