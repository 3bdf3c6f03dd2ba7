/// The pieces of the HTML page (`HTMLReporter`): escaping, the style sheet, a line of a draft with spans
/// marked. Everything from a draft or a file name passes through `text` or `attribute`; the page has no
/// script, and its Content-Security-Policy forbids every script and every resource from outside, so a draft
/// holding `<script>` shows the words and runs nothing.
enum HTMLPage {
    /// Element content: markup characters as entities; controls and direction overrides (which would
    /// reorder what the reader sees) shown as visible escapes in a span; characters HTML cannot hold as U+FFFD.
    static func text(_ s: String) -> String {
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars { append(u, to: &r, markup: true) }
        return r
    }

    /// An attribute value (always written in double quotes): as `text`, the escapes as plain characters.
    static func attribute(_ s: String) -> String {
        var r = ""
        for u in s.unicodeScalars { append(u, to: &r, markup: false) }
        return r
    }

    private static func append(_ u: Unicode.Scalar, to r: inout String, markup: Bool) {
        switch u {
        case "&": r += "&amp;"
        case "<": r += "&lt;"
        case ">": r += "&gt;"
        case "\"": r += "&quot;"
        case "'": r += "&#39;"
        case "\t": r += markup ? "\t" : " "
        case _ where u.value == 0 || (0xFDD0...0xFDEF).contains(u.value) || u.value & 0xFFFE == 0xFFFE: r += "\u{FFFD}"
        default:
            if let e = TerminalText.escape(u) {
                r += markup ? "<span class=\"esc\">\(e)</span>" : e
            } else {
                r.unicodeScalars.append(u)
            }
        }
    }

    /// A marked stretch of a line: columns are 1-based Unicode scalar positions, `end` exclusive (as in
    /// `Diagnostic`); `start == end` marks a point.
    struct Mark {
        var start: Int
        var end: Int
        var severity: Severity
        /// The id the first piece of the mark carries (a link target), if any.
        var id: String?
        var title: String?
    }

    /// The scalars `window` of a line (0-based, end exclusive) with `marks` wrapped in `<mark>`. Overlapping
    /// marks split the text into pieces; each piece shows the most serious mark over it.
    static func line(_ scalars: [Unicode.Scalar], window: Range<Int>, marks: [Mark]) -> String {
        var cuts = Set([window.lowerBound, window.upperBound])
        let clipped = marks.map { m -> (mark: Mark, range: Range<Int>) in
            let s = min(max(m.start - 1, window.lowerBound), window.upperBound)
            let e = min(max(m.end - 1, s), window.upperBound)
            cuts.insert(s); cuts.insert(e)
            return (m, s..<e)
        }
        let points = cuts.sorted()
        var html = ""
        for (k, from) in points.enumerated() {
            for p in clipped where p.range.isEmpty && p.range.lowerBound == from {
                html += "<mark class=\"pt \(p.mark.severity.rawValue)\"\(idTitle(p.mark.id, p.mark.title))></mark>"
            }
            guard k + 1 < points.count else { break }
            let piece = text(String(String.UnicodeScalarView(scalars[from..<points[k + 1]])))
            let over = clipped.filter { !$0.range.isEmpty && $0.range.contains(from) }
            guard let top = over.max(by: { $0.mark.severity < $1.mark.severity }) else { html += piece; continue }
            // The marks that start here: the first one's id goes on the piece, any other's on an empty span.
            let starting = over.filter { $0.range.lowerBound == from }
            for extra in starting.dropFirst() { html += "<span\(idTitle(extra.mark.id, nil))></span>" }
            html += "<mark class=\"\(top.mark.severity.rawValue)\"\(idTitle(starting.first?.mark.id, top.mark.title))>\(piece)</mark>"
        }
        return html
    }

    private static func idTitle(_ id: String?, _ title: String?) -> String {
        (id.map { " id=\"\(attribute($0))\"" } ?? "") + (title.map { " title=\"\(attribute($0))\"" } ?? "")
    }

    /// The scalars of a line to show around a span: about 40 before and 80 after, so that a long paragraph
    /// stays a readable excerpt.
    static func excerptWindow(count: Int, column: Int, endColumn: Int) -> Range<Int> {
        let start = min(max(column - 1, 0), count)
        let end = min(max(endColumn - 1, start), count)
        return max(0, start - 40)..<min(count, end + 80)
    }

    static let head = """
        <!DOCTYPE html>
        <html lang="%LANG%">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="xxgk-lint">
        <title>%TITLE%</title>
        <style>
        :root{--err:#c62828;--warn:#b26a00;--note:#1565c0;--ok:#2e7d32;--line:#e3e3e3;--muted:#666}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.6 system-ui,"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:#222;background:#fafafa}
        header.top{padding:14px 24px;background:#263238;color:#fff}
        header.top h1{margin:0;font-size:20px}
        header.top nav a{color:#cfd8dc;margin-right:16px;font-size:14px}
        main{display:flex;flex-direction:column;gap:18px;padding:18px 24px}
        #overview{order:-1}
        section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 18px}
        h2{font-size:18px;margin:0 0 10px}
        h3{font-size:16px;margin:16px 0 6px}
        section>h3:first-child{margin-top:0}
        .muted{color:var(--muted);font-size:13px}
        .verdict{display:inline-block;padding:0 8px;border-radius:10px;font-size:13px;color:#fff;white-space:nowrap}
        .verdict.ready{background:var(--ok)}.verdict.needs-fixes{background:var(--err)}.verdict.unreadable{background:#757575}
        .stats{display:flex;gap:12px;flex-wrap:wrap;margin:6px 0 10px}
        .stat{border:1px solid var(--line);border-radius:6px;padding:6px 14px;min-width:110px}
        .stat b{display:block;font-size:22px}
        table{border-collapse:collapse;font-size:13px}
        th,td{border:1px solid var(--line);padding:3px 7px;text-align:left;vertical-align:top}
        th{background:#f3f5f7;font-weight:600}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        td.nw{white-space:nowrap}
        .scroll{overflow-x:auto;max-width:100%}
        table.matrix th.rule{writing-mode:vertical-rl;white-space:nowrap;font-family:ui-monospace,monospace;font-weight:500;padding:6px 2px}
        table.matrix td.c{text-align:center;min-width:26px;font-variant-numeric:tabular-nums}
        td.c.error{background:#fde0dc;color:var(--err);font-weight:600}
        td.c.warning{background:#fff1d6;color:var(--warn)}
        td.c.note{background:#e3effd;color:var(--note)}
        .bars{display:grid;grid-template-columns:max-content minmax(120px,1fr) max-content;gap:3px 10px;align-items:center;font-size:13px}
        .bars code{font-size:12px}
        .bar{height:12px;border-radius:2px}
        .bar.error{background:var(--err)}.bar.warning{background:#f0a020}.bar.note{background:#64a0e0}
        ol.findings{margin:6px 0 0;padding-left:2.4em}
        ol.findings li{margin:0 0 8px}
        .sev{font-weight:600}.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.note{color:var(--note)}
        code.rule{color:var(--muted);font-size:12px}
        .snip{margin:3px 0 0;padding:4px 8px;background:#f6f7f8;border-left:3px solid #cfd8dc;white-space:pre-wrap;word-break:break-all;font-size:14px}
        .fix{font-size:13px;color:var(--ok)}
        .related{font-size:13px;color:var(--muted);margin:2px 0 0;padding-left:18px}
        ol.findings .related li{margin:0}
        mark{border-radius:2px;padding:0 1px;color:inherit}
        mark.error{background:#ffcdd2;border-bottom:2px solid var(--err)}
        mark.warning{background:#ffe9b3;border-bottom:2px solid #f0a020}
        mark.note{background:#d6e6fb;border-bottom:2px solid #64a0e0}
        mark.pt{display:inline-block;width:0;height:1.1em;vertical-align:text-bottom;padding:0;border-left:3px solid var(--err)}
        mark.pt.warning{border-left-color:#f0a020}mark.pt.note{border-left-color:#64a0e0}
        mark:target,li:target{outline:3px solid #263238;outline-offset:1px}
        .esc{font-family:ui-monospace,monospace;font-size:12px;background:#eee;color:#a00;border-radius:2px}
        article.report{border-top:1px solid var(--line);padding:10px 0}
        article.report:first-of-type{border-top:0}
        .draft{display:grid;grid-template-columns:minmax(0,1fr) minmax(300px,38%);gap:18px;align-items:start}
        .text{font-size:15px;line-height:1.75;border:1px solid var(--line);border-radius:4px;background:#fff}
        .text .l{display:grid;grid-template-columns:3.2em minmax(0,1fr);border-bottom:1px solid #f4f4f4}
        .text .l.hit{background:#fffbea}
        .text .n{color:#999;text-align:right;padding-right:8px;font-size:12px;text-decoration:none;user-select:none;font-variant-numeric:tabular-nums}
        .text .t{white-space:pre-wrap;word-break:break-all;padding-right:8px;unicode-bidi:isolate}
        .side{position:sticky;top:0;max-height:100vh;overflow-y:auto}
        .side ol.findings li{padding:4px 6px;border-radius:4px}
        a{color:#1565c0}
        </style>
        </head>
        <body>

        """
}
