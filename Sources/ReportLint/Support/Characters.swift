/// Character classes used by the reader and the rules, on Unicode scalars (columns count code points).
extension Unicode.Scalar {
    /// A CJK ideograph (BMP and the astral extension blocks), or 〇.
    var isHan: Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x30000...0x3134F,
             0xF900...0xFAFF, 0x3007:
            return true
        default:
            return false
        }
    }

    /// ASCII 0-9 or full-width ０-９.
    var digitValue: Int? {
        switch value {
        case 0x30...0x39: return Int(value - 0x30)
        case 0xFF10...0xFF19: return Int(value - 0xFF10)
        default: return nil
        }
    }

    var isDigitLike: Bool { digitValue != nil }

    /// Space, tab, ideographic space, no-break space.
    var isBlank: Bool { value == 0x20 || value == 0x09 || value == 0x3000 || value == 0xA0 }

    /// Full-width or CJK punctuation that belongs in Chinese text.
    var isCJKPunctuation: Bool {
        switch value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
             0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014:
            return true
        default:
            return false
        }
    }

    /// Ends a sentence: 。！？ (and their half-width forms).
    var endsSentence: Bool { self == "。" || self == "！" || self == "？" || self == "!" || self == "?" }

    /// Separates clauses inside a sentence.
    var separatesClause: Bool {
        self == "，" || self == "；" || self == "," || self == ";" || self == "：" || self == ":" || endsSentence
    }
}

/// Helpers on arrays of scalars — the representation the reader works on, so that offsets are columns.
extension Array where Element == Unicode.Scalar {
    /// The scalars as a String, built from UTF-8 bytes (appending to a `UnicodeScalarView` one by one is
    /// several times slower, and this runs for every table cell and snippet).
    var string: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 3)
        for u in self {
            let v = u.value
            switch v {
            case 0..<0x80: bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (v >> 18))); bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `needle` occurs at `index`.
    func has(_ needle: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + needle.count <= count else { return false }
        for k in 0..<needle.count where self[index + k] != needle[k] { return false }
        return true
    }

    /// The first index of `needle` at or after `from`, before `to`.
    func firstIndex(of needle: [Unicode.Scalar], from: Int = 0, to: Int? = nil) -> Int? {
        let end = Swift.min(to ?? count, count) - needle.count
        guard !needle.isEmpty, from <= end else { return nil }
        var i = Swift.max(from, 0)
        while i <= end {
            if self[i] == needle[0] && has(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    func contains(_ needle: [Unicode.Scalar]) -> Bool { firstIndex(of: needle) != nil }
}

extension String {
    /// The scalars, decoded straight from the UTF-8 storage (`Array(unicodeScalars)` counts first, then
    /// copies through the generic iterator: twice the work on the reader's hottest path).
    var scalars: [Unicode.Scalar] {
        var s = self
        return s.withUTF8 { b in
            var result: [Unicode.Scalar] = []
            result.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                let c = UInt32(b[i])
                var v: UInt32, n: Int
                if c < 0x80 { v = c; n = 1 } else if c < 0xE0 { v = c & 0x1F; n = 2 } else if c < 0xF0 { v = c & 0x0F; n = 3 } else { v = c & 0x07; n = 4 }
                for k in 1..<max(n, 1) where i + k < b.count { v = v << 6 | UInt32(b[i + k] & 0x3F) }
                result.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                i += n
            }
            return result
        }
    }

    /// The string without white space of any kind (for comparing spaced-out titles and PDF text).
    var withoutBlanks: String {
        let isRemoved = { (u: Unicode.Scalar) in u.isBlank || u == "\n" || u == "\r" }
        guard unicodeScalars.contains(where: isRemoved) else { return self }
        return scalars.filter { !isRemoved($0) }.string
    }

    /// Shadows Foundation's `contains` (a locale-aware search through NSString, the hottest function of a
    /// profile) with the same exact-substring answer.
    func contains(_ other: String) -> Bool { containsText(other) }

    /// Substring search on UTF-8 bytes (whole scalars match whole scalars), without Foundation's
    /// locale-aware and much slower `contains`.
    func containsText(_ needle: String) -> Bool {
        var hay = self, pin = needle
        return hay.withUTF8 { h in
            pin.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count else { return false }
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Trimmed of white space including the ideographic space.
    var trimmedBlanks: String {
        let s = unicodeScalars
        guard let first = s.firstIndex(where: { !$0.isBlank }) else { return "" }
        let last = s.lastIndex(where: { !$0.isBlank })!
        return String(s[first...last])
    }
}
