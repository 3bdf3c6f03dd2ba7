/// Loads `.html`/`.htm` pages as saved from a government website (the published report, or a draft
/// pasted into a CMS and saved back out).
///
/// The page is decoded from its declared charset (`HTMLCharset`), parsed by a tolerant tokenizer and tree
/// builder (`HTMLTree`; real pages are not well-formed, so no XML parser), reduced to the article body
/// (`HTMLArticle`: navigation, meta tables, share buttons and footers left out), and rendered like a
/// browser would lay it out (`HTMLRenderer`): one line per paragraph, heading or `<br>`-separated line,
/// one line per table row with cells joined by a tab. If the body does not begin with the page title,
/// the title (`<h1>`, or `<title>` without the site name) is added as the first line. The publication
/// date and publishing body from the meta table go into `DocumentMetadata`.
///
/// **Line numbers** in diagnostics for an HTML file refer to this text view — the lines that
/// `xxgk-lint text FILE` prints — not to lines of the HTML source, which rarely correspond to anything
/// a reader sees (many pages are a single source line).
public struct HTMLLoader: Loader {
    public static let formats: [InputFormat] = [.html]
    public init() {}

    public func load(_ bytes: [UInt8], path: String, limits: LoadLimits) throws(LoadError) -> Document {
        let (text, encoding) = try HTMLCharset.decode(bytes)
        let tree = HTMLTree(parsing: Array(text.utf8), maxDepth: limits.maxNestingDepth)
        let counts = tree.cjkCounts()
        let container = HTMLArticle.container(in: tree, counts: counts)
        var renderer = HTMLRenderer(tree: tree, skipped: HTMLArticle.chrome(in: tree, under: container, counts: counts))
        renderer.render(container)
        var lines = LineAssembly.collapseBlankLines(renderer.finish())
        if lines.isEmpty { throw .noText("the page contains no visible text") }
        if let title = HTMLArticle.title(in: tree), !HTMLArticle.startsWithTitle(lines, title: title) {
            lines.insert(DocumentLine(title, kind: .heading(level: 1)), at: 0)
        }
        let facts = HTMLPageFacts.metadata(of: tree)
        return Document(path: path, format: .html, lines: lines,
                        metadata: DocumentMetadata(encoding: encoding, publicationDate: facts.date, publisher: facts.publisher))
    }
}
