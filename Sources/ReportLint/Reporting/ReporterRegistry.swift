/// The output formats, found by name (`--format NAME`). Adding a format is one file — a `Reporter` — and one
/// line here; the command line, its usage text and the golden tests read this list.
public enum ReporterRegistry {
    public static let reporters: [any Reporter.Type] = [
        HumanReporter.self,
        SARIFReporter.self,
        JSONReporter.self,
        GitHubReporter.self,
        JUnitReporter.self,
        CSVReporter.self,
        HTMLReporter.self,
        SummaryReporter.self,
    ]

    public static var names: [String] { reporters.map { $0.name } }

    public static func type(named name: String) -> (any Reporter.Type)? {
        reporters.first { $0.name == name }
    }

    public static func reporter(named name: String, options: ReporterOptions) -> (any Reporter)? {
        type(named: name).map { $0.init(options: options) }
    }

    /// `human|sarif|json`, for usage lines.
    public static var choices: String { names.joined(separator: "|") }
}
