/// A .txt or .md file as it is on disk, to be changed in place by `--fix`: its encoding, byte-order mark and
/// each line's own line end are kept, so that nothing but the fixed characters changes, byte for byte.
public struct EditableText: Sendable, Equatable {
    /// The encoding as `TextDecoding` names it: UTF-8, UTF-8 (BOM), UTF-16LE, UTF-16BE, GB18030.
    public let encoding: String
    /// Each line of the text view (the file's own lines) and the line end after it ("" for the last one).
    public var lines: [String]
    public var endings: [String]
    private let hadBOM: Bool

    public init(bytes: [UInt8]) throws(LoadError) {
        let (text, encoding) = try TextDecoding.decode(bytes)
        self.encoding = encoding
        hadBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        var lines: [String] = [], endings: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let u = pending ?? scalars.next() {
            pending = nil
            if u == "\r" {
                let next = scalars.next()
                lines.append(String(current)); current = .init()
                if next == "\n" { endings.append("\r\n") } else { endings.append("\r"); pending = next }
            } else if u == "\n" {
                lines.append(String(current)); current = .init(); endings.append("\n")
            } else {
                current.append(u)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(String(current)); endings.append("") }
        self.lines = lines
        self.endings = endings
    }

    /// The text joined with its own line ends.
    public var text: String { zip(lines, endings).map { $0 + $1 }.joined() }

    /// The bytes in the file's encoding (with its byte-order mark), or nil when a character cannot be written
    /// in it — then the file is not changed.
    public func bytes() -> [UInt8]? {
        let utf8 = Array(text.utf8)
        switch encoding {
        case "UTF-8": return utf8
        case "UTF-8 (BOM)": return [0xEF, 0xBB, 0xBF] + utf8
        case "UTF-16LE", "UTF-16BE":
            let little = encoding == "UTF-16LE"
            var out: [UInt8] = hadBOM ? (little ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
            for unit in text.utf16 { out += little ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            return out
        default:
            return TextDecoding.iconvConvert(utf8, from: "UTF-8", to: encoding)
        }
    }
}
