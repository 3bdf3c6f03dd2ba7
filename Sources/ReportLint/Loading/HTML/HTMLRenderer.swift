/// Renders part of an `HTMLTree` as lines of the text view, the way a browser lays the page out:
/// block elements and `<br>` end lines, `<h1>`…`<h6>` become heading lines, white space collapses, and
/// each row of a data table becomes one line of tab-joined cells on the table's grid (`colspan`: the text
/// once, then empty cells; `rowspan`: empty cells in the rows below). Layout tables — those holding
/// another table or a long passage in a cell — are read as ordinary blocks. A run of white space that
/// contains a line end vanishes between two Chinese characters (source line wrapping, as in Firefox);
/// other runs become one space, so a spaced-out title (报  告) stays visible to the rules.
struct HTMLRenderer {
    private enum PendingSpace { case none, space, lineBreak }

    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "li", "main", "menu", "nav",
        "ol", "p", "pre", "section", "summary", "ul", "caption", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "body", "html",
    ]
    /// Grid cells one table may expand to through its spans; beyond this, spans are ignored.
    private static let maxGridCells = 1_000_000
    private static let maxColspan = 1000

    let tree: HTMLTree
    /// Inside a table cell, nested tables are flattened into running text.
    let flattenTables: Bool
    /// Nodes left out of the view (page chrome inside the article container).
    let skipped: Set<Int>
    private var nextTableID = 1
    private var lines: [DocumentLine] = []
    private var buffer = ""
    private var pending = PendingSpace.none
    private var preDepth = 0

    init(tree: HTMLTree, flattenTables: Bool = false, skipped: Set<Int> = []) {
        self.tree = tree
        self.flattenTables = flattenTables
        self.skipped = skipped
    }

    /// Ends the last line and returns all lines.
    mutating func finish() -> [DocumentLine] {
        flush()
        return lines
    }

    mutating func render(_ index: Int) {
        let node = tree.nodes[index]
        let name = node.name
        if name.isEmpty { return appendText(node.text) }
        if node.invisible || skipped.contains(index) { return }
        switch name {
        case "br":
            flush(force: true)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            renderChildren(index)
            flush(kind: .heading(level: Int(String(name.dropFirst())) ?? 1))
        case "table" where !flattenTables && !tree.isLayoutTable(index):
            flush()
            renderTable(index)
        case "p":
            flush()
            let before = lines.count
            renderChildren(index)
            flush(force: lines.count == before)
        case "pre":
            flush()
            preDepth += 1
            renderChildren(index)
            preDepth -= 1
            flush()
        case _ where Self.blocks.contains(name):
            flush()
            renderChildren(index)
            flush()
        default:
            renderChildren(index)
        }
    }

    private mutating func renderChildren(_ index: Int) {
        for child in tree.nodes[index].children { render(child) }
    }

    // MARK: - Text and lines

    private mutating func appendText(_ text: String) {
        for u in text.unicodeScalars {
            if preDepth > 0 {
                if u == "\n" { flush(force: true) } else if u != "\r" { buffer.unicodeScalars.append(u) }
                continue
            }
            if u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{0C}" || u == "\u{A0}" {
                if u == "\n" || u == "\r" { pending = .lineBreak } else if pending == .none { pending = .space }
                continue
            }
            if pending != .none, let last = buffer.unicodeScalars.last,
               !(pending == .lineBreak && LineAssembly.isCJK(last) && LineAssembly.isCJK(u)) {
                buffer += " "
            }
            pending = .none
            buffer.unicodeScalars.append(u)
        }
    }

    /// Ends the current line. An empty line is only kept when `force` (a `<br>` or an empty `<p>`).
    private mutating func flush(force: Bool = false, kind: DocumentLine.Kind = .paragraph) {
        let text = LineAssembly.trim(buffer)
        if !text.isEmpty {
            lines.append(DocumentLine(text, kind: kind))
        } else if force {
            lines.append(DocumentLine(""))
        }
        buffer = ""
        pending = .none
    }

    // MARK: - Tables

    private mutating func renderTable(_ table: Int) {
        for child in tree.nodes[table].children where tree.nodes[child].name == "caption" { render(child) }
        let rowNodes = tree.rows(of: table)
        var grid: [[String?]] = Array(repeating: [], count: rowNodes.count)
        var budget = Self.maxGridCells
        for (r, row) in rowNodes.enumerated() {
            var c = 0
            for cell in tree.nodes[row].children where tree.isCell(cell) {
                while c < grid[r].count, grid[r][c] != nil { c += 1 }
                let text = cellText(cell)
                var colspan = min(max(Int(tree.attribute(cell, "colspan") ?? "") ?? 1, 1), Self.maxColspan)
                let declaredRows = Int(tree.attribute(cell, "rowspan") ?? "") ?? 1
                var rowspan = declaredRows == 0 ? rowNodes.count - r : min(max(declaredRows, 1), rowNodes.count - r)
                if colspan * rowspan > budget { colspan = 1; rowspan = 1 }
                budget -= colspan * rowspan
                for rr in r..<(r + rowspan) {
                    for cc in c..<(c + colspan) {
                        if grid[rr].count <= cc { grid[rr] += Array(repeating: nil, count: cc + 1 - grid[rr].count) }
                        grid[rr][cc] = rr == r && cc == c ? text : ""
                    }
                }
                c += colspan
            }
        }
        let rows = grid.filter { !$0.isEmpty }.map { $0.map { $0 ?? "" } }
        guard !rows.isEmpty else { return }
        lines += LineAssembly.tableLines(rows, tableID: nextTableID)
        nextTableID += 1
    }

    private func cellText(_ cell: Int) -> String {
        var inner = HTMLRenderer(tree: tree, flattenTables: true, skipped: skipped)
        inner.renderChildren(cell)
        return LineAssembly.cellText(inner.finish().map(\.text))
    }
}
