/// The overview at the top of the HTML page (written last, from the tallies): totals and verdicts, the
/// reports × rules matrix, findings per rule as bars, year-on-year pairs, and the files that could not be
/// read. For a single draft only what makes sense for one: its verdict, the bars, an unreadable file.
struct HTMLOverview {
    let reporter: HTMLReporter
    let tallies: [FileTally]
    let failures: [FileTally]

    var lang: Language { reporter.lang }
    var zh: Bool { lang == .zh }

    /// The folder every report is in (up to its last `/`), left out of the paths in the tables, so that a
    /// batch under a long folder keeps its rows short; "" when there is none.
    let folder: String

    init(reporter: HTMLReporter, tallies: [FileTally], failures: [FileTally]) {
        self.reporter = reporter
        self.tallies = tallies
        self.failures = failures
        var common: Substring? = nil
        for t in tallies + failures {
            common = common.map { $0.prefix(zip($0, t.path).prefix { $0 == $1 }.count) } ?? Substring(t.path)
        }
        folder = tallies.count + failures.count > 1 ? common?.lastIndex(of: "/").map { String(common![...$0]) } ?? "" : ""
    }

    func shortPath(_ path: String, _ folder: String) -> String {
        HTMLPage.text(path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path)
    }

    func render(_ totals: LintTotals) -> String {
        let rules = RuleTotals(tallies, catalogue: reporter.options.descriptors)
        var html = "<section id=\"overview\">\n<h2>\(zh ? "概览" : "Overview")</h2>\n<div class=\"stats\">\n"
        let count = { (v: Verdict) in tallies.filter { $0.verdict == v }.count }
        let stats: [(String, Int, String?)] = [
            (zh ? "报告" : "reports", tallies.count, nil),
            (Verdict.ready.label(lang), count(.ready), Verdict.ready.rawValue),
            (Verdict.needsFixes.label(lang), count(.needsFixes), Verdict.needsFixes.rawValue),
            (Verdict.unreadable.label(lang), failures.count, Verdict.unreadable.rawValue),
            (zh ? "错误" : "errors", totals.errors, "error"), (zh ? "警告" : "warnings", totals.warnings, "warning"),
            (zh ? "提示" : "notes", totals.notes, "note"),
        ]
        for (label, n, kind) in stats {
            html += "<div class=\"stat\"\(kind.map { " data-kind=\"\($0)\"" } ?? "")><b>\(n)</b>\(label)</div>\n"
        }
        html += "</div>\n<p class=\"muted\">\(HTMLPage.text(Verdict.rule(lang)))</p>\n"
        if tallies.count > 1 { html += matrix(rules) }
        if !rules.rows.isEmpty { html += bars(rules) }
        if tallies.count > 1 { html += pairs() }
        if !failures.isEmpty { html += unreadable() }
        return html + "</section>\n"
    }

    /// Reports × rules: the rules that found something, most frequent first; a cell is the count, coloured by
    /// the most serious finding.
    func matrix(_ rules: RuleTotals) -> String {
        let names = Dictionary(reporter.options.descriptors.map { ($0.id, $0.name[lang]) }, uniquingKeysWith: { a, _ in a })
        var html = "<h3>\(zh ? "报告 × 规则" : "Reports × rules")</h3>\n"
        if !folder.isEmpty { html += "<p class=\"muted\">\(zh ? "文件均在" : "All files are in") \(HTMLPage.text(folder))</p>\n" }
        html += "<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr>"
        html += "<th>\(zh ? "报告" : "Report")</th><th>\(zh ? "结论" : "Verdict")</th><th>\(zh ? "机关" : "Body")</th><th>\(zh ? "年度" : "Year")</th>"
        html += [Severity.error, .warning, .note].map { "<th>\($0.label(lang))</th>" }.joined()
        for r in rules.rows {
            html += "<th class=\"rule\" title=\"\(HTMLPage.attribute(names[r.id] ?? r.id))\">\(HTMLPage.text(r.id))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (n, t) in tallies.enumerated() {
            html += "<tr data-path=\"\(HTMLPage.attribute(t.path))\"><td class=\"nw\"><a href=\"#r\(n)\">\(shortPath(t.path, folder))</a></td>"
                + "<td>\(reporter.verdict(t.verdict))</td><td class=\"nw\">\(HTMLPage.text(t.body ?? ""))</td><td>\(t.year.map(String.init) ?? "")</td>"
                + "<td class=\"n\">\(t.errors)</td><td class=\"n\">\(t.warnings)</td><td class=\"n\">\(t.notes)</td>"
            for r in rules.rows {
                if let c = t.byRule[r.id] {
                    html += "<td class=\"c \(c.severity.rawValue)\" data-rule=\"\(HTMLPage.attribute(r.id))\">\(c.count)</td>"
                } else {
                    html += "<td class=\"c\" data-rule=\"\(HTMLPage.attribute(r.id))\"></td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    /// Findings per rule as horizontal bars (CSS widths, no script), with how many reports have them.
    func bars(_ rules: RuleTotals) -> String {
        let names = Dictionary(reporter.options.descriptors.map { ($0.id, $0.name[lang]) }, uniquingKeysWith: { a, _ in a })
        let most = max(rules.rows.map(\.count).max() ?? 1, 1)
        var html = "<h3>\(zh ? "各规则的问题数" : "Findings per rule")</h3>\n<div class=\"bars\">\n"
        for r in rules.rows {
            let percent = max(1, r.count * 100 / most)
            let label = zh ? "\(r.count) 处 · \(r.reports) 份报告" : "\(r.count) in \(r.reports) report\(r.reports == 1 ? "" : "s")"
            html += "<div><code>\(HTMLPage.text(r.id))</code> \(HTMLPage.text(names[r.id] ?? ""))</div>"
                + "<div><div class=\"bar \(r.severity.rawValue)\" style=\"width:\(percent)%\" data-rule=\"\(HTMLPage.attribute(r.id))\" data-count=\"\(r.count)\"></div></div>"
                + "<div class=\"muted\">\(label)</div>\n"
        }
        return html + "</div>\n"
    }

    /// The same body's reports of consecutive years side by side.
    func pairs() -> String {
        let index = Dictionary(tallies.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        let found = YearPairs.pairs(tallies)
        var html = "<h3>\(zh ? "逐年对照" : "Year on year")</h3>\n"
        guard !found.isEmpty else {
            return html + "<p class=\"muted\">\(zh ? "本批没有同一机关相邻两个年度的报告。" : "No body has reports of two consecutive years in this batch.")</p>\n"
        }
        html += "<p class=\"muted\">\(zh ? "同一机关相邻两个年度的报告（按识别出的机关名称和年度配对）。" : "The same body's reports of consecutive years (paired by the body and year read from each).")</p>\n"
        html += "<table class=\"pairs\"><thead><tr><th>\(zh ? "机关" : "Body")</th><th>\(zh ? "上一年度" : "Earlier year")</th><th>\(zh ? "下一年度" : "Following year")</th></tr></thead><tbody>\n"
        for (a, b) in found {
            html += "<tr><td>\(HTMLPage.text(b.body ?? ""))</td><td>\(cell(a, index[a.path]))</td><td>\(cell(b, index[b.path]))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func cell(_ t: FileTally, _ n: Int?) -> String {
        let name = shortPath(t.path, folder)
        let link = n.map { "<a href=\"#r\($0)\">\(name)</a>" } ?? name
        let counts = [Severity.error, .warning, .note].map { "\($0.label(lang)) \(t.count($0))" }.joined(separator: " · ")
        return "\(t.year.map(String.init) ?? "") \(reporter.verdict(t.verdict)) \(link)<br><span class=\"muted\">\(counts)</span>"
    }

    func unreadable() -> String {
        var html = "<h3>\(zh ? "无法读取的文件" : "Files that could not be read")</h3>\n<table class=\"failures\"><thead><tr>"
            + "<th>\(zh ? "文件" : "File")</th><th>\(zh ? "原因" : "Reason")</th></tr></thead><tbody>\n"
        for f in failures {
            html += "<tr><td>\(HTMLPage.text(f.path))</td><td>\(HTMLPage.text(f.failure ?? ""))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}

extension FileTally {
    func count(_ s: Severity) -> Int {
        switch s {
        case .error: errors
        case .warning: warnings
        case .note: notes
        }
    }
}
