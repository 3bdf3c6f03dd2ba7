/// The filter stage, between check and report: what the rules found, less what the user has said not to
/// show. It runs in order: inline suppression comments (`SuppressionFilter`), then the baseline of accepted
/// findings (`Baseline`) — each keyed on something that survives unrelated edits (the line a comment stands
/// above; the fingerprint of rule and snippet). Configuration (severity overrides, rules turned off) is
/// applied as findings become diagnostics, in `Linter.diagnostic`.
public protocol DiagnosticFilter: Sendable {
    /// The diagnostics of one file that are still shown, and any the filter adds (unused suppressions).
    /// `document` is nil for findings of collecting rules, merged after the reports have gone.
    func apply(_ diagnostics: [Diagnostic], document: Document?, context: FilterContext) -> [Diagnostic]
}

/// What a filter may consult: which rules run (a suppression of a rule that did not run is neither used nor
/// unused) and the catalogue (ids, for “did you mean”).
public struct FilterContext: Sendable {
    public var enabled: Set<String>
    public var catalogue: RuleCatalogue
    /// The severity configured for the stage's own findings (unused-suppression), or nil when it is off.
    public var severity: @Sendable (String) -> Severity?

    public init(enabled: Set<String>, catalogue: RuleCatalogue, severity: @escaping @Sendable (String) -> Severity?) {
        self.enabled = enabled
        self.catalogue = catalogue
        self.severity = severity
    }
}

/// The filters of a run, in order.
public struct FilterStage: Sendable {
    public var filters: [any DiagnosticFilter]

    public init(baseline: Baseline? = nil) {
        filters = [SuppressionFilter()] + (baseline.map { [$0] } ?? [])
    }

    public func apply(_ diagnostics: [Diagnostic], document: Document?, context: FilterContext) -> [Diagnostic] {
        filters.reduce(diagnostics) { $1.apply($0, document: document, context: context) }
    }
}
