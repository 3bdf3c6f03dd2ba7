import Foundation

/// Runs the pipeline on one document: read → check → diagnostics. Stateless and `Sendable`: one value
/// serves every worker of a batch.
public struct Linter: Sendable {
    public var configuration: Configuration
    public var rules: [any Rule]
    /// The rules among `rules` that judge the reports of a run together.
    var collectingRules: [AnyCollectingRule]
    /// What the filter stage may consult — the rules that run, the catalogue, configured severities — made
    /// once for every report of a run.
    let filterContext: FilterContext

    public init(configuration: Configuration = .init(), rules: [any Rule] = RuleRegistry.makeRules()) {
        self.configuration = configuration
        self.rules = rules.filter { configuration.isEnabled(type(of: $0).descriptor.id) }
        collectingRules = self.rules.compactMap(\.collecting)
        // A suppression comment cannot reach a batch finding (it is made after the report is gone): one naming a
        // collecting rule is neither used nor unused.
        let ids = self.rules.filter { $0.collecting == nil }.map { type(of: $0).descriptor.id }
            + configuration.pack.customRules.map(\.id).filter(configuration.isEnabled)
        filterContext = FilterContext(enabled: Set(ids), catalogue: RuleCatalogue(pack: configuration.pack), severity: { id in
            configuration.isEnabled(id) ? configuration.severity(for: id, default: RuleRegistry.descriptor(id)?.severity ?? .note) : nil
        })
    }

    /// Whether a run needs every report's facts before its results can be written.
    public var collects: Bool { !collectingRules.isEmpty }

    public var reader: ReportReader { ReportReader(knowledge: configuration.knowledge, yearOverride: configuration.yearOverride) }
    var context: RuleContext { RuleContext(knowledge: configuration.knowledge, ruleOptions: configuration.ruleOptions) }

    /// Reads a document and runs the per-report rules on it.
    public func lint(_ document: Document) -> (Report, [Diagnostic]) {
        let report = reader.read(document)
        return (report, check(report))
    }

    /// Check, then the filter stage (suppression comments, the baseline).
    public func check(_ report: Report) -> [Diagnostic] {
        configuration.filters.apply(checkUnfiltered(report), document: report.document, context: filterContext)
    }

    func checkUnfiltered(_ report: Report) -> [Diagnostic] {
        var result: [Diagnostic] = []
        // A README among the drafts gets one note (not-a-report), not the report rules.
        let isReport = report.looksLikeAnnualReport
        for rule in rules where isReport || rule is NotAReportRule {
            let descriptor = type(of: rule).descriptor
            for finding in rule.check(report, context) {
                result.append(diagnostic(finding, descriptor: descriptor, report: report))
            }
        }
        if isReport, !configuration.pack.customRules.isEmpty {
            let custom = configuration.pack.customRules.filter { configuration.isEnabled($0.id) }
            for (spec, finding) in CustomRuleRunner(specs: custom).check(report) {
                result.append(diagnostic(finding, descriptor: CustomRuleRunner.descriptor(spec), report: report))
            }
        }
        return result.sorted(by: Diagnostic.documentOrder)
    }

    /// Every rule of this configuration (the catalogue), for reporters.
    public var descriptors: [RuleDescriptor] { filterContext.catalogue.descriptors }

    /// What the collecting rules keep of a report: one frame (`FactsFrame`, under `FactsFrame.key`) with the
    /// report's stamp and each rule's facts; nothing when no rule keeps anything.
    public func batchFacts(_ report: Report) -> [String: Data] {
        let stamp = ReportStamp(report), context = self.context
        let facts = collectingRules.compactMap { rule in rule.collect(report, stamp, context).map { (id: rule.descriptor.id, bytes: $0) } }
        return facts.isEmpty ? [:] : [FactsFrame.key: FactsFrame.encode(stamp: stamp, facts)]
    }

    /// Runs the collecting rules over the facts of every report of a run.
    public func checkBatch(_ facts: [(path: String, facts: [String: Data])]) -> [Diagnostic] {
        var batch = gathering()
        for item in facts { gather(item.path, item.facts, into: &batch) }
        return checkBatch(batch)
    }

    /// The facts of a batch as they come in: each report's frame read once, its stamp decoded once for all the
    /// rules, as the report is checked (the command line gathers while the workers check the next files,
    /// rather than reading every frame after the last file, when nothing else is left to do).
    public struct BatchGathering: Sendable {
        fileprivate let ids: [[UInt8]]
        fileprivate var byRule: [[BatchEntry]]
        /// How many reports brought facts.
        public fileprivate(set) var reports = 0
    }

    public func gathering() -> BatchGathering {
        BatchGathering(ids: collectingRules.map { Array($0.descriptor.id.utf8) }, byRule: .init(repeating: [], count: collectingRules.count))
    }

    /// Adds one report's facts (`batchFacts`) to the batch.
    public func gather(_ path: String, _ facts: [String: Data], into batch: inout BatchGathering) {
        guard let frame = facts[FactsFrame.key] else { return }
        batch.reports += 1
        guard let (stamp, kept) = FactsFrame.decode(frame, ids: batch.ids) else { return }
        for (rule, bytes) in kept { batch.byRule[rule].append(BatchEntry(path: path, stamp: stamp, facts: bytes)) }
    }

    /// Runs the collecting rules over a batch's facts.
    public func checkBatch(_ batch: BatchGathering) -> [Diagnostic] {
        // A batch rule compares reports: one report alone gives it nothing to say.
        guard batch.reports > 1 else { return [] }
        var result: [Diagnostic] = []
        let rules = collectingRules, context = self.context
        let entries = batch.byRule, shared = BatchMemo()
        // The rules are independent: each judges on a thread of its own, and the batch waits for the slowest
        // rather than for them all one after the other (findings are taken in the catalogue's order).
        OrderedParallel.run(count: rules.count, jobs: ProcessInfo.processInfo.activeProcessorCount, body: { next, store in
            while let i = next() {
                store(i, (rule: i, findings: rules[i].checkAll(entries[i], shared, context)))
            }
        }, deliver: { (judged: (rule: Int, findings: [Finding])) in
            for f in judged.findings { result.append(diagnostic(f, descriptor: rules[judged.rule].descriptor, report: nil)) }
        })
        return Dictionary(grouping: result, by: \.path).values.flatMap {
            configuration.filters.apply($0, document: nil, context: filterContext)
        }
    }

    /// A finding made a diagnostic: configured severity, 1-based line and columns, the snippet. Spans in the
    /// report being checked are clipped to their line; a collecting rule's finding brings its own snippet.
    func diagnostic(_ f: Finding, descriptor: RuleDescriptor, report: Report?) -> Diagnostic {
        let severity = configuration.severity(for: descriptor.id, default: f.severity ?? descriptor.severity)
        var start = f.span.start, end = f.span.end
        var snippet = f.location.snippet ?? ""
        if let report, f.location.path == nil {
            let line = f.span.line < report.lines.count ? report.lines[f.span.line] : []
            start = min(f.span.start, line.count)
            end = min(max(f.span.end, start), line.count)
            snippet = Array(line[start..<end]).string
            if snippet.isEmpty { snippet = line.string.trimmedBlanks }
        }
        return Diagnostic(ruleID: descriptor.id, severity: severity, message: f.message,
                          path: f.location.path ?? report?.document.path ?? "",
                          line: f.span.line + 1, column: start + 1, endLine: f.span.line + 1,
                          endColumn: max(end, start + 1) + 1, snippet: snippet, fix: f.fix,
                          related: f.related.map {
                              RelatedLocation(path: $0.location.path, line: $0.span.line + 1, column: $0.span.start + 1,
                                              endColumn: $0.span.end + 1, message: $0.message)
                          })
    }
}

extension Diagnostic {
    /// Line, then column, then rule id.
    public static func documentOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.line, a.column, a.ruleID) < (b.line, b.column, b.ruleID)
    }
}
