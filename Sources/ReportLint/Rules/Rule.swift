/// A check over one report (the "check" stage). One rule per file under `Rules/<family>/`.
///
/// A rule reads the `Report` and the rule pack and returns findings. It never prints and never decides
/// the final severity: the engine applies configuration (severity overrides, disabled rules) afterwards.
public protocol Rule: Sendable {
    static var descriptor: RuleDescriptor { get }
    init()
    func check(_ report: Report, _ context: RuleContext) -> [Finding]
    /// The rule as a collecting rule, when it is one (`CollectingRule` provides it). A protocol requirement
    /// rather than an `as? any CollectingRule` cast: a dynamic cast to a protocol scans every conformance record
    /// of the binary the first time for each type, which cost about a sixth of a one-draft run.
    var collecting: AnyCollectingRule? { get }
    /// The type of the rule's settings, when it has any (`ConfigurableRule` provides it).
    static var optionsType: (any RuleOptions.Type)? { get }
    /// The pack key of the rule's own data and its type, when it keeps data in packs (`PackDataRule` provides it).
    static var packData: PackDataKey? { get }
}

extension Rule {
    public var collecting: AnyCollectingRule? { nil }
    public static var optionsType: (any RuleOptions.Type)? { nil }
    public static var packData: PackDataKey? { nil }
}

/// What a rule found — of every kind of rule: per report, collecting, custom — before the engine turns it into
/// a `Diagnostic`: where (a span of the text view, with the path and snippet when the report is no longer in
/// memory), what, how serious, a fix, and the other places involved.
public struct Finding: Sendable {
    public var location: Location
    public var message: Localized
    /// A severity other than the rule's default (a softer case of the same rule).
    public var severity: Severity?
    public var fix: Fix?
    public var related: [Related]

    /// A place in the text view of a report. `path` and `snippet` are nil for the report being checked (the
    /// engine fills them in); a collecting rule, which judges reports it no longer holds, gives both.
    public struct Location: Sendable, Hashable, Codable {
        public var path: String?
        public var span: TextSpan
        public var snippet: String?

        public init(path: String? = nil, span: TextSpan, snippet: String? = nil) {
            self.path = path
            self.span = span
            self.snippet = snippet
        }
    }

    /// Another place involved: the table cell a prose figure disagrees with, last year's report.
    public struct Related: Sendable {
        public var location: Location
        public var message: Localized
        public var span: TextSpan { location.span }

        public init(_ location: Location, message: Localized) {
            self.location = location
            self.message = message
        }
    }

    public var span: TextSpan { location.span }

    public init(location: Location, message: Localized, severity: Severity? = nil, fix: Fix? = nil, related: [Related] = []) {
        self.location = location
        self.message = message
        self.severity = severity
        self.fix = fix
        self.related = related
    }

    /// A finding in the report being checked.
    public init(span: TextSpan, message: Localized, severity: Severity? = nil, fix: Fix? = nil,
                related: [(span: TextSpan, message: Localized)] = []) {
        self.init(location: Location(span: span), message: message, severity: severity, fix: fix,
                  related: related.map { Related(Location(span: $0.span), message: $0.message) })
    }
}

/// What a rule may consult besides the report.
public struct RuleContext: Sendable {
    /// The rule packs, with the forms rules search (phrase scalars, compiled tables) made once.
    public var knowledge: Knowledge
    /// The rule packs' data.
    public var pack: RulePack { knowledge.pack }
    /// Rules' own settings from the configuration, by rule id (read with `options(_:)`).
    public var ruleOptions: [String: any RuleOptions]
    public init(knowledge: Knowledge = .builtIn, ruleOptions: [String: any RuleOptions] = [:]) {
        self.knowledge = knowledge
        self.ruleOptions = ruleOptions
    }
    /// With a pack of one's own, compiled here (once per context made: keep the context, or its `Knowledge`).
    public init(pack: RulePack, ruleOptions: [String: any RuleOptions] = [:]) {
        self.init(knowledge: Knowledge(pack), ruleOptions: ruleOptions)
    }
}

/// The descriptor: everything about a rule except its code — id, severity, names, legal basis, examples.
/// The examples are the rule's unit tests and the text of `xxgk-lint explain`.
public struct RuleDescriptor: Sendable {
    public var id: String
    public var severity: Severity
    public var name: Localized
    public var summary: Localized
    public var rationale: Localized
    /// 条例 article or 年度报告格式 item the check rests on.
    public var basis: Localized
    /// Fragments on which the rule must fire, at each ↓ marker.
    public var triggering: [RuleExample]
    /// Fragments from correct reports on which the rule must stay silent.
    public var nonTriggering: [RuleExample]
    /// For a rule whose fixes `--fix` applies: fragments before and after fixing, tested like the examples.
    public var corrections: [RuleCorrection]

    public init(id: String, severity: Severity, name: Localized, summary: Localized, rationale: Localized,
                basis: Localized, triggering: [RuleExample], nonTriggering: [RuleExample], corrections: [RuleCorrection] = []) {
        self.id = id
        self.severity = severity
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.basis = basis
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.corrections = corrections
    }
}

/// A fix as `--fix` makes it: a fragment, and the same fragment with every certain fix applied.
public struct RuleCorrection: Sendable {
    public var before: String
    public var after: String
    public var year: Int?
    public var file: String
    public var line: Int

    public init(_ before: String, _ after: String, year: Int? = nil, file: StaticString = #filePath, line: UInt = #line) {
        self.before = before
        self.after = after
        self.year = year
        self.file = "\(file)"
        self.line = Int(line)
    }
}

/// A small report fragment. In triggering examples “↓” marks where a finding must start.
public struct RuleExample: Sendable {
    public var text: String
    /// The report year to assume when the fragment has no title (`--year`).
    public var year: Int?
    /// Where the example is written, so that a failing example points at its own line.
    public var file: String
    public var line: Int
    /// For a collecting rule: the file name the example is linted under, and the other reports of its batch
    /// (file name, text). Markers are in `text` only, and an example speaks for its own file: a non-triggering
    /// example must be silent on it (a counterpart may well be reported).
    public var name: String
    public var batch: [(name: String, text: String)]

    public init(_ text: String, year: Int? = nil, name: String = "example.txt", batch: [(String, String)] = [],
                file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.year = year
        self.name = name
        self.batch = batch.map { (name: $0.0, text: $0.1) }
        self.file = "\(file)"
        self.line = Int(line)
    }

    /// The text without markers, and the 1-based (line, column) of each marker.
    public var cleaned: (text: String, markers: [(line: Int, column: Int)]) {
        var out = String.UnicodeScalarView()
        var markers: [(Int, Int)] = []
        var line = 1, column = 1
        for u in text.unicodeScalars {
            if u == "↓" { markers.append((line, column)); continue }
            out.append(u)
            if u == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (String(out), markers)
    }
}
