/// The output of loading: the linearised text view of one input file.
///
/// Every loader (txt, md, docx, html, pdf) produces the same shape, so the reader and the rules never
/// care where a draft came from. For `.txt`/`.md` the lines are the file's own lines; for `.docx`,
/// `.html` and `.pdf` each paragraph or heading is one line and each table row is one line whose
/// cells are joined by a tab (DESIGN.md, "Locations"). `xxgk-lint text FILE` prints exactly `lines`.
public struct Document: Sendable {
    /// The path as the user gave it (used in diagnostics and SARIF `uri`).
    public var path: String
    public var format: InputFormat
    /// The linearised text view, one entry per line, in document order.
    public var lines: [DocumentLine]
    /// Facts a loader found outside the text: the publication date of a web page, the encoding, …
    public var metadata: DocumentMetadata
    /// The Word comments (批注) of a .docx and the lines they are anchored on.
    public var wordComments: [WordComment] = []

    public init(path: String, format: InputFormat, lines: [DocumentLine], metadata: DocumentMetadata = .init()) {
        self.path = path
        self.format = format
        self.lines = lines
        self.metadata = metadata
    }

    /// The text view as one string, lines joined by "\n".
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// One line of the linearised text view.
public struct DocumentLine: Sendable, Equatable {
    /// The line's text. For a table row from a structured format: the cells joined by "\t".
    public var text: String {
        get {
            switch content {
            case .string(let s): s
            case .scalars(let u): u.string
            }
        }
        set { content = .string(newValue) }
    }
    /// The text as the loader made it. The text loader hands over scalars, the form the reader works on, and the
    /// String is made only when asked (the engine quotes the few lines with a diagnostic): building a String for
    /// every line and decoding each back into scalars cost a tenth of a run.
    private var content: Content
    private enum Content: Sendable {
        case string(String)
        case scalars([Unicode.Scalar])
    }

    /// The line as scalars, so that offsets are columns (code points).
    var scalars: [Unicode.Scalar] {
        switch content {
        case .string(let s): s.scalars
        case .scalars(let u): u
        }
    }
    /// What the line is, where the loader knows it.
    public var kind: Kind
    /// For a table row from a structured format (docx, html): the cells, merged cells resolved into a grid
    /// (a cell spanning several grid columns repeats its text in `cells` only once, followed by empty
    /// strings, so that column positions line up with the header). `nil` for text formats, where the
    /// reader splits rows itself.
    public var cells: [String]?
    /// Lines of one table share an id (structured formats only).
    public var tableID: Int?
    /// For a .docx: where the line came from in word/document.xml, and the Word comments on it (see
    /// `DocxLineSource`); nil for other formats and for lines with neither.
    public internal(set) var docxSource: DocxLineSource?

    public enum Kind: Sendable, Equatable {
        /// Plain text line (txt/md) or a paragraph (docx/html/pdf).
        case paragraph
        /// A heading the source marked as such (Word heading style, `<h1>`…, Markdown `#`), with its level.
        case heading(level: Int)
        /// A row of a table the source marked as such (Word `w:tbl`, HTML `<table>`).
        case tableRow
    }

    public init(_ text: String, kind: Kind = .paragraph, cells: [String]? = nil, tableID: Int? = nil) {
        self.content = .string(text)
        self.kind = kind
        self.cells = cells
        self.tableID = tableID
    }

    /// A plain-text line given as scalars (`TextLoader`).
    init(scalars: [Unicode.Scalar]) {
        self.content = .scalars(scalars)
        self.kind = .paragraph
    }

    /// Equal texts (as Strings), kinds, cells and tables, whichever form the text is held in.
    public static func == (a: DocumentLine, b: DocumentLine) -> Bool {
        a.text == b.text && a.kind == b.kind && a.cells == b.cells && a.tableID == b.tableID
    }
}

/// Facts about the input besides its text.
public struct DocumentMetadata: Sendable, Equatable {
    /// The text encoding the file was decoded from ("UTF-8", "UTF-16LE", "GB18030", …).
    public var encoding: String?
    /// 发布日期 — the publication date found in a web page's meta table, `yyyy-mm-dd`.
    public var publicationDate: String?
    /// 发布机构 — the publishing body named in a web page's meta table.
    public var publisher: String?
    /// 作者 and 最后修改者 from a Word file's document properties (docProps/core.xml: dc:creator,
    /// cp:lastModifiedBy) — often the clerk who typed the draft. Not read from PDF files.
    public var author: String?
    public var lastModifiedBy: String?

    public init(encoding: String? = nil, publicationDate: String? = nil, publisher: String? = nil,
                author: String? = nil, lastModifiedBy: String? = nil) {
        self.encoding = encoding
        self.publicationDate = publicationDate
        self.publisher = publisher
        self.author = author
        self.lastModifiedBy = lastModifiedBy
    }
}

/// The input formats xxgk-lint reads, by file extension.
public enum InputFormat: String, Sendable, CaseIterable {
    case text = "txt"
    case markdown = "md"
    case docx
    case html
    case pdf

    /// The format for a path's extension, or nil for an unsupported one.
    public init?(path: String) {
        let ext: String
        if path.utf8.allSatisfy({ $0 < 0x80 }) {
            // An ASCII path (the usual one): the part after the last dot, trailing dots ignored, as `split`
            // gives it below, without building an array of every component (it runs twice for every file).
            let u = path.utf8
            var end = u.endIndex
            while end > u.startIndex, u[u.index(before: end)] == UInt8(ascii: ".") { end = u.index(before: end) }
            let start = u[..<end].lastIndex(of: UInt8(ascii: ".")).map { u.index(after: $0) } ?? u.startIndex
            ext = String(Substring(u[start..<end])).lowercased()
        } else {
            ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        }
        switch ext {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "docx": self = .docx
        case "html", "htm", "shtml", "xhtml": self = .html
        case "pdf": self = .pdf
        default: return nil
        }
    }
}
