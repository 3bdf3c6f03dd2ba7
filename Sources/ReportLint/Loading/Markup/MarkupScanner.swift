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

    /// Lends `body` the bytes of a range of the input, in place.
    func withBytes<Result>(of range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
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
        let bytes = bytes
        return bytes.withUnsafeBufferPointer { buffer in
            var cursor = MarkupCursor(bytes: buffer, pos: pos)
            defer { pos = cursor.pos }
            while !cursor.atEnd {
                pieceStart = cursor.pos
                guard buffer[cursor.pos] == UInt8(ascii: "<") else { return .text(cursor.text(from: cursor.pos)) }
                if let piece = markup(&cursor) { return piece }
            }
            return nil
        }
    }

    /// Reads the construct at the cursor (which holds "<"). Returns nil for constructs that yield no piece
    /// (comments, processing instructions, end tags without a name), having moved past them.
    private mutating func markup(_ cursor: inout MarkupCursor) -> Piece? {
        let count = cursor.bytes.count
        let next = cursor.pos + 1 < count ? cursor.bytes[cursor.pos + 1] : 0
        if next == UInt8(ascii: "!") {
            if cursor.starts(with: Self.commentOpen) {
                cursor.pos = (cursor.find(Self.commentClose, from: cursor.pos + 4, caseInsensitive: false).map { $0 + 3 }) ?? count
                return nil
            }
            if cursor.starts(with: Self.cdataOpen) {
                let start = cursor.pos + 9
                let end = cursor.find(Self.cdataClose, from: start, caseInsensitive: false) ?? count
                cursor.pos = min(end + 3, count)
                return .cdata(start..<end)
            }
        }
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            let isDoctype = next == UInt8(ascii: "!") && cursor.starts(with: Self.doctypeOpen, caseInsensitive: true)
            cursor.pos = (cursor.index(of: UInt8(ascii: ">"), from: cursor.pos + 2).map { $0 + 1 }) ?? count
            return isDoctype ? .doctype : nil
        }
        if next == UInt8(ascii: "/") {
            cursor.pos += 2
            let name = cursor.readName()
            cursor.pos = (cursor.index(of: UInt8(ascii: ">"), from: cursor.pos).map { $0 + 1 }) ?? count
            return name.isEmpty ? nil : .end(name: name)
        }
        if MarkupCursor.isNameStart(next) {
            cursor.pos += 1
            let name = cursor.readName()
            attributesStart = cursor.pos
            let selfClosing = cursor.readAttributes { _ in }
            return .start(name: name, selfClosing: selfClosing)
        }
        // A "<" that starts nothing is text, up to the next "<".
        let start = cursor.pos
        return .text(start..<cursor.text(from: start + 1).upperBound)
    }

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    private static let doctypeOpen = Array("<!doctype".utf8)

    /// The attributes of the start tag `nextPiece()` returned last, read again from the tag on demand: the
    /// docx reader asks for the attributes of few tags, and recording those of every tag cost a tenth of loading.
    var attributes: [RawAttribute] {
        guard let attributesStart else { return [] }
        var attributes: [RawAttribute] = []
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = MarkupCursor(bytes: buffer, pos: attributesStart)
            _ = cursor.readAttributes { attributes.append($0) }
        }
        return attributes
    }

    /// The index where `needle` (lowercase when `caseInsensitive`) next occurs at or after `from`.
    private func find(_ needle: [UInt8], from: Int, caseInsensitive: Bool) -> Int? {
        bytes.withUnsafeBufferPointer { MarkupCursor(bytes: $0, pos: from).find(needle, from: from, caseInsensitive: caseInsensitive) }
    }
}
