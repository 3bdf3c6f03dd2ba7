/// A compact overview for the terminal after a batch: findings per rule (most frequent first, with how many
/// reports have them), then one line per report — verdict and counts — and the closing line of `human`.
/// Written at the end (it keeps a small tally per file); coloured on a terminal only, as `human` is.
public struct SummaryReporter: Reporter {
    public static let name = "summary"
    public static let summary = Localized(zh: "终端概览：各规则、各报告的问题数", en: "terminal overview: counts per rule and per report")
    public static let fileExtension = "txt"
    public static let usesColor = true
    public var options: ReporterOptions
    let box = TallyBox()

    public init(options: ReporterOptions) { self.options = options }

    public func begin(into out: inout [UInt8]) { box.reset() }

    public func file(_ file: LintResults.File, after totals: LintTotals, into out: inout [UInt8]) {
        box.add(FileTally(file, quiet: options.quiet))
    }

    public func end(_ totals: LintTotals, failures: [LintResults.Failure], into out: inout [UInt8]) {
        let lang = options.language
        let human = HumanReporter(options: options)
        let tallies = box.tallies + failures.map { FileTally($0, lang: lang) }
        var text = ""
        let rules = RuleTotals(tallies, catalogue: options.descriptors)
        if !rules.rows.isEmpty {
            text += human.paint(lang == .zh ? "各规则的问题" : "Findings per rule", .bold) + "\n"
            let names = Dictionary(options.descriptors.map { ($0.id, TerminalText.visible($0.name[lang])) }, uniquingKeysWith: { a, _ in a })
            let idWidth = rules.rows.map(\.id.count).max() ?? 0
            let nameWidth = rules.rows.map { Self.width(names[$0.id] ?? "") }.max() ?? 0
            let countHead = lang == .zh ? "问题数" : "found", reportHead = lang == .zh ? "报告数" : "reports"
            text += "  " + Self.pad("", idWidth) + "  " + Self.pad("", nameWidth) + "  "
                + Self.pad(countHead, 6, right: true) + "  " + Self.pad(reportHead, 7, right: true) + "\n"
            for r in rules.rows {
                text += "  " + human.paint(Self.pad(r.id, idWidth), human.color(r.severity)) + "  "
                    + Self.pad(names[r.id] ?? "", nameWidth) + "  "
                    + Self.pad(String(r.count), 6, right: true) + "  " + Self.pad(String(r.reports), 7, right: true) + "\n"
            }
            text += "\n"
        }
        if !tallies.isEmpty {
            text += human.paint(lang == .zh ? "各报告" : "Per report", .bold) + "\n"
            let verdictWidth = Verdict.allCases.map { Self.width($0.label(lang)) }.max() ?? 0
            let heads = [Severity.error, .warning, .note].map { $0.label(lang) }
            let countWidth = max(5, heads.map(Self.width).max() ?? 0)
            text += "  " + Self.pad(lang == .zh ? "结论" : "verdict", verdictWidth)
                + heads.map { "  " + Self.pad($0, countWidth, right: true) }.joined() + "  " + (lang == .zh ? "文件" : "file") + "\n"
            for t in tallies {
                let style: HumanReporter.Style = t.verdict == .ready ? .green : t.verdict == .needsFixes ? .red : .yellow
                text += "  " + human.paint(Self.pad(t.verdict.label(lang), verdictWidth), style)
                if let reason = t.failure {
                    text += String(repeating: " ", count: 3 * (countWidth + 2)) + "  " + TerminalText.path(t.path)
                        + ": " + TerminalText.visible(reason) + "\n"
                    continue
                }
                text += [t.errors, t.warnings, t.notes].map { "  " + Self.pad(String($0), countWidth, right: true) }.joined()
                text += "  " + TerminalText.path(t.path) + "\n"
            }
            text += "\n"
        }
        text += human.summary(totals)
        out.append(contentsOf: text.utf8)
    }

    /// Display cells (wide characters take two).
    static func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) } }

    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - Self.width(s)))
        return right ? fill + s : s + fill
    }
}
