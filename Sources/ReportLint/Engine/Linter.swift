/// Runs the pipeline on documents: read → check → diagnostics. Stateless and `Sendable`: one value
/// serves every worker of a batch.
public struct Linter: Sendable {
    public var configuration: Configuration
    public var rules: [any Rule]
    public var batchRules: [any BatchRule]

    public init(configuration: Configuration = .init(), rules: [any Rule] = RuleRegistry.makeRules(),
                batchRules: [any BatchRule] = RuleRegistry.makeBatchRules()) {
        self.configuration = configuration
        self.rules = rules.filter { configuration.isEnabled(type(of: $0).descriptor.id) }
        self.batchRules = batchRules.filter { configuration.isEnabled(type(of: $0).descriptor.id) }
    }

    public var reader: ReportReader { ReportReader(pack: configuration.pack, yearOverride: configuration.yearOverride) }

    /// Reads a document and runs the per-report rules on it.
    public func lint(_ document: Document) -> (Report, [Diagnostic]) {
        let report = reader.read(document)
        return (report, check(report))
    }

    public func check(_ report: Report) -> [Diagnostic] {
        let context = RuleContext(pack: configuration.pack)
        var result: [Diagnostic] = []
        for rule in rules {
            let descriptor = type(of: rule).descriptor
            for finding in rule.check(report, context) {
                result.append(diagnostic(finding, descriptor: descriptor, report: report))
            }
        }
        return result.sorted { ($0.line, $0.column, $0.ruleID) < ($1.line, $1.column, $1.ruleID) }
    }

    /// Runs the batch rules over all reports of a run.
    public func checkBatch(_ reports: [Report]) -> [Diagnostic] {
        let context = RuleContext(pack: configuration.pack)
        let byPath = Dictionary(reports.map { ($0.document.path, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [Diagnostic] = []
        for rule in batchRules {
            let descriptor = type(of: rule).descriptor
            for (path, finding) in rule.check(reports, context) {
                guard let report = byPath[path] else { continue }
                result.append(diagnostic(finding, descriptor: descriptor, report: report))
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
                          endColumn: max(end, start + 1) + 1 - (end > start ? 0 : 0), snippet: snippet, fix: f.fix,
                          related: f.related.map {
                              RelatedLocation(line: $0.span.line + 1, column: $0.span.start + 1, endColumn: $0.span.end + 1,
                                              message: $0.message)
                          })
    }
}
