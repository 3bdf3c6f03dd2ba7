/// The results of one run, as reporters see them.
public struct LintResults: Sendable {
    public struct File: Sendable, Codable {
        public var path: String
        public var report: ReportSummary?
        public var diagnostics: [Diagnostic]

        public init(path: String, report: ReportSummary?, diagnostics: [Diagnostic]) {
            self.path = path
            self.report = report
            self.diagnostics = diagnostics
        }
    }

    /// What the reader found, for machine output (year, era, body).
    public struct ReportSummary: Sendable, Codable {
        public var title: String?
        public var body: String?
        /// Where the body was found: `BodySource`'s raw value (title, publisher, opening-text, file-name).
        public var bodySource: String?
        public var year: Int?
        /// Where the year was found: `ReportYear.Source`'s raw value (title, statistics-period, opening-text,
        /// publication-date, file-name, option).
        public var yearSource: String?
        public var era: String?
        public var format: String
        /// The text of the lines diagnostics point at (1-based), for showing them under each diagnostic.
        /// Only those lines are kept, so that a batch of thousands of drafts stays small in memory.
        public var sourceLines: [Int: String]
        /// Every line of the text view, in order — kept only when a reporter asks for it (`needsFullText`)
        /// and only when a single file is checked (`Runner.keepsFullText`); nil otherwise.
        public var fullText: [String]? = nil
    }

    /// An input that could not be read, with the reason.
    public struct Failure: Sendable, Codable {
        public var path: String
        public var error: LoadError

        public init(path: String, error: LoadError) {
            self.path = path
            self.error = error
        }
    }

    public var files: [File]
    public var failures: [Failure]

    public init(files: [File], failures: [Failure]) {
        self.files = files
        self.failures = failures
    }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
}

/// Formats results for one audience. One reporter per output format, each in its own file.
///
/// Reporters stream: `begin`, then `file` for each checked file in input order, then `end` with the totals
/// and the unreadable inputs — so a batch of ten thousand drafts is written as it is checked, and memory does
/// not grow with the number of files. `render` drives the three for results already in memory.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var name: String { get }
    /// One line for `--help`, in both languages.
    static var summary: Localized { get }
    /// The extension of a file in this format (golden files, suggested output names).
    static var fileExtension: String { get }
    /// Whether the output may be coloured (on a terminal, unless NO_COLOR).
    static var usesColor: Bool { get }
    /// Whether this format shows a lone draft's whole text (the HTML page): the run then keeps every line of
    /// it (`ReportSummary.fullText`). Only for a single file — a batch keeps only the lines findings are on.
    static var needsFullText: Bool { get }
    init(options: ReporterOptions)
    func begin(into out: inout [UInt8])
    /// One file's results; `totals` counts what was written before it (the first entry has no comma).
    func file(_ file: LintResults.File, after totals: LintTotals, into out: inout [UInt8])
    func end(_ totals: LintTotals, failures: [LintResults.Failure], into out: inout [UInt8])
}

extension Reporter {
    public static var usesColor: Bool { false }
    public static var needsFullText: Bool { false }

    public func render(_ results: LintResults) -> String {
        var out: [UInt8] = []
        var totals = LintTotals()
        begin(into: &out)
        for f in results.files {
            file(f, after: totals, into: &out)
            totals.add(f)
        }
        totals.unreadable = results.failures.count
        end(totals, failures: results.failures, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// What the summary lines need: counts, kept while files stream past.
public struct LintTotals: Sendable, Equatable {
    public var files = 0
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    public var unreadable = 0

    public init() {}

    public var diagnostics: Int { errors + warnings + notes }

    public mutating func add(_ file: LintResults.File) {
        files += 1
        for d in file.diagnostics { add(d.severity) }
    }

    mutating func add(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: notes += 1
        }
    }

    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .note: notes
        }
    }
}

/// Options every reporter may use.
public struct ReporterOptions: Sendable {
    public var language: Language
    public var color: Bool
    public var quiet: Bool
    /// The working directory, for relative URIs.
    public var baseDirectory: String
    /// Every rule of the run, custom ones included (SARIF lists them).
    public var descriptors: [RuleDescriptor]

    public init(language: Language = .zh, color: Bool = false, quiet: Bool = false, baseDirectory: String = "",
                descriptors: [RuleDescriptor] = RuleRegistry.descriptors) {
        self.language = language
        self.color = color
        self.quiet = quiet
        self.baseDirectory = baseDirectory
        self.descriptors = descriptors
    }
}
