/// A forgiving element tree for saved web pages, which are rarely well-formed: unclosed `<p>`, `<li>`,
/// `<td>` and `<tr>` are closed the way browsers close them, stray end tags are ignored, and an end tag
/// never reaches out of a table cell to close an element outside it. Nodes live in one array (children
/// always after their parent), which keeps the tree a value type and makes bottom-up passes a reverse loop.
/// Nesting deeper than the limit is flattened (the deeper elements become siblings), never refused.
struct HTMLTree {
    struct Node {
        /// Lowercased element name; "" for a text node, "#document" for the root.
        var name: String
        var attributes: [(name: String, value: String)] = []
        var text = ""
        var children: [Int] = []
        var parent: Int
        /// One of `HTMLTree.invisible` (looked up once, when the element is read).
        var invisible = false
        /// Invisible or inside an invisible element.
        var hidden = false
    }

    private(set) var nodes: [Node] = [Node(name: "#document", parent: -1)]
    /// The tables laid out for the page rather than holding data (`isLayoutTable`), found once after parsing:
    /// both the choice of the article and its rendering ask, and the answer reads the text of every cell.
    private(set) var layoutTables: Set<Int> = []

    /// Elements whose content a reader never sees on the page.
    static let invisible: Set<String> = [
        "head", "title", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
        "select", "button", "textarea", "map", "video", "audio", "meta", "link",
    ]
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "basefont", "bgsound", "frame", "keygen",
    ]
    /// Opening one of these closes an open `<p>` (as in browsers).
    private static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "div", "dl", "fieldset", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
    ]
    private static let tableParts: Set<String> = ["table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"]
    private static let cellBoundaries: Set<String> = ["table", "td", "th", "caption"]
    // What an opening tag implicitly closes (the targets) unless an element of the boundary comes first.
    // Made once: as literals in `closeImplied`, two Sets were built and hashed for every tag of the page.
    private static let paragraphCloser: (targets: Set<String>, boundary: Set<String>) = (["p"], cellBoundaries.union(["button"]))
    private static let listItemCloser: (targets: Set<String>, boundary: Set<String>) = (["li"], ["ul", "ol", "table", "td", "th"])
    private static let definitionCloser: (targets: Set<String>, boundary: Set<String>) = (["dt", "dd"], ["dl", "table", "td", "th"])
    private static let cellCloser: (targets: Set<String>, boundary: Set<String>) = (["td", "th"], ["tr", "table"])
    private static let rowCloser: (targets: Set<String>, boundary: Set<String>) = (["tr"], ["table"])
    private static let sectionCloser: (targets: Set<String>, boundary: Set<String>) = (["thead", "tbody", "tfoot"], ["table"])
    /// The blocks whose count in a table cell tells a page laid out in a table (`isLayoutTable`).
    private static let layoutBlocks: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"]

    init(parsing utf8: [UInt8], maxDepth: Int) {
        var scanner = MarkupScanner(utf8: utf8, dialect: .html)
        var stack = [0]
        while let token = scanner.next() {
            switch token {
            case .doctype: break
            case .text(let text):
                let parent = stack[stack.count - 1]
                if let last = nodes[parent].children.last, nodes[last].name.isEmpty {
                    nodes[last].text += text
                } else {
                    append(Node(name: "", text: text, parent: parent))
                }
            case .start(let tag):
                closeImplied(by: tag.name, stack: &stack)
                let index = append(Node(name: tag.name, attributes: tag.attributes, parent: stack[stack.count - 1],
                                        invisible: Self.invisible.contains(tag.name)))
                if !tag.selfClosing, !Self.void.contains(tag.name), stack.count < maxDepth { stack.append(index) }
            case .end(let name):
                if name == "br" {
                    append(Node(name: "br", parent: stack[stack.count - 1]))
                } else if let depth = openElement(name, in: stack) {
                    stack.removeSubrange(depth...)
                }
            }
        }
        layoutTables = Set(nodes.indices.filter { nodes[$0].name == "table" && looksLaidOut($0) })
    }

    @discardableResult
    private mutating func append(_ node: Node) -> Int {
        var node = node
        node.hidden = node.invisible || nodes[node.parent].hidden
        nodes.append(node)
        nodes[node.parent].children.append(nodes.count - 1)
        return nodes.count - 1
    }

    /// Pops the elements a new `name` element implicitly closes.
    private func closeImplied(by name: String, stack: inout [Int]) {
        let closes: (targets: Set<String>, boundary: Set<String>)?
        switch name {
        case _ where Self.closesParagraph.contains(name): closes = Self.paragraphCloser
        case "li": closes = Self.listItemCloser
        case "dt", "dd": closes = Self.definitionCloser
        case "td", "th": closes = Self.cellCloser
        case "tr": closes = Self.rowCloser
        case "thead", "tbody", "tfoot": closes = Self.sectionCloser
        default: closes = nil
        }
        guard let closes else { return }
        var i = stack.count - 1
        while i > 0 {
            let open = nodes[stack[i]].name
            if closes.targets.contains(open) { stack.removeSubrange(i...); return }
            if closes.boundary.contains(open) { return }
            i -= 1
        }
    }

    /// The stack position of the open element an end tag closes, not reaching out of a table cell
    /// (unless the end tag is itself a table part).
    private func openElement(_ name: String, in stack: [Int]) -> Int? {
        var i = stack.count - 1
        while i > 0 {
            let open = nodes[stack[i]].name
            if open == name { return i }
            if !Self.tableParts.contains(name), Self.cellBoundaries.contains(open) { return nil }
            i -= 1
        }
        return nil
    }

    // MARK: - Queries

    func attribute(_ node: Int, _ name: String) -> String? {
        nodes[node].attributes.first { $0.name == name }?.value
    }

    func isElement(_ node: Int, _ names: Set<String>) -> Bool { names.contains(nodes[node].name) }

    /// A table cell, `<td>` or `<th>`.
    func isCell(_ node: Int) -> Bool { nodes[node].name == "td" || nodes[node].name == "th" }

    /// Element nodes named `name`, in document order.
    func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].name == name }
    }

    /// Whether `node` lies inside an invisible element (or is one).
    func isHidden(_ node: Int) -> Bool { nodes[node].hidden }

    func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        var i = nodes[node].parent
        while i >= 0 {
            if i == ancestor { return true }
            i = nodes[i].parent
        }
        return false
    }

    /// The visible text under a node, white space collapsed.
    func textContent(_ node: Int) -> String {
        var renderer = HTMLRenderer(tree: self, flattenTables: true)
        renderer.render(node)
        return LineAssembly.joinSoft(renderer.finish().map(\.text))
    }

    /// The rows of a table (directly or in thead/tbody/tfoot), not those of nested tables.
    func rows(of table: Int) -> [Int] {
        nodes[table].children.flatMap { child -> [Int] in
            switch nodes[child].name {
            case "tr": return [child]
            case "thead", "tbody", "tfoot": return nodes[child].children.filter { nodes[$0].name == "tr" }
            default: return []
            }
        }
    }

    /// A table is for layout, not data, when a cell holds another table, a long passage, or several
    /// paragraphs (an article laid out in a cell). A statutory table's cells hold a label or a number.
    func isLayoutTable(_ table: Int) -> Bool { layoutTables.contains(table) }

    private func looksLaidOut(_ table: Int) -> Bool {
        for row in rows(of: table) {
            for cell in nodes[row].children where isCell(cell) {
                if containsTable(cell) { return true }
                // The visible text has at most twice the scalars of the text under the cell (collapsing white space
                // only shortens it; one space at most joins two pieces), so most cells are decided without it.
                if 2 * scalarsUnder(cell) > 300, textContent(cell).count > 300 { return true }
                // Three paragraphs or more, one of a sentence's length: a page laid out in a table. A label wrapped by hand into
                // short paragraphs (“社会</p><p>公益</p><p>组织”, “三、本</p><p>年度办</p><p>理结果”) is one data cell.
                let blocks = nodes[cell].children.filter { Self.layoutBlocks.contains(nodes[$0].name) }
                guard blocks.count >= 3 else { continue }
                let lengths = blocks.lazy.map { self.textContent($0).count }.filter { $0 > 0 }
                var count = 0, total = 0, longest = 0
                for length in lengths { count += 1; total += length; longest = max(longest, length) }
                if count >= 3, total >= 60 || longest >= 15 { return true }
            }
        }
        return false
    }

    /// The Unicode scalars of all text under `node`, hidden or not.
    private func scalarsUnder(_ node: Int) -> Int {
        nodes[node].children.reduce(0) { sum, child in
            sum + (nodes[child].name.isEmpty ? nodes[child].text.unicodeScalars.count : scalarsUnder(child))
        }
    }

    private func containsTable(_ node: Int) -> Bool {
        nodes[node].children.contains { nodes[$0].name == "table" || containsTable($0) }
    }

    /// For every node, the count of CJK characters in its visible text (text in invisible elements counts 0).
    func cjkCounts() -> [Int] {
        var counts = Array(repeating: 0, count: nodes.count)
        for i in nodes.indices.reversed() where !nodes[i].hidden {
            let node = nodes[i]
            if node.name.isEmpty { counts[i] = node.text.unicodeScalars.reduce(0) { $0 + (LineAssembly.isCJK($1) ? 1 : 0) } }
            if node.parent >= 0 { counts[node.parent] += counts[i] }
        }
        return counts
    }
}
