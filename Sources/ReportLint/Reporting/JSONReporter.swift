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
        // Written member by member (laid out as `JSONValue.serialized()` would lay out the same object), not
        // built as a tree first: a batch's report has thousands of diagnostics, and this runs after the checking.
        var file = JSONObjectWriter(indent: 2)
        file.member("path", .string(f.path), to: &out)
        file.member("title", f.report?.title.map(JSONValue.string) ?? .null, to: &out)
        file.member("body", f.report?.body.map(JSONValue.string) ?? .null, to: &out)
        file.member("bodySource", f.report?.bodySource.map(JSONValue.string) ?? .null, to: &out)
        file.member("year", f.report?.year.map(JSONValue.int) ?? .null, to: &out)
        file.member("yearSource", f.report?.yearSource.map(JSONValue.string) ?? .null, to: &out)
        file.member("era", f.report?.era.map(JSONValue.string) ?? .null, to: &out)
        file.key("diagnostics", to: &out)
        var diagnostics = JSONArrayWriter(indent: 3)
        for d in f.diagnostics {
            diagnostics.next(&out)
            var o = JSONObjectWriter(indent: 4)
            o.member("rule", .string(d.ruleID), to: &out)
            o.member("severity", .string(d.severity.rawValue), to: &out)
            o.member("message", .string(d.message[lang]), to: &out)
            o.member("line", .int(d.line), to: &out)
            o.member("column", .int(d.column), to: &out)
            o.member("endLine", .int(d.endLine), to: &out)
            o.member("endColumn", .int(d.endColumn), to: &out)
            o.member("snippet", .string(d.snippet), to: &out)
            o.member("fix", d.fix.map { .string($0.replacement) } ?? .null, to: &out)
            o.key("related", to: &out)
            var related = JSONArrayWriter(indent: 5)
            for r in d.related {
                related.next(&out)
                var ro = JSONObjectWriter(indent: 6)
                ro.member("path", r.path.map(JSONValue.string) ?? .null, to: &out)
                ro.member("line", .int(r.line), to: &out)
                ro.member("column", .int(r.column), to: &out)
                ro.member("endColumn", .int(r.endColumn), to: &out)
                ro.member("message", .string(r.message[lang]), to: &out)
                ro.close(&out)
            }
            related.close(&out)
            o.close(&out)
        }
        diagnostics.close(&out)
        file.close(&out)
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
