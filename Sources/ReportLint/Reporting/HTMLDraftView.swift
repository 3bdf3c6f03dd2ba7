/// A single draft on the HTML page: its text view, numbered as `xxgk-lint text` numbers it, with each
/// finding's span marked in place (a finding over several lines is marked on each), and the list of findings
/// beside it; each entry links to its mark (`#m…`), and the mark's tooltip is the message.
///
/// Columns are Unicode scalars (as in `Diagnostic`), so the marks are placed on scalars, never on UTF-16
/// units or grapheme clusters.
struct HTMLDraftView {
    let reporter: HTMLReporter
    /// The file's number on the page (its ids are `m<file>-<k>` for marks, `f<file>-<k>` for list entries).
    let file: Int
    let lines: [String]
    let diagnostics: [Diagnostic]

    func render() -> String {
        let lang = reporter.lang
        var marks: [Int: [HTMLPage.Mark]] = [:]
        var placed = Set<Int>()
        for (k, d) in diagnostics.enumerated() where d.line >= 1 && d.line <= lines.count {
            placed.insert(k)
            let last = min(max(d.endLine, d.line), lines.count)
            let title = "\(d.severity.label(lang))\(lang == .zh ? "：" : ": ")\(d.message[lang]) [\(d.ruleID)]"
            for l in d.line...last {
                let count = lines[l - 1].unicodeScalars.count
                let start = l == d.line ? d.column : 1
                // A span that runs on past its line's end is marked to the end of the line.
                let end = l == last && d.endLine == l ? d.endColumn : count + 1
                marks[l, default: []].append(.init(start: start, end: max(end, start), severity: d.severity,
                                                   id: l == d.line ? "m\(file)-\(k)" : nil, title: title))
            }
        }
        var html = "<div class=\"draft\">\n<div class=\"text\" aria-label=\"\(lang == .zh ? "草稿全文" : "the draft's text")\">\n"
        for (i, line) in lines.enumerated() {
            let n = i + 1
            let scalars = Array(line.unicodeScalars)
            let hit = marks[n] != nil
            html += "<div class=\"l\(hit ? " hit" : "")\" id=\"L\(file)-\(n)\"><a class=\"n\" href=\"#L\(file)-\(n)\">\(n)</a>"
                + "<span class=\"t\">\(HTMLPage.line(scalars, window: 0..<scalars.count, marks: marks[n] ?? []))</span></div>\n"
        }
        html += "</div>\n<aside class=\"side\">\n<h3>\(lang == .zh ? "问题" : "Findings") (\(diagnostics.count))</h3>\n"
        if diagnostics.isEmpty {
            html += "<p>\(lang == .zh ? "未发现问题。" : "No findings.")</p>\n"
        } else {
            html += "<ol class=\"findings\">\n"
            for (k, d) in diagnostics.enumerated() {
                html += reporter.finding(d, id: "f\(file)-\(k)", target: placed.contains(k) ? "m\(file)-\(k)" : nil, line: nil)
            }
            html += "</ol>\n"
        }
        return html + "</aside>\n</div>\n"
    }
}
