/// Loads `.txt` and `.md` drafts: detects the encoding, normalises line ends, splits into lines.
///
/// The lines of the text view are the file's own lines, so a diagnostic's line and column are those an
/// editor shows (columns in Unicode code points; a BOM is not counted).
public struct TextLoader: Loader {
    public static let formats: [InputFormat] = [.text, .markdown]

    public init() {}

    public func load(_ bytes: [UInt8], path: String, limits: LoadLimits) throws(LoadError) -> Document {
        let (scalarLines, encoding) = try TextDecoding.decodeLines(bytes)
        let lines = scalarLines.map { DocumentLine(scalars: $0) }
        if Self.onlyWhiteSpace(lines) { throw .noText("only white space") }
        let format = InputFormat(path: path) ?? .text
        return Document(path: path, format: format == .markdown ? .markdown : .text, lines: lines,
                        metadata: DocumentMetadata(encoding: encoding))
    }

    /// Whether every Character of every line is white space. A scalar that is inert (`LabelText.isInert`) and
    /// not white space is a Character of its own or part of one that starts with another non-blank scalar, so
    /// finding one (in the first line of nearly every draft) answers without building the lines' Strings.
    static func onlyWhiteSpace(_ lines: [DocumentLine]) -> Bool {
        for line in lines {
            for u in line.scalars where LabelText.isInert(u) {
                let v = u.value
                if !(v == 0x20 || (0x09...0x0D).contains(v) || v == 0x3000) { return false }
            }
        }
        return lines.allSatisfy { $0.text.allSatisfy(\.isWhitespace) }
    }
}
