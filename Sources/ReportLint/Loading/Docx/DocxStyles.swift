#if canImport(Glibc)
import Glibc
#endif

/// What word/styles.xml says about paragraph styles: which are headings (and of what level), and which
/// carry list numbering. A paragraph only names its style id ("2", "Heading1", "a3"…); WPS and localised
/// Word pick arbitrary ids, so the heading level comes from the style's name ("heading 1", "标题 1") or its
/// outline level (`w:outlineLvl`), following `w:basedOn` to the styles it inherits from.
struct DocxStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numID: String?
        var numLevel: Int?
    }

    /// The styles read so far, by id (a missing id: read and not there).
    private let read = StyleCache()
    /// Where each style's `<w:style …>…</w:style>` lies in styles.xml, and the part's root start tag (with its
    /// namespace declarations) to read one style alone. Nil when the part was read whole.
    private let index: (xml: DocxXML, root: Range<Int>, styles: [String: Range<Int>])?

    private final class StyleCache {  // one load, one thread
        var styles: [String: Style?] = [:]
    }

    init() { index = nil }

    /// Word's styles.xml is often 300 KB of definitions (with latent styles) for a document that uses five:
    /// each style is read when a paragraph first names it. A part whose layout the byte search cannot follow
    /// is read whole, as before.
    init(_ xml: DocxXML, whole: Bool = false) throws(LoadError) {
        if !whole, let found = Self.locate(xml.bytes) {
            index = (xml, found.root, found.styles)
        } else {
            index = nil
            for (id, style) in try Self.parse(xml) { read.styles[id] = style }
        }
    }

    /// The style with this id, read on first use.
    private func style(_ id: String) -> Style? {
        if let known = read.styles[id] { return known }
        guard let index, let range = index.styles[id] else { read.styles[id] = .some(nil); return nil }
        let b = index.xml.bytes
        let alone = Array(b[index.root]) + Array(b[range]) + Array("</w:styles>".utf8)
        let style = (try? Self.parse(DocxXML(part: index.xml.part, bytes: alone, maxDepth: index.xml.maxDepth)))?[id]
        read.styles[id] = .some(style)
        return style
    }

    /// Every style of a part (or of one style wrapped in the root).
    static func parse(_ xml: DocxXML) throws(LoadError) -> [String: Style] {
        var styles: [String: Style] = [:]
        var currentID: String?
        var current = Style()
        var events = xml.events()
        while let event = try events.next() {
            switch event {
            case .start(let element?):
                let parent = events.parent
                switch (element, parent) {
                case (.style, _):
                    currentID = events.attribute("w:styleId")
                    current = Style()
                case (.name, .style): current.name = events.attribute("w:val")
                case (.basedOn, .style): current.basedOn = events.attribute("w:val")
                case (.outlineLvl, .pPr): current.outlineLevel = events.attribute("w:val").flatMap { Int($0) }
                case (.numId, .numPr): current.numID = events.attribute("w:val")
                case (.ilvl, .numPr): current.numLevel = events.attribute("w:val").flatMap { Int($0) }
                default: break
                }
            case .end(.style):
                if let id = currentID { styles[id] = current }
                currentID = nil
            default: break
            }
        }
        return styles
    }

    /// The root start tag `<w:styles …>` and each `<w:style … w:styleId="ID" …>…</w:style>`, by bytes; nil when the
    /// part does not look like Word's own (another prefix, a style not closed, `<!`, an id with an entity).
    static func locate(_ b: [UInt8]) -> (root: Range<Int>, styles: [String: Range<Int>])? {
        /// The first place of `needle` at or after `from` (memchr for its first byte, then memcmp).
        func find(_ needle: [UInt8], from: Int) -> Int? {
            guard !needle.isEmpty, from >= 0, from <= b.count - needle.count else { return nil }
            return b.withUnsafeBytes { hay in
                needle.withUnsafeBytes { n in
                    let base = hay.baseAddress!, last = hay.count - n.count
                    var i = from
                    while i <= last {
                        guard let hit = memchr(base + i, Int32(n[0]), last - i + 1) else { return nil }
                        let at = UnsafeRawPointer(hit) - base
                        if memcmp(base + at, n.baseAddress!, n.count) == 0 { return at }
                        i = at + 1
                    }
                    return nil
                }
            }
        }
        // A comment, CDATA or DOCTYPE (refused by the full reading) sends the part to be read whole.
        if find(Array("<!".utf8), from: 0) != nil { return nil }
        guard let rootStart = find(Array("<w:styles".utf8), from: 0), let rootEnd = find([UInt8(ascii: ">")], from: rootStart),
              b[rootEnd - 1] != UInt8(ascii: "/") else { return nil }
        var styles: [String: Range<Int>] = [:]
        let open = Array("<w:style".utf8), close = Array("</w:style>".utf8), idKey = Array("w:styleId=\"".utf8)
        var at = rootEnd + 1
        while let start = find(open, from: at) {
            let next = start + open.count
            guard next < b.count else { return nil }
            // `<w:styles`, `<w:styleId…`: not a style element.
            guard b[next] == 0x20 || b[next] == 0x09 || b[next] == 0x0A || b[next] == 0x0D || b[next] == UInt8(ascii: ">") else { at = next; continue }
            guard let tagEnd = find([UInt8(ascii: ">")], from: next) else { return nil }
            let end: Int
            if b[tagEnd - 1] == UInt8(ascii: "/") { end = tagEnd + 1 } else {
                guard let c = find(close, from: tagEnd) else { return nil }
                end = c + close.count
            }
            guard let key = find(idKey, from: next), key < tagEnd, let quote = find([UInt8(ascii: "\"")], from: key + idKey.count), quote < tagEnd else {
                at = end; continue  // a style without an id names nothing
            }
            guard let id = String(validating: b[(key + idKey.count)..<quote], as: UTF8.self), !id.contains("&") else { return nil }
            if styles[id] == nil { styles[id] = start..<end }
            at = end
        }
        return (rootStart..<(rootEnd + 1), styles)
    }

    /// The heading level (1-based) of a paragraph style, or nil for body text.
    func headingLevel(styleID: String) -> Int? {
        var id: String? = styleID
        var seen: Set<String> = []
        while let current = id, seen.insert(current).inserted, seen.count <= 16 {
            guard let style = style(current) else { return Self.headingLevel(named: current) }
            if let name = style.name, let level = Self.headingLevel(named: name) { return level }
            if let outline = style.outlineLevel { return outline >= 0 && outline <= 8 ? outline + 1 : nil }
            id = style.basedOn
        }
        return nil
    }

    /// The list a paragraph style numbers its paragraphs with, following `w:basedOn`.
    func numbering(styleID: String) -> (numID: String, level: Int)? {
        var id: String? = styleID
        var seen: Set<String> = []
        while let current = id, seen.insert(current).inserted, seen.count <= 16, let style = style(current) {
            if let numID = style.numID { return (numID, style.numLevel ?? 0) }
            id = style.basedOn
        }
        return nil
    }

    /// "heading 1", "Heading1", "标题 1" → 1; "Title", "标题" (Word's Chinese name for Title) → 1.
    static func headingLevel(named name: String) -> Int? {
        let key = name.lowercased().filter { !$0.isWhitespace }
        if key == "title" || key == "标题" { return 1 }
        for prefix in ["heading", "标题"] where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if rest.count == 1, let digit = rest.first?.wholeNumberValue, digit >= 1 { return digit }
        }
        return nil
    }
}
