/// Finds the report inside a government web page: the article body among navigation, breadcrumbs, the
/// meta table (索引号、发布机构、发布日期…), share buttons and footers; the page's title; and the
/// publication facts from the meta table.
enum HTMLArticle {
    /// id/class fragments that content-management systems used by Chinese government sites give the
    /// article body (TRS WCM: TRS_Editor; Hanweb: Custom_UnionStyle, zoom; and the generic ones).
    static let contentHints = [
        "trs_editor", "custom_unionstyle", "zoom", "contxt", "con_txt", "main-text", "main_text", "maintext",
        "article", "content", "detail", "view", "text",
    ]
    /// Fragments that mark page chrome even when a content hint also matches ("content-nav").
    static let chromeHints = ["nav", "menu", "footer", "header", "share", "crumb", "position", "location", "sidebar",
                              "print", "fenxiang", "toolbar"]
    /// Text and inline or paragraph elements, whose CJK count goes to their parent when the container is
    /// chosen by where the text lies (with data tables, not layout tables).
    static let countedForParent: Set<String> = ["", "p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "font", "strong", "b",
                                                "ul", "ol", "pre", "blockquote", "center"]

    /// The element holding the article body.
    ///
    /// First choice: an element whose id or class suggests content and which holds at least 40% of the
    /// page's Chinese text — and, among nested ones, the innermost that still holds 70% of the outermost's
    /// text (so "content" wrapping a meta table and "TRS_Editor" yields TRS_Editor). Otherwise, the
    /// element whose own paragraphs, data tables and text hold the most Chinese characters. Otherwise `<body>`,
    /// or the whole page when it has no `<body>`.
    /// `counts` are the tree's `cjkCounts()`.
    static func container(in tree: HTMLTree, counts: [Int]) -> Int {
        let body = tree.elements(named: "body").first ?? 0
        let total = counts[body]
        guard total > 0 else { return body }

        let named = tree.nodes.indices.filter { i in
            counts[i] * 10 >= total * 4 && !tree.nodes[i].name.isEmpty && hasContentHint(tree, i)
        }
        if let outer = named.max(by: { counts[$0] < counts[$1] }) {
            let inner = named.filter { $0 == outer || (tree.isAncestor(outer, of: $0) && counts[$0] * 10 >= counts[outer] * 7) }
            return inner.min(by: { counts[$0] < counts[$1] }) ?? outer
        }

        // A data table counts for its parent; a layout table does not (it would carry the page up to <body>).
        var scores = Array(repeating: 0, count: tree.nodes.count)
        for i in tree.nodes.indices where tree.nodes[i].parent >= 0
            && (tree.isElement(i, Self.countedForParent) || (tree.nodes[i].name == "table" && !tree.isLayoutTable(i))) {
            scores[tree.nodes[i].parent] += counts[i]
        }
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] > 0 else { return body }
        return best
    }

    /// Page chrome inside the chosen container — share buttons, breadcrumbs, a print link — that the text
    /// view leaves out: elements whose id or class says so and which hold little text (a long one is
    /// probably content with an unlucky class name).
    static func chrome(in tree: HTMLTree, under container: Int, counts: [Int]) -> Set<Int> {
        return Set(tree.nodes.indices.filter { i in
            i > container && counts[i] < 100
                && labelTokens(tree, i).contains { token in chromeHints.contains { token.contains($0) } }
                && tree.isAncestor(container, of: i)
        })
    }

    private static func hasContentHint(_ tree: HTMLTree, _ node: Int) -> Bool {
        labelTokens(tree, node).contains { token in
            contentHints.contains { token.contains($0) } && !chromeHints.contains { token.contains($0) }
        }
    }

    private static func labelTokens(_ tree: HTMLTree, _ node: Int) -> [Substring] {
        let labels = ((tree.attribute(node, "id") ?? "") + " " + (tree.attribute(node, "class") ?? "")).lowercased()
        return labels.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    }

    /// The page title: the first `<h1>` or `<title>` (with the site name after "_", "|", "-"… cut off)
    /// that names a 报告, else the first `<h1>`, else the cleaned `<title>`.
    static func title(in tree: HTMLTree) -> String? {
        let headings = tree.elements(named: "h1").filter { !tree.isHidden($0) }.map { tree.textContent($0) }.filter { !$0.isEmpty }
        let pageTitle = tree.elements(named: "title").first.map { cleanTitle(plainText(tree, $0)) }.flatMap { $0.isEmpty ? nil : $0 }
        let candidates = headings + (pageTitle.map { [$0] } ?? [])
        return candidates.first { $0.contains("报告") } ?? candidates.first
    }

    /// "某县2023年政府信息公开工作年度报告_某县人民政府网" → the segment naming the report (or the first).
    static func cleanTitle(_ title: String) -> String {
        var segments = [title]
        for separator in ["_", "|", "｜", " - ", "－", "—", " – "] {
            segments = segments.flatMap { $0.components(separatedBy: separator) }
        }
        let trimmed = segments.map(LineAssembly.trim).filter { !$0.isEmpty }
        return trimmed.first { $0.contains("报告") } ?? trimmed.first ?? ""
    }

    /// The raw text of an element that is invisible on the page (such as `<title>`), white space collapsed.
    private static func plainText(_ tree: HTMLTree, _ node: Int) -> String {
        let raw = tree.nodes[node].children.map { tree.nodes[$0].text }.joined()
        return raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether the text view already begins with the title (ignoring white space).
    ///
    /// `containsText`, not Foundation's `contains`: the latter traps when the needle ends in a NUL
    /// and is longer than the haystack (`"年".contains("年\u{0}")`), and the title is page text.
    static func startsWithTitle(_ lines: [DocumentLine], title: String) -> Bool {
        guard let first = lines.first(where: { !LineAssembly.isBlank($0) }) else { return false }
        let squeeze = { (s: String) in s.filter { !$0.isWhitespace } }
        return squeeze(first.text).containsText(squeeze(title))
    }
}
