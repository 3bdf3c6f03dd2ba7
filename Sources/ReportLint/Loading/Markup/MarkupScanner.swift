/// A small, tolerant tokenizer for the markup in .docx parts (XML) and saved web pages (HTML).
///
/// One scanner serves both because the surface syntax is the same: tags with attributes, text with
/// entities, comments, CDATA, processing instructions, a DOCTYPE. It never fails: malformed markup ends
/// up as text or is skipped, so a hostile file cannot make it trap, and it never resolves an entity other
/// than the built-in and numeric ones (so no external entity or DTD is ever fetched or expanded). Callers
/// decide what a `doctype` token means (the docx reader refuses one) and track nesting depth themselves.
///
/// It works in two layers. `nextPiece()` is the tokenizer proper: it reports each construct as byte
/// ranges of the input and builds no String, because the docx reader only compares most element names
/// with a fixed set and needs the text of a few attributes and runs; building a String for every tag,
/// attribute and text run was most of the cost of loading a .docx. `next()` turns the pieces into
/// String tokens (names lowercased in HTML, raw-text elements like `<script>`) for the HTML tree.
///
/// The input is UTF-8; HTML pages are decoded from their declared charset first.
struct MarkupScanner {
    enum Dialect: Sendable { case xml, html }

    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        var selfClosing: Bool
    }

    enum Token {
        case start(Tag)
        case end(String)
        case text(String)
        case doctype
    }

    /// A construct of the input as byte ranges of `bytes`.
    enum Piece {
        /// A start tag; `attributes` reads its attributes until the next call.
        case start(name: Range<Int>, selfClosing: Bool)
        /// An end tag (never with an empty name: `</>` and the like are skipped).
        case end(name: Range<Int>)
        /// Character data whose references (`&amp;`, `&#20013;`) are still to be decoded.
        case text(Range<Int>)
        /// The content of a CDATA section, taken literally.
        case cdata(Range<Int>)
        case doctype
    }

    /// An attribute of the last start tag; `value` is empty when the attribute has no "=" (and still
    /// holds references to decode).
    struct RawAttribute {
        var name: Range<Int>
        var value: Range<Int>
    }

    let bytes: [UInt8]
    private let dialect: Dialect
    private var pos = 0
    /// Where the piece `nextPiece` returned last begins (its "<" for markup); it ends at `position`.
    private(set) var pieceStart = 0
    var position: Int { pos }
    /// Where the attributes of the start tag `nextPiece()` returned last begin (just after its name).
    private var attributesStart: Int?
    /// HTML elements whose content is not markup (`<script>`, `<style>`…): the name to look for in `</name`.
    private var rawTextUntil: [UInt8]?

    /// HTML elements whose content is raw text; title and textarea still decode entities.
    private static let rawTextElements: Set<String> = ["script", "style", "xmp", "textarea", "title", "noscript", "plaintext"]

    init(utf8 bytes: [UInt8], dialect: Dialect) {
        self.bytes = bytes
        self.dialect = dialect
    }

    /// The UTF-8 text of a range of the input (invalid sequences become U+FFFD), without decoding references.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Whether two ranges of the input hold the same bytes (compared in place: making slices of the input
    /// for this cost more than comparing the short names it is used for).
    func bytesEqual(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        return bytes.withUnsafeBufferPointer { Self.equal(UnsafeBufferPointer(rebasing: $0[a]), UnsafeBufferPointer(rebasing: $0[b])) }
    }

    /// Whether two byte buffers hold the same bytes.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// The text of a range of the input with its character references decoded.
    func decoded(_ range: Range<Int>) -> String {
        Entities.decode(bytes[range], html: dialect == .html)
    }

    // MARK: - String tokens

    mutating func next() -> Token? {
        if let closing = rawTextUntil {
            rawTextUntil = nil
            let end = find(closing, from: pos, caseInsensitive: true) ?? bytes.count
            let start = pos
            pos = end
            if end > start {
                let decode = closing == Array("</title".utf8) || closing == Array("</textarea".utf8)
                return .text(decode ? decoded(start..<end) : string(start..<end))
            }
        }
        guard let piece = nextPiece() else { return nil }
        switch piece {
        case .doctype: return .doctype
        case .text(let range): return .text(decoded(range))
        case .cdata(let range): return .text(string(range))
        case .end(let range): return .end(name(range))
        case .start(let range, let selfClosing):
            let name = name(range)
            let tag = Tag(name: name, attributes: attributes.map { (self.name($0.name), decoded($0.value)) }, selfClosing: selfClosing)
            if dialect == .html, !selfClosing, Self.rawTextElements.contains(name) {
                rawTextUntil = Array("</\(name)".utf8)
            }
            return .start(tag)
        }
    }

    /// A tag or attribute name as a String: lowercased in HTML.
    private func name(_ range: Range<Int>) -> String {
        dialect == .html ? string(range).lowercased() : string(range)
    }

    // MARK: - Pieces

    mutating func nextPiece() -> Piece? {
        while pos < bytes.count {
            pieceStart = pos
            guard bytes[pos] == UInt8(ascii: "<") else { return text(from: pos) }
            if let piece = markup() { return piece }
        }
        return nil
    }

    /// Reads the construct at `pos` (which holds "<"). Returns nil for constructs that yield no piece
    /// (comments, processing instructions, end tags without a name), having moved past them.
    private mutating func markup() -> Piece? {
        let next = pos + 1 < bytes.count ? bytes[pos + 1] : 0
        if next == UInt8(ascii: "!") {
            if starts(with: Self.commentOpen) {
                pos = (find(Self.commentClose, from: pos + 4, caseInsensitive: false).map { $0 + 3 }) ?? bytes.count
                return nil
            }
            if starts(with: Self.cdataOpen) {
                let start = pos + 9
                let end = find(Self.cdataClose, from: start, caseInsensitive: false) ?? bytes.count
                pos = min(end + 3, bytes.count)
                return .cdata(start..<end)
            }
        }
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            let isDoctype = next == UInt8(ascii: "!") && starts(with: Self.doctypeOpen, caseInsensitive: true)
            pos = (index(of: UInt8(ascii: ">"), from: pos + 2).map { $0 + 1 }) ?? bytes.count
            return isDoctype ? .doctype : nil
        }
        if next == UInt8(ascii: "/") {
            pos += 2
            let name = readName()
            pos = (index(of: UInt8(ascii: ">"), from: pos).map { $0 + 1 }) ?? bytes.count
            return name.isEmpty ? nil : .end(name: name)
        }
        if Self.isNameStart(next) {
            pos += 1
            return readTag()
        }
        return text(from: pos, skippingFirst: true)
    }

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    private static let doctypeOpen = Array("<!doctype".utf8)

    private mutating func readTag() -> Piece {
        let name = readName()
        attributesStart = pos
        var unread: [RawAttribute] = []
        let selfClosing = readAttributes(collecting: false, into: &unread)
        return .start(name: name, selfClosing: selfClosing)
    }

    /// The attributes of the start tag `nextPiece()` returned last, read again from the tag on demand: the
    /// docx reader asks for the attributes of few tags, and recording those of every tag cost a tenth of loading.
    var attributes: [RawAttribute] {
        guard let attributesStart else { return [] }
        var reader = self
        reader.pos = attributesStart
        var attributes: [RawAttribute] = []
        _ = reader.readAttributes(collecting: true, into: &attributes)
        return attributes
    }

    /// Reads a start tag's attributes up to the end of the tag (one grammar for skipping them and for
    /// reading them); returns whether the tag is self-closing.
    private mutating func readAttributes(collecting: Bool, into attributes: inout [RawAttribute]) -> Bool {
        var selfClosing = false
        while pos < bytes.count {
            skipSpace()
            guard pos < bytes.count else { break }
            let b = bytes[pos]
            if b == UInt8(ascii: ">") { pos += 1; break }
            if b == UInt8(ascii: "/") {
                pos += 1
                if pos < bytes.count, bytes[pos] == UInt8(ascii: ">") { selfClosing = true; pos += 1; break }
                continue
            }
            let attrName = readName()
            if attrName.isEmpty { pos += 1; continue }
            skipSpace()
            var value = pos..<pos
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "=") {
                pos += 1
                skipSpace()
                value = readAttributeValue()
            }
            if collecting { attributes.append(RawAttribute(name: attrName, value: value)) }
        }
        return selfClosing
    }

    private mutating func readAttributeValue() -> Range<Int> {
        guard pos < bytes.count else { return pos..<pos }
        let quote = bytes[pos]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = pos + 1
            let end = index(of: quote, from: start) ?? bytes.count
            pos = min(end + 1, bytes.count)
            return start..<end
        }
        let start = pos
        while pos < bytes.count, !Self.isSpace(bytes[pos]), bytes[pos] != UInt8(ascii: ">") { pos += 1 }
        return start..<pos
    }

    /// A tag or attribute name: everything up to white space, "/", ">" or "=".
    private mutating func readName() -> Range<Int> {
        // The loops over bytes work on locals (here and below), which lets the compiler drop the bounds
        // checks and the reloads of `self.bytes` a mutating method otherwise makes for every byte.
        let bytes = bytes, start = pos
        var end = start
        while end < bytes.count {
            let b = bytes[end]
            if Self.isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=") { break }
            end += 1
        }
        pos = end
        return start..<end
    }

    // MARK: - Text

    private mutating func text(from start: Int, skippingFirst: Bool = false) -> Piece {
        let bytes = bytes
        var end = skippingFirst ? start + 1 : start
        while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
        pos = end
        return .text(start..<end)
    }

    // MARK: - Byte helpers

    private mutating func skipSpace() {
        let bytes = bytes
        var end = pos
        while end < bytes.count, Self.isSpace(bytes[end]) { end += 1 }
        pos = end
    }

    /// Whether the input at `pos` starts with `literal` (lowercase when `caseInsensitive`).
    private func starts(with literal: [UInt8], caseInsensitive: Bool = false) -> Bool {
        guard pos + literal.count <= bytes.count else { return false }
        for (i, c) in literal.enumerated() where Self.fold(bytes[pos + i], caseInsensitive) != c { return false }
        return true
    }

    /// The index where `byte` next occurs at or after `from` (`find` for a single byte, without an array).
    private func index(of byte: UInt8, from: Int) -> Int? {
        let bytes = bytes
        var i = from
        while i < bytes.count {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The index where `needle` (lowercase when `caseInsensitive`) next occurs at or after `from`.
    private func find(_ needle: [UInt8], from: Int, caseInsensitive: Bool) -> Int? {
        guard let first = needle.first, from >= 0, needle.count <= bytes.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if Self.fold(bytes[i], caseInsensitive) == first {
                var j = 1
                while j < needle.count, Self.fold(bytes[i + j], caseInsensitive) == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private static func fold(_ b: UInt8, _ caseInsensitive: Bool) -> UInt8 {
        caseInsensitive && b >= 65 && b <= 90 ? b + 32 : b
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
    }
}
