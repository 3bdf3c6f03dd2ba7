/// A small, tolerant tokenizer for the markup in .docx parts (XML) and saved web pages (HTML).
///
/// One scanner serves both because the surface syntax is the same: tags with attributes, text with
/// entities, comments, CDATA, processing instructions, a DOCTYPE. It never fails: malformed markup ends
/// up as text or is skipped, so a hostile file cannot make it trap, and it never resolves an entity other
/// than the built-in and numeric ones (so no external entity or DTD is ever fetched or expanded). Callers
/// decide what a `doctype` token means (the docx reader refuses one) and track nesting depth themselves.
///
/// The input is UTF-8; HTML pages are decoded from their declared charset first.
struct MarkupScanner {
    enum Dialect: Sendable { case xml, html }

    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        var selfClosing: Bool

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    enum Token {
        case start(Tag)
        case end(String)
        case text(String)
        case doctype
    }

    private let bytes: [UInt8]
    private let dialect: Dialect
    private var pos = 0
    /// HTML elements whose content is not markup (`<script>`, `<style>`…): the name to look for in `</name`.
    private var rawTextUntil: [UInt8]?

    /// HTML elements whose content is raw text; title and textarea still decode entities.
    private static let rawTextElements: Set<String> = ["script", "style", "xmp", "textarea", "title", "noscript", "plaintext"]

    init(utf8 bytes: [UInt8], dialect: Dialect) {
        self.bytes = bytes
        self.dialect = dialect
    }

    mutating func next() -> Token? {
        if let closing = rawTextUntil {
            rawTextUntil = nil
            let end = find(closing, from: pos, caseInsensitive: true) ?? bytes.count
            let start = pos
            pos = end
            if end > start {
                let decode = closing == Array("</title".utf8) || closing == Array("</textarea".utf8)
                return .text(decode ? Entities.decode(bytes[start..<end], html: true) : String(decoding: bytes[start..<end], as: UTF8.self))
            }
        }
        while pos < bytes.count {
            guard bytes[pos] == UInt8(ascii: "<") else { return text(from: pos) }
            if let token = markup() { return token }
        }
        return nil
    }

    // MARK: - Markup after "<"

    /// Reads the construct at `pos` (which holds "<"). Returns nil for constructs that yield no token
    /// (comments, processing instructions), having moved past them.
    private mutating func markup() -> Token? {
        let next = pos + 1 < bytes.count ? bytes[pos + 1] : 0
        if starts(with: "<!--") {
            pos = (find(Array("-->".utf8), from: pos + 4, caseInsensitive: false).map { $0 + 3 }) ?? bytes.count
            return nil
        }
        if starts(with: "<![CDATA[") {
            let start = pos + 9
            let end = find(Array("]]>".utf8), from: start, caseInsensitive: false) ?? bytes.count
            pos = min(end + 3, bytes.count)
            return .text(String(decoding: bytes[start..<end], as: UTF8.self))
        }
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            let isDoctype = next == UInt8(ascii: "!") && starts(with: "<!doctype", caseInsensitive: true)
            pos = (find([UInt8(ascii: ">")], from: pos + 2, caseInsensitive: false).map { $0 + 1 }) ?? bytes.count
            return isDoctype ? .doctype : nil
        }
        if next == UInt8(ascii: "/") {
            pos += 2
            let name = readName()
            pos = (find([UInt8(ascii: ">")], from: pos, caseInsensitive: false).map { $0 + 1 }) ?? bytes.count
            return name.isEmpty ? nil : .end(name)
        }
        if Self.isNameStart(next) {
            pos += 1
            return .start(readTag())
        }
        return text(from: pos, skippingFirst: true)
    }

    private mutating func readTag() -> Tag {
        let name = readName()
        var attributes: [(name: String, value: String)] = []
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
            var value = ""
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "=") {
                pos += 1
                skipSpace()
                value = readAttributeValue()
            }
            attributes.append((attrName, value))
        }
        if dialect == .html, !selfClosing, Self.rawTextElements.contains(name) {
            rawTextUntil = Array("</\(name)".utf8)
        }
        return Tag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private mutating func readAttributeValue() -> String {
        guard pos < bytes.count else { return "" }
        let quote = bytes[pos]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = pos + 1
            let end = find([quote], from: start, caseInsensitive: false) ?? bytes.count
            pos = min(end + 1, bytes.count)
            return Entities.decode(bytes[start..<end], html: dialect == .html)
        }
        let start = pos
        while pos < bytes.count, !Self.isSpace(bytes[pos]), bytes[pos] != UInt8(ascii: ">") { pos += 1 }
        return Entities.decode(bytes[start..<pos], html: dialect == .html)
    }

    /// A tag or attribute name: everything up to white space, "/", ">" or "=". Lowercased in HTML.
    private mutating func readName() -> String {
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if Self.isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=") { break }
            pos += 1
        }
        let name = String(decoding: bytes[start..<pos], as: UTF8.self)
        return dialect == .html ? name.lowercased() : name
    }

    // MARK: - Text

    private mutating func text(from start: Int, skippingFirst: Bool = false) -> Token {
        var end = skippingFirst ? start + 1 : start
        while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
        pos = end
        return .text(Entities.decode(bytes[start..<end], html: dialect == .html))
    }

    // MARK: - Byte helpers

    private mutating func skipSpace() {
        while pos < bytes.count, Self.isSpace(bytes[pos]) { pos += 1 }
    }

    private func starts(with literal: String, caseInsensitive: Bool = false) -> Bool {
        let lit = Array(literal.utf8)
        guard pos + lit.count <= bytes.count else { return false }
        for (i, c) in lit.enumerated() where Self.fold(bytes[pos + i], caseInsensitive) != c { return false }
        return true
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
