/// Plain JSON for scripts: one entry per file with what the reader found and its diagnostics.
public struct JSONReporter: Reporter {
    public static let name = "json"
    public var options: ReporterOptions

    public init(options: ReporterOptions) { self.options = options }

    public func render(_ results: LintResults) -> String {
        let lang = options.language
        let files: [JSONValue] = results.files.map { f in
            .object([
                ("path", .string(f.path)),
                ("title", f.report?.title.map(JSONValue.string) ?? .null),
                ("body", f.report?.body.map(JSONValue.string) ?? .null),
                ("year", f.report?.year.map(JSONValue.int) ?? .null),
                ("era", f.report?.era.map(JSONValue.string) ?? .null),
                ("diagnostics", .array(f.diagnostics.map { d in
                    .object([
                        ("rule", .string(d.ruleID)),
                        ("severity", .string(d.severity.rawValue)),
                        ("message", .string(d.message[lang])),
                        ("line", .int(d.line)), ("column", .int(d.column)),
                        ("endLine", .int(d.endLine)), ("endColumn", .int(d.endColumn)),
                        ("snippet", .string(d.snippet)),
                        ("fix", d.fix.map { .string($0.replacement) } ?? .null),
                    ])
                })),
            ])
        }
        return JSONValue.object([
            ("version", .string(Version.current)),
            ("files", .array(files)),
            ("unreadable", .array(results.failures.map {
                .object([("path", .string($0.path)), ("reason", .string($0.error.message(lang)))])
            })),
            ("summary", .object([
                ("files", .int(results.files.count)),
                ("errors", .int(results.count(.error))),
                ("warnings", .int(results.count(.warning))),
                ("notes", .int(results.count(.note))),
                ("unreadable", .int(results.failures.count)),
            ])),
        ]).serialized() + "\n"
    }
}
