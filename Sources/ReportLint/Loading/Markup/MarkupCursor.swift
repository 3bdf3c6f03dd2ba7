/// The byte-level grammar of `MarkupScanner`: a position in the input and the steps that move it past
/// names, white space, attribute values and whole start tags.
///
/// It reads the input through a buffer pointer that `MarkupScanner` lends it for one piece at a time:
/// reading the array itself, every step retained and released it and checked each index, which cost
/// more than the scanning.
struct MarkupCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int

    var atEnd: Bool { pos >= bytes.count }

    /// A tag or attribute name: everything up to white space, "/", ">" or "=".
    mutating func readName() -> Range<Int> {
        let start = pos
        var end = start
        while end < bytes.count {
            let b = bytes[end]
            // Letters and every byte above ">" go on (none of the four stops is above it).
            if b <= UInt8(ascii: ">") && (Self.isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=")) {
                break
            }
            end += 1
        }
        pos = end
        return start..<end
    }

    /// Reads a start tag's attributes, from just after its name to the end of the tag, handing each to
    /// `record` (one grammar for skipping them and for reading them); returns whether the tag is self-closing.
    mutating func readAttributes(_ record: (MarkupScanner.RawAttribute) -> Void) -> Bool {
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
            record(MarkupScanner.RawAttribute(name: attrName, value: value))
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

    /// Moves to the next "<" (or the end) from `start`, and returns the text passed over.
    mutating func text(from start: Int) -> Range<Int> {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
        pos = end
        return start..<end
    }

    mutating func skipSpace() {
        var end = pos
        while end < bytes.count, Self.isSpace(bytes[end]) { end += 1 }
        pos = end
    }

    /// Whether the input at `pos` starts with `literal` (lowercase when `caseInsensitive`).
    func starts(with literal: [UInt8], caseInsensitive: Bool = false) -> Bool {
        guard pos + literal.count <= bytes.count else { return false }
        for (i, c) in literal.enumerated() where Self.fold(bytes[pos + i], caseInsensitive) != c { return false }
        return true
    }

    /// The index where `byte` next occurs at or after `from` (`find` for a single byte, without an array).
    func index(of byte: UInt8, from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The index where `needle` (lowercase when `caseInsensitive`) next occurs at or after `from`.
    func find(_ needle: [UInt8], from: Int, caseInsensitive: Bool) -> Int? {
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

    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
    }
}
