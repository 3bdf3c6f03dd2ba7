/// One self-contained HTML page: no script, no font, style or image from outside (its Content-Security-Policy
/// forbids them all), every piece of a draft escaped — a page to open in a browser or send by mail.
///
/// For a batch: an overview (verdict per report, a reports × rules matrix, findings per rule as bars,
/// year-on-year pairs, unreadable files), then each report's findings with the line they are on. For a single
/// draft: its whole text view with each finding marked in place and the list beside it (the run keeps the
/// full text only then: `needsFullText`). Streamed: each report's part is written as it is checked, and the
/// overview — written last, from a small tally per file — is shown first by the style sheet.
public struct HTMLReporter: Reporter {
    public static let name = "html"
    public static let summary = Localized(zh: "HTML 页面：批量概览（结论、报告×规则矩阵）或单份草稿标注全文",
                                          en: "HTML page: batch overview (verdicts, reports × rules) or one draft marked up")
    public static let fileExtension = "html"
    public static let needsFullText = true
    public var options: ReporterOptions
    let box = TallyBox()

    public init(options: ReporterOptions) { self.options = options }

    var lang: Language { options.language }

    public func begin(into out: inout [UInt8]) {
        box.reset()
        let title = lang == .zh ? "xxgk-lint 检查结果" : "xxgk-lint results"
        var head = HTMLPage.head.replacingOccurrences(of: "%LANG%", with: lang == .zh ? "zh-CN" : "en")
            .replacingOccurrences(of: "%TITLE%", with: title)
        head += "<header class=\"top\"><h1>\(title)</h1><nav><a href=\"#overview\">\(lang == .zh ? "概览" : "Overview")</a>"
            + "<a href=\"#r0\">\(lang == .zh ? "各报告的问题" : "Findings per report")</a></nav></header>\n<main>\n"
        out.append(contentsOf: head.utf8)
    }

    public func file(_ file: LintResults.File, after totals: LintTotals, into out: inout [UInt8]) {
        let tally = FileTally(file, quiet: options.quiet)
        box.add(tally)
        let n = totals.files
        let shown = file.diagnostics.filter { !options.quiet || $0.severity == .error }
        var html = "<section class=\"report\" id=\"r\(n)\">\n<h3>\(verdict(tally.verdict)) "
            + "<a href=\"#r\(n)\">\(HTMLPage.text(file.path))</a></h3>\n"
        html += "<p class=\"muted\">\(identity(tally))</p>\n"
        if let lines = file.report?.fullText {
            html += HTMLDraftView(reporter: self, file: n, lines: lines, diagnostics: shown).render()
        } else if shown.isEmpty {
            html += "<p>\(lang == .zh ? "未发现问题。" : "No findings.")</p>\n"
        } else {
            html += "<ol class=\"findings\">\n"
            for d in shown { html += finding(d, id: nil, target: nil, line: file.report?.sourceLines[d.line]) }
            html += "</ol>\n"
        }
        out.append(contentsOf: (html + "</section>\n").utf8)
    }

    public func end(_ totals: LintTotals, failures: [LintResults.Failure], into out: inout [UInt8]) {
        let overview = HTMLOverview(reporter: self, tallies: box.tallies, failures: failures.map { FileTally($0, lang: lang) })
        out.append(contentsOf: (overview.render(totals) + "</main>\n</body>\n</html>\n").utf8)
    }

    func verdict(_ v: Verdict) -> String {
        "<span class=\"verdict \(v.rawValue)\">\(v.label(lang))</span>"
    }

    /// Body · year · file format · report format, as far as they were read.
    func identity(_ t: FileTally) -> String {
        var parts: [String] = []
        if let b = t.body { parts.append(HTMLPage.text(b)) }
        if let y = t.year { parts.append(lang == .zh ? "\(y) 年度" : "year \(y)") }
        if let f = t.format { parts.append(HTMLPage.text(f)) }
        if let e = t.era { parts.append(lang == .zh ? "\(HTMLPage.text(e)) 版格式" : "\(HTMLPage.text(e)) format") }
        if parts.isEmpty { parts.append(lang == .zh ? "未识别出机关和年度" : "body and year not recognised") }
        return parts.joined(separator: " · ")
    }

    /// One finding as a list item: where (a link to `target` when the text is on the page), severity,
    /// message, rule id; the line it is on with the span marked (`line`, in a batch); the fix; related places.
    func finding(_ d: Diagnostic, id: String?, target: String?, line: String?) -> String {
        let place = lang == .zh ? "第 \(d.line) 行第 \(d.column) 列" : "line \(d.line), column \(d.column)"
        var html = "<li class=\"f \(d.severity.rawValue)\"\(id.map { " id=\"\($0)\"" } ?? "")>"
        html += target.map { "<a href=\"#\($0)\">\(place)</a>" } ?? "<span class=\"muted\">\(place)</span>"
        html += " <span class=\"sev \(d.severity.rawValue)\">\(d.severity.label(lang))</span> "
        html += HTMLPage.text(d.message[lang]) + " <code class=\"rule\">[\(HTMLPage.text(d.ruleID))]</code>"
        if let line {
            let scalars = Array(line.unicodeScalars)
            let end = d.endLine == d.line ? d.endColumn : scalars.count + 1
            let window = HTMLPage.excerptWindow(count: scalars.count, column: d.column, endColumn: end)
            let mark = HTMLPage.Mark(start: d.column, end: end, severity: d.severity)
            html += "<div class=\"snip\">\(window.lowerBound > 0 ? "…" : "")"
                + HTMLPage.line(scalars, window: window, marks: [mark]) + "\(window.upperBound < scalars.count ? "…" : "")</div>"
        } else if target == nil, !d.snippet.isEmpty {
            html += "<div class=\"snip\">\(HTMLPage.text(d.snippet))</div>"
        }
        if let fix = d.fix {
            // The description often quotes the replacement already (“改为……”); else it follows.
            let description = fix.description[lang]
            let quoted = fix.replacement.isEmpty || description.contains(fix.replacement)
            html += "<div class=\"fix\">\(HTMLPage.text(description))"
                + (quoted ? "" : " → “\(HTMLPage.text(fix.replacement))”") + "</div>"
        }
        if !d.related.isEmpty {
            html += "<ul class=\"related\">"
            for r in d.related {
                let where_ = (r.path.map { HTMLPage.text($0) + ":" } ?? "") + "\(r.line):\(r.column)"
                html += "<li>\(where_) \(HTMLPage.text(r.message[lang]))</li>"
            }
            html += "</ul>"
        }
        return html + "</li>\n"
    }
}
