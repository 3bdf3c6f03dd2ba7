/// Plain JSON for scripts: one entry per file with what the reader found and its diagnostics.
public struct JSONReporter: Reporter {
    public static let name = "json"
    public static let summary = Localized(zh: "JSON：诊断及识别出的标题、机关、年度", en: "JSON: diagnostics and what was read (title, body, year)")
    public static let fileExtension = "json"
    public var options: ReporterOptions

    public init(options: ReporterOptions) { self.options = options }

    /// The top-level object is written by hand around the streamed `files` array; each piece is laid out
    /// exactly as `JSONValue.serialized()` lays out a whole document.
    public func begin(into out: inout [UInt8]) {
        var top = JSONObjectWriter(indent: 0)
        top.member("version", .string(Version.current), to: &out)
        top.key("files", to: &out)
    }

    public func file(_ f: LintResults.File, after totals: LintTotals, into out: inout [UInt8]) {
        let lang = options.language
        var files = JSONArrayWriter(indent: 1, written: totals.files)
        files.next(&out)
        JSONValue.object([
            ("path", .string(f.path)),
            ("title", f.report?.title.map(JSONValue.string) ?? .null),
            ("body", f.report?.body.map(JSONValue.string) ?? .null),
            ("bodySource", f.report?.bodySource.map(JSONValue.string) ?? .null),
            ("year", f.report?.year.map(JSONValue.int) ?? .null),
            ("yearSource", f.report?.yearSource.map(JSONValue.string) ?? .null),
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
                    ("related", .array(d.related.map { r in
                        .object([
                            ("path", r.path.map(JSONValue.string) ?? .null),
                            ("line", .int(r.line)), ("column", .int(r.column)), ("endColumn", .int(r.endColumn)),
                            ("message", .string(r.message[lang])),
                        ])
                    })),
                ])
            })),
        ]).write(to: &out, indent: 2)
    }

    public func end(_ totals: LintTotals, failures: [LintResults.Failure], into out: inout [UInt8]) {
        let lang = options.language
        JSONArrayWriter(indent: 1, written: totals.files).close(&out)
        var top = JSONObjectWriter(indent: 0, written: 2)
        top.member("unreadable", .array(failures.map {
            .object([("path", .string($0.path)), ("reason", .string($0.error.message(lang)))])
        }), to: &out)
        top.member("summary", .object([
            ("files", .int(totals.files)),
            ("errors", .int(totals.errors)),
            ("warnings", .int(totals.warnings)),
            ("notes", .int(totals.notes)),
            ("unreadable", .int(totals.unreadable)),
        ]), to: &out)
        top.close(&out)
        out.append(0x0A)
    }
}
