/// Walks one XML part of a .docx (document.xml, styles.xml, numbering.xml) as a stream of events with
/// the path of open elements, refusing what Word never writes and what could hurt: a DOCTYPE (the door
/// to entity expansion and external entities, which are never resolved anyway) and nesting deeper than
/// `maxNestingDepth`. Element names are normalised so that the WordprocessingML namespace always has the
/// prefix `w:` whatever prefix the file bound it to.
struct DocxXML {
    enum Event {
        case start(MarkupScanner.Tag)
        case end(String)
        case text(String)
    }

    private static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    let part: String
    let bytes: [UInt8]
    let maxDepth: Int

    /// Calls `handle` for each event; `path` holds the names of the open elements, innermost last
    /// (for a start event it already includes the new element).
    func walk(_ handle: (Event, _ path: [String]) throws(LoadError) -> Void) throws(LoadError) {
        var scanner = MarkupScanner(utf8: Self.utf8(bytes), dialect: .xml)
        var path: [String] = []
        var prefix: String?
        while let token = scanner.next() {
            switch token {
            case .doctype:
                throw .malformedMarkup("\(part) contains a DOCTYPE declaration, which Word never writes")
            case .text(let text):
                if !path.isEmpty { try handle(.text(text), path) }
            case .start(var tag):
                if prefix == nil { prefix = Self.wordPrefix(of: tag) }
                tag.name = Self.normalise(tag.name, prefix: prefix)
                tag.attributes = tag.attributes.map { (Self.normalise($0.name, prefix: prefix), $0.value) }
                path.append(tag.name)
                if path.count > maxDepth {
                    throw .malformedMarkup("\(part) nests elements deeper than \(maxDepth) levels")
                }
                try handle(.start(tag), path)
                if tag.selfClosing {
                    try handle(.end(tag.name), path)
                    path.removeLast()
                }
            case .end(let raw):
                let name = Self.normalise(raw, prefix: prefix)
                guard path.last == name else {
                    throw .malformedMarkup("\(part): </\(raw)> does not close <\(path.last ?? "")>")
                }
                try handle(.end(name), path)
                path.removeLast()
            }
        }
        if let open = path.last { throw .malformedMarkup("\(part) ends inside <\(open)> (truncated?)") }
    }

    /// The prefix the root element binds to the WordprocessingML namespace ("w" when none is bound).
    private static func wordPrefix(of root: MarkupScanner.Tag) -> String {
        for (name, value) in root.attributes where name.hasPrefix("xmlns:") && wordNamespaces.contains(value) {
            return String(name.dropFirst(6))
        }
        return "w"
    }

    private static func normalise(_ name: String, prefix: String?) -> String {
        guard let prefix, prefix != "w", name.hasPrefix(prefix + ":") else { return name }
        return "w:" + name.dropFirst(prefix.count + 1)
    }

    /// XML parts are UTF-8 in practice; a UTF-16 part (allowed by the standard) is converted first.
    private static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
           let text = try? TextDecoding.utf16(bytes[2...], littleEndian: bytes[0] == 0xFF) {
            return Array(text.utf8)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes[3...]) }
        return bytes
    }
}
