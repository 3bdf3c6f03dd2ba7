/// GitHub Actions workflow commands: one `::error file=…,line=…,col=…,endColumn=…,title=…::message` line per
/// finding, which the Actions runner shows as an annotation on the file in a pull request. Notes become
/// `::notice`. Values are escaped as the runner requires (`%`, line breaks; in properties also `:` and `,`).
public struct GitHubReporter: Reporter {
    public static let name = "github"
    public static let summary = Localized(zh: "GitHub Actions 注释（::error file=…::…）", en: "GitHub Actions annotations (::error file=…::…)")
    public static let fileExtension = "txt"
    public var options: ReporterOptions

    public init(options: ReporterOptions) { self.options = options }

    public func begin(into out: inout [UInt8]) {}

    public func file(_ file: LintResults.File, after totals: LintTotals, into out: inout [UInt8]) {
        let lang = options.language
        var text = ""
        for d in file.diagnostics {
            if options.quiet && d.severity != .error { continue }
            let command = switch d.severity { case .error: "error"; case .warning: "warning"; case .note: "notice" }
            let properties = [("file", d.path), ("line", String(d.line)), ("col", String(d.column)),
                              ("endLine", String(d.endLine)), ("endColumn", String(d.endColumn)), ("title", "xxgk-lint " + d.ruleID)]
            text += "::\(command) " + properties.map { "\($0)=\(Self.escape($1, property: true))" }.joined(separator: ",")
            text += "::" + Self.escape(d.message[lang] + " [\(d.ruleID)]", property: false) + "\n"
        }
        out.append(contentsOf: text.utf8)
    }

    public func end(_ totals: LintTotals, failures: [LintResults.Failure], into out: inout [UInt8]) {
        var text = ""
        for f in failures {
            text += "::error file=\(Self.escape(f.path, property: true)),title=xxgk-lint::"
                + Self.escape(f.error.message(options.language), property: false) + "\n"
        }
        out.append(contentsOf: text.utf8)
    }

    static func escape(_ s: String, property: Bool) -> String {
        var r = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": r += "%25"
            case "\r": r += "%0D"
            case "\n": r += "%0A"
            case ":" where property: r += "%3A"
            case "," where property: r += "%2C"
            default: r.unicodeScalars.append(c)
            }
        }
        return r
    }
}
