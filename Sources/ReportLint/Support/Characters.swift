#if canImport(Glibc)
import Glibc
#endif

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

/// Scalars to a String, encoded straight into the String's own storage: no intermediate byte array, and a
/// short result (“0”, “152”, most table cells) becomes a small String without allocating at all. This runs
/// for every table cell, label and snippet, so it is one of the reader's hottest functions.
extension String {
    init(scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var length = 0
        for u in scalars { length += UTF8.width(u) }
        self.init(unsafeUninitializedCapacity: length) { out in
            var n = 0
            for u in scalars {
                let v = u.value
                switch v {
                case 0..<0x80:
                    out[n] = UInt8(v); n += 1
                case 0x80..<0x800:
                    out[n] = UInt8(0xC0 | (v >> 6)); out[n + 1] = UInt8(0x80 | (v & 0x3F)); n += 2
                case 0x800..<0x10000:
                    out[n] = UInt8(0xE0 | (v >> 12)); out[n + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[n + 2] = UInt8(0x80 | (v & 0x3F)); n += 3
                default:
                    out[n] = UInt8(0xF0 | (v >> 18)); out[n + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    out[n + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[n + 3] = UInt8(0x80 | (v & 0x3F)); n += 4
                }
            }
            return n
        }
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    /// The scalars as a String, without copying the slice into an array first.
    var string: String { withUnsafeBufferPointer { String(scalars: $0) } }

    /// Whether `needle` stands in the slice; the empty needle stands everywhere. The answer of `containsText`
    /// on the two as Strings: UTF-8 bytes match at whole scalars only.
    func containsScalars(_ needle: [Unicode.Scalar]) -> Bool { occurs(needle, in: self) }
}

/// Whether `needle` stands in `hay`, element by element (the empty needle stands everywhere): the plain search
/// under `containsScalars`.
@inline(__always)
func occurs<Needle: RandomAccessCollection, Hay: RandomAccessCollection>(_ needle: Needle, in hay: Hay) -> Bool
where Needle.Element == Hay.Element, Hay.Element: Equatable, Needle.Index == Int, Hay.Index == Int {
    guard let first = needle.first else { return true }
    guard needle.count <= hay.count else { return false }
    let n = needle.startIndex
    var i = hay.startIndex
    let last = hay.endIndex - needle.count
    while i <= last {
        if hay[i] == first {
            var k = 1
            while k < needle.count && hay[i + k] == needle[n + k] { k += 1 }
            if k == needle.count { return true }
        }
        i += 1
    }
    return false
}

/// Helpers on arrays of scalars — the representation the reader works on, so that offsets are columns.
extension Array where Element == Unicode.Scalar {
    /// The scalars as a String (`String(scalars:)`).
    var string: String { withUnsafeBufferPointer { String(scalars: $0) } }

    /// Whether `needle` occurs at `index`.
    func has(_ needle: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + needle.count <= count else { return false }
        // Over the storage, without a bounds check for each scalar of both arrays (asked in the rules' scans).
        return withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { n in
                for k in 0..<n.count where hay[index + k] != n[k] { return false }
                return true
            }
        }
    }

    /// The first index of `needle` at or after `from`, before `to`.
    func firstIndex(of needle: [Unicode.Scalar], from: Int = 0, to: Int? = nil) -> Int? {
        let end = Swift.min(to ?? count, count) - needle.count
        guard let first = needle.first, from <= end else { return nil }
        // Over the arrays' storage: the rules search whole paragraphs this way, and the subscripts' bounds
        // checks were half the loop's work.
        return withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { n in
                var i = Swift.max(from, 0)
                while i <= end {
                    if hay[i] == first {
                        var k = 1
                        while k < n.count && hay[i + k] == n[k] { k += 1 }
                        if k == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    func contains(_ needle: [Unicode.Scalar]) -> Bool { firstIndex(of: needle) != nil }
}

extension String {
    /// The scalars, decoded straight from the UTF-8 storage (`Array(unicodeScalars)` copies through the generic
    /// iterator, several times the work on the reader's hottest path). A String's UTF-8 is always valid, so no
    /// byte needs checking. (`reserveCapacity` + `append` is specialised; `Array(unsafeUninitializedCapacity:)`
    /// and `Array(repeating:count:)` of scalars are not, and look up the array's metadata on every call.)
    var scalars: [Unicode.Scalar] {
        var s = self
        return s.withUTF8 { b in
            var result: [Unicode.Scalar] = []
            result.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                let c = UInt32(b[i])
                var v: UInt32
                if c < 0x80 {
                    v = c; i += 1
                } else if c < 0xE0 {
                    v = (c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
                } else if c < 0xF0 {
                    v = (c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
                } else {
                    v = (c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                        | UInt32(b[i + 3] & 0x3F)
                    i += 4
                }
                result.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            }
            return result
        }
    }

    /// The string without white space of any kind (for comparing spaced-out titles and PDF text).
    var withoutBlanks: String {
        let isRemoved = { (u: Unicode.Scalar) in u.isBlank || u == "\n" || u == "\r" }
        guard hasBlankBytes else { return self }
        return scalars.filter { !isRemoved($0) }.string
    }

    /// Whether a scalar `withoutBlanks` removes is there, read on the UTF-8 bytes (the scalar view's generic
    /// iterator costs several times as much): space, tab, LF and CR are one byte each, U+00A0 is C2 A0 and
    /// U+3000 is E3 80 80 (C2 and E3 only ever lead a scalar).
    private var hasBlankBytes: Bool {
        var copy = self
        return copy.withUTF8 { b in
            var i = 0
            while i < b.count {
                switch b[i] {
                case 0x20, 0x09, 0x0A, 0x0D: return true
                case 0xC2 where i + 1 < b.count && b[i + 1] == 0xA0: return true
                case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: return true
                default: i += 1
                }
            }
            return false
        }
    }

    /// Whether the two Strings are the same bytes. `==` compares Unicode's canonical equivalence, through
    /// normalised forms — several times the work on Chinese text; for texts both in NFC the answers agree.
    func sameBytes(as other: String) -> Bool {
        let inPlace = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
        return (inPlace ?? nil) ?? utf8.elementsEqual(other.utf8)
    }

    /// Feeds the UTF-8 bytes to `hasher` (a hash that agrees with `sameBytes(as:)`, not with `==`).
    func hashBytes(into hasher: inout Hasher) {
        let done: Void? = utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { Array(utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }  // the same bytes, the same hash
    }

    /// Shadows Foundation's `contains` (a locale-aware search through NSString, the hottest function of a
    /// profile) with the same exact-substring answer.
    func contains(_ other: String) -> Bool { containsText(other) }

    /// Substring search on UTF-8 bytes (whole scalars match whole scalars), without Foundation's
    /// locale-aware and much slower `contains`.
    func containsText(_ needle: String) -> Bool {
        // The bytes read in place (every native String, small ones too, answers `withContiguousStorageIfAvailable`):
        // `withUTF8`, a mutating call, needed a copy of each String, retained and released at every call.
        let inPlace = utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in Self.bytes(n, occurIn: h) }
        }
        if let answer = inPlace ?? nil { return answer }
        var hay = self, pin = needle
        return hay.withUTF8 { h in pin.withUTF8 { n in Self.bytes(n, occurIn: h) } }
    }

    /// Whether the bytes `n` stand in `h` (the empty needle stands everywhere): memchr for the needle's last byte,
    /// then memcmp for the rest. The last byte of a Chinese needle is a continuation byte (64 values), far rarer
    /// in Chinese text than its first, a lead byte (a handful of values), so memchr skips most of the text.
    private static func bytes(_ n: UnsafeBufferPointer<UInt8>, occurIn h: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let lastByte = n.last else { return true }
        guard n.count <= h.count, let hay = h.baseAddress, let pin = n.baseAddress else { return false }
        let k = n.count - 1
        var i = k // where the needle's last byte would stand for a match at 0
        while i < h.count {
            guard let hit = memchr(hay + i, Int32(lastByte), h.count - i) else { return false }
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(hay)
            if memcmp(hay + (at - k), pin, k) == 0 { return true }
            i = at + 1
        }
        return false
    }

    /// Made only of scalars that neither decompose nor combine (`LabelText.isInert`) and no CR: comparing such
    /// texts as Characters (canonical equivalence, grapheme clusters) is comparing their bytes.
    var isPlainText: Bool { unicodeScalars.allSatisfy { LabelText.isInert($0) && $0 != "\r" } }

    /// `hasPrefix` of a plain prefix (`isPlainText`), compared scalar by scalar where the text's scalars up to
    /// one past the prefix are plain too: each is then a Character of its own, equal to another only when the
    /// same. `hasPrefix` compares Characters, at a thousand instructions a call; elsewhere it is asked.
    func hasPlainPrefix(_ prefix: String) -> Bool {
        guard prefix.isPlainText else { return hasPrefix(prefix) }
        return Self.startsPlainly(unicodeScalars, prefix.unicodeScalars) ?? hasPrefix(prefix)
    }

    /// `hasSuffix` of a plain suffix, as `hasPlainPrefix` does it from the end (the scalar before the suffix
    /// plain too, so that it cannot join the suffix's first Character).
    func hasPlainSuffix(_ suffix: String) -> Bool {
        guard suffix.isPlainText else { return hasSuffix(suffix) }
        return Self.startsPlainly(unicodeScalars.reversed(), suffix.unicodeScalars.reversed()) ?? hasSuffix(suffix)
    }

    /// Whether `text` starts with the plain `affix`; nil when a scalar that is not plain stands where it matters.
    private static func startsPlainly<T: Sequence, A: Sequence>(_ text: T, _ affix: A) -> Bool?
    where T.Element == Unicode.Scalar, A.Element == Unicode.Scalar {
        let isPlain = { (u: Unicode.Scalar) in LabelText.isInert(u) && u != "\r" }
        var own = text.makeIterator()
        for a in affix {
            guard let u = own.next() else { return false }
            guard isPlain(u) else { return nil }
            if u != a { return false }
        }
        guard let next = own.next() else { return true }
        return isPlain(next) ? true : nil
    }

    /// Trimmed of white space including the ideographic space.
    var trimmedBlanks: String {
        let s = unicodeScalars
        guard let first = s.firstIndex(where: { !$0.isBlank }) else { return "" }
        let last = s.lastIndex(where: { !$0.isBlank })!
        return String(s[first...last])
    }
}

extension Array where Element == Unicode.Scalar {
    /// The first index at or after `from` whose scalar `isMatch` accepts: a plain loop over the array's storage.
    /// The scanning rules ask it of every scalar of every report, and `self[from...].firstIndex(where:)` checked
    /// the slice's bounds at every step, half the loop's work.
    func firstIndex(from: Int, where isMatch: (Unicode.Scalar) -> Bool) -> Int? {
        withUnsafeBufferPointer { buffer in
            var i = Swift.max(from, 0)
            while i < buffer.count {
                if isMatch(buffer[i]) { return i }
                i += 1
            }
            return nil
        }
    }
}
