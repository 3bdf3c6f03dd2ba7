/// Compiler-style output for people: `path:line:col: error: message [rule-id]`, the source line, a caret
/// under the span, and a closing summary.
public struct HumanReporter: Reporter {
    public static let name = "human"
    public static let summary = Localized(zh: "编译器风格，给人看（默认）", en: "compiler style, for people (default)")
    public static let fileExtension = "txt"
    public static let usesColor = true
    public var options: ReporterOptions

    public init(options: ReporterOptions) { self.options = options }

    public func begin(into out: inout [UInt8]) {}

    public func file(_ file: LintResults.File, after totals: LintTotals, into out: inout [UInt8]) {
        var text = ""
        let lang = options.language
        for d in file.diagnostics {
            if options.quiet && d.severity != .error { continue }
            // The path, the message and the source line come from the input: printed visibly (`TerminalText`).
            text += paint("\(TerminalText.path(d.path)):\(d.line):\(d.column): ", .bold)
            text += paint("\(d.severity.label(lang)): ", color(d.severity))
            text += paint(TerminalText.visible(d.message[lang]), .bold) + " [\(d.ruleID)]\n"
            if let line = file.report?.sourceLines[d.line] {
                text += excerpt(line, column: d.column, endColumn: d.endLine == d.line ? d.endColumn : d.column + 1)
            }
            for r in d.related {
                text += "    " + paint("\(TerminalText.path(r.path ?? d.path)):\(r.line):\(r.column): ", .dim)
                    + TerminalText.visible(r.message[lang]) + "\n"
            }
        }
        out.append(contentsOf: text.utf8)
    }

    public func end(_ totals: LintTotals, failures: [LintResults.Failure], into out: inout [UInt8]) {
        out.append(contentsOf: summary(totals).utf8)
    }

    /// The source line (clipped to about 40 display cells before and 60 after the span, so that a long
    /// Chinese paragraph fits a terminal) and a caret line aligned for wide characters. Control characters
    /// and direction overrides in the line are shown as escapes, and the caret counts their width.
    func excerpt(_ line: String, column: Int, endColumn: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        let start = max(0, min(column - 1, scalars.count))
        let end = max(start + 1, min(endColumn - 1, scalars.count))
        func width(_ u: Unicode.Scalar) -> Int { u == "\t" ? 1 : TerminalText.escape(u).map(\.count) ?? DisplayWidth.of(u) }
        var from = start, cells = 0
        while from > 0, cells + width(scalars[from - 1]) <= 40 { from -= 1; cells += width(scalars[from]) }
        var to = min(end, scalars.count)
        cells = 0
        while to < scalars.count, cells + width(scalars[to]) <= 60 { cells += width(scalars[to]); to += 1 }
        // ASCII dots: “…” is of ambiguous width in terminals and would shift the caret.
        let lead = from > 0 ? "..." : ""
        let tail = to < scalars.count ? "..." : ""
        var caretPad = from > 0 ? "   " : ""
        for u in scalars[from..<start] { caretPad += String(repeating: " ", count: width(u)) }
        let spanWidth = scalars[start..<min(end, scalars.count)].reduce(0) { $0 + width($1) }
        let carets = "^" + String(repeating: "~", count: max(spanWidth - 1, 0))
        var view = ""
        for u in scalars[from..<to] {
            if u == "\t" { view += " " } else if let e = TerminalText.escape(u) { view += e } else { view.unicodeScalars.append(u) }
        }
        return "    " + lead + view + tail + "\n    " + caretPad + paint(carets, .green) + "\n"
    }

    func summary(_ totals: LintTotals) -> String {
        let e = totals.errors, w = totals.warnings, n = totals.notes
        let files = totals.files
        let failed = totals.unreadable
        switch options.language {
        case .zh:
            var s = "共检查 \(files) 个文件：\(e) 个错误，\(w) 个警告"
            if n > 0 { s += "，\(n) 个提示" }
            if failed > 0 { s += "；\(failed) 个文件无法读取" }
            return s + "\n"
        case .en:
            func plural(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
            var s = "\(plural(e, "error")), \(plural(w, "warning"))"
            if n > 0 { s += ", \(plural(n, "note"))" }
            s += " in \(plural(files, "file"))"
            if failed > 0 { s += "; \(failed) could not be read" }
            return s + "\n"
        }
    }

    enum Style: String { case bold = "1", dim = "2", red = "1;31", yellow = "1;33", cyan = "1;36", green = "32" }

    func color(_ s: Severity) -> Style { s == .error ? .red : s == .warning ? .yellow : .cyan }

    func paint(_ text: String, _ style: Style) -> String {
        options.color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// Terminal display width: East Asian wide and full-width characters take two columns.
enum DisplayWidth {
    static func of(_ u: Unicode.Scalar) -> Int {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
             0x201C, 0x201D, 0x2018, 0x2019, 0x2026, 0x2014:
            return 2
        default:
            return 1
        }
    }
}
