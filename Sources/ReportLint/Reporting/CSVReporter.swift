import Foundation

/// A spreadsheet of the run, for a county office that tracks many drafts in Excel or WPS: one row per file —
/// path, body, year, file format, report format (era), verdict, counts per severity, one column per rule of the
/// catalogue — and one row per input that could not be read, with the reason in the last column.
///
/// UTF-8 with a byte order mark (without it, Excel reads the Chinese as GBK and shows mojibake), CRLF line
/// ends and RFC 4180 quoting. A cell that starts with `= + - @`, a tab or a carriage return would be taken
/// by a spreadsheet for a formula (“CSV injection”): it is prefixed with `'`. Unsafe characters in text cells
/// (controls, direction overrides) are shown as escapes, as on a terminal.
///
/// The first columns are headed in the message language (the people who open the sheet read Chinese; `--lang
/// en` for English); the rule columns are headed by rule id in both, the stable name `explain` takes.
public struct CSVReporter: Reporter {
    public static let name = "csv"
    public static let summary = Localized(zh: "CSV 表格：每个文件一行（结论、各规则问题数），可用 Excel 打开",
                                          en: "CSV sheet: a row per file (verdict, counts per rule), opens in Excel")
    public static let fileExtension = "csv"
    public var options: ReporterOptions

    public init(options: ReporterOptions) { self.options = options }

    var ruleIDs: [String] { options.descriptors.map(\.id) }

    static func header(_ lang: Language) -> [String] {
        lang == .zh ? ["文件", "机关", "年度", "文件格式", "报告版式", "结论", "错误", "警告", "提示"]
                    : ["path", "body", "year", "format", "era", "verdict", "errors", "warnings", "notes"]
    }

    public func begin(into out: inout [UInt8]) {
        out.append(contentsOf: [0xEF, 0xBB, 0xBF])
        let reason = options.language == .zh ? "无法读取的原因" : "reason unreadable"
        row(Self.header(options.language) + ruleIDs + [reason], into: &out)
    }

    public func file(_ file: LintResults.File, after totals: LintTotals, into out: inout [UInt8]) {
        row(cells(FileTally(file, quiet: options.quiet)), into: &out)
    }

    public func end(_ totals: LintTotals, failures: [LintResults.Failure], into out: inout [UInt8]) {
        for f in failures { row(cells(FileTally(f, lang: options.language)), into: &out) }
    }

    func cells(_ t: FileTally) -> [String] {
        let lang = options.language
        let checked = t.failure == nil
        var cells = [text(t.path), text(t.body ?? ""), t.year.map(String.init) ?? "", t.format ?? "", t.era ?? "",
                     t.verdict.label(lang)]
        cells += checked ? [t.errors, t.warnings, t.notes].map(String.init) : ["", "", ""]
        cells += ruleIDs.map { checked ? String(t.byRule[$0]?.count ?? 0) : "" }
        return cells + [text(t.failure ?? "")]
    }

    /// Input text (a path, a body's name, a reason quoting a file): unsafe characters as visible escapes.
    func text(_ s: String) -> String { TerminalText.visible(s) }

    func row(_ cells: [String], into out: inout [UInt8]) {
        out.append(contentsOf: (cells.map(Self.cell).joined(separator: ",") + "\r\n").utf8)
    }

    /// One field: neutralised against formulas, then quoted when it holds a comma, a quote or a line end.
    static func cell(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
