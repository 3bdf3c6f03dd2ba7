import Foundation

/// Loads `.pdf` reports through poppler's `pdftotext -tsv` (the only non-Swift piece of loading; a
/// PDF text extractor is out of scope for a dependency-free linter). When pdftotext is not installed the
/// error names the package to install. A PDF whose pages are images (a scan) has no text layer and is
/// refused as such, rather than linted as an empty report.
///
/// pdftotext gives each word with its position; the text view is rebuilt from them (`PDFPageText`): prose lines
/// as `pdftotext -layout` would give them, tables one row a line with tab-separated cells, wrapped labels and
/// header cells joined (`PDFTableRows`); page breaks and page numbers removed (`PDFTextCleanup`).
public struct PDFLoader: Loader {
    public static let formats: [InputFormat] = [.pdf]
    /// How long pdftotext may take on one file before it is stopped.
    static let timeout: TimeInterval = 30

    /// Where to look for pdftotext; nil means $PATH.
    let searchPath: String?

    public init() { self.searchPath = nil }
    init(searchPath: String?) { self.searchPath = searchPath }

    public func load(_ bytes: [UInt8], path: String, limits: LoadLimits) throws(LoadError) -> Document {
        guard let tool = ExternalTool.find("pdftotext", searchPath: searchPath) else {
            throw .toolMissing(tool: "pdftotext", package: "poppler-utils")
        }
        let output: Data
        do {
            output = try ExternalTool.run(tool, arguments: ["-tsv", "-enc", "UTF-8", "{in}", "{out}"],
                                          input: bytes, timeout: Self.timeout)
        } catch {
            // An older pdftotext (or xpdf's) has no -tsv: its -layout text, tables read from columns of spaces.
            // (Not after a timeout: the file would only take as long again.)
            guard case .toolFailed(_, let detail) = error, !detail.hasPrefix("no result after") else { throw error }
            let text = try ExternalTool.run(tool, arguments: ["-layout", "-enc", "UTF-8", "{in}", "{out}"],
                                            input: bytes, timeout: Self.timeout)
            return try Self.document(PDFTextCleanup.lines(from: String(decoding: text, as: UTF8.self)), path: path)
        }
        return try Self.document(fromTSV: Array(output), path: path)
    }

    /// The document from `pdftotext -tsv` output (untrusted: the fuzz harness `pdf-tsv` feeds it anything).
    static func document(fromTSV tsv: [UInt8], path: String) throws(LoadError) -> Document {
        try document(PDFTextCleanup.lines(from: PDFPageText.text(PDFWords.pages(fromTSV: tsv))), path: path)
    }

    private static func document(_ lines: [DocumentLine], path: String) throws(LoadError) -> Document {
        if lines.isEmpty { throw .noText("the PDF has no text layer; it is probably a scan") }
        return Document(path: path, format: .pdf, lines: lines, metadata: DocumentMetadata(encoding: "UTF-8"))
    }
}
