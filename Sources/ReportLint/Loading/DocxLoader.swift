/// Loads Word `.docx` drafts — the format most clerks write in — with no third-party code: the zip
/// container is read by `ZipArchive` (zlib for DEFLATE), the XML parts by `DocxXML`, and
/// `DocxBodyReader` turns word/document.xml into the text view (one line per paragraph, one per table
/// row), with heading levels from word/styles.xml and list labels from word/numbering.xml.
///
/// Line N of the view is the N-th non-collapsed paragraph or table row of the document in order; that is
/// what `xxgk-lint text FILE` prints and what diagnostics point at.
public struct DocxLoader: Loader {
    public static let formats: [InputFormat] = [.docx]
    /// Keep where each character of the view came from (`DocxLineSource`), for `--annotate`.
    public var recordingSources: Bool

    public init(recordingSources: Bool = false) {
        self.recordingSources = recordingSources
    }

    /// The signature of an OLE2 compound file: a Word 97-2003 .doc (often renamed to .docx by hand).
    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    public func load(_ bytes: [UInt8], path: String, limits: LoadLimits) throws(LoadError) -> Document {
        if bytes.starts(with: Self.oleSignature) { throw .legacyWord }
        let zip = try ZipArchive(bytes, limits: limits)
        var budget = limits.maxInflatedBytes

        func part(_ name: String) throws(LoadError) -> DocxXML? {
            guard let entry = zip.entry(named: name) else { return nil }
            return DocxXML(part: name, bytes: try zip.contents(of: entry, budget: &budget), maxDepth: limits.maxNestingDepth)
        }

        guard let document = try part("word/document.xml") else { throw .missingPart("word/document.xml") }
        let styles = try part("word/styles.xml").map { xml throws(LoadError) in try DocxStyles(xml) } ?? DocxStyles()
        let numbering = try part("word/numbering.xml").map { xml throws(LoadError) in try DocxNumbering(xml) } ?? DocxNumbering()
        var reader = DocxBodyReader(styles: styles, numbering: numbering, recording: recordingSources)
        let lines = LineAssembly.collapseBlankLines(try reader.read(document))
        if lines.isEmpty { throw .noText("the document contains no text") }
        // Comments: a damaged comments.xml costs the comments (and the suppressions in them), not the draft.
        var comments: [WordComment] = []
        if let xml = try? part("word/comments.xml"), let read = try? DocxComments.read(xml) {
            comments = DocxComments.anchor(read, in: lines)
        }
        var metadata = DocumentMetadata(encoding: "UTF-8")
        // Document properties are a courtesy: a damaged or oversized core.xml costs them, not the draft.
        if let entry = zip.entry(named: "docProps/core.xml"), entry.uncompressedSize <= 1 << 16,
           let core = try? zip.contents(of: entry, budget: &budget) {
            metadata.author = Self.property("dc:creator", in: core)
            metadata.lastModifiedBy = Self.property("cp:lastModifiedBy", in: core)
        }
        var result = Document(path: path, format: .docx, lines: lines, metadata: metadata)
        result.wordComments = comments
        return result
    }

    /// The text of `<name>…</name>` in docProps/core.xml (a flat list of properties), references decoded.
    static func property(_ name: String, in xml: [UInt8]) -> String? {
        let open = Array("<\(name)>".utf8), close = Array("</\(name)>".utf8)
        guard let start = xml.firstRange(of: open)?.upperBound,
              let end = xml[start...].firstRange(of: close)?.lowerBound else { return nil }
        let value = LineAssembly.trim(Entities.decode(xml[start..<end], html: false))
        return value.isEmpty ? nil : value
    }
}
