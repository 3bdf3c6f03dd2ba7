/// Loads `.txt` and `.md` drafts: detects the encoding, normalises line ends, splits into lines.
///
/// The lines of the text view are the file's own lines, so a diagnostic's line and column are those an
/// editor shows (columns in Unicode code points; a BOM is not counted).
public struct TextLoader: Loader {
    public static let formats: [InputFormat] = [.text, .markdown]

    public init() {}

    public func load(_ bytes: [UInt8], path: String, limits: LoadLimits) throws(LoadError) -> Document {
        let (text, encoding) = try TextDecoding.decode(bytes)
        let lines = TextDecoding.splitLines(text).map { DocumentLine($0) }
        if lines.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) }) { throw .noText("only white space") }
        let format = InputFormat(path: path) ?? .text
        return Document(path: path, format: format == .markdown ? .markdown : .text, lines: lines,
                        metadata: DocumentMetadata(encoding: encoding))
    }
}
