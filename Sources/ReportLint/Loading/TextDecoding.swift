#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding the bytes of a text file: UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-pattern sniffed),
/// and GB18030/GBK (through the C library's iconv, which every glibc system has).
public enum TextDecoding {
    /// Decodes `bytes`, returning the text and the name of the encoding it was in.
    public static func decode(_ bytes: [UInt8]) throws(LoadError) -> (String, String) {
        if bytes.isEmpty { throw .empty }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = strictUTF8(bytes[3...]) else { throw .undecodable }
            return (try checkedText(s), "UTF-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try checkedText(try utf16(bytes[2...], littleEndian: true)), "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try checkedText(try utf16(bytes[2...], littleEndian: false)), "UTF-16BE") }
        if let endian = sniffUTF16(bytes) {
            return (try checkedText(try utf16(bytes[...], littleEndian: endian)), endian ? "UTF-16LE" : "UTF-16BE")
        }
        if looksBinary(bytes) { throw .binary }
        if let s = strictUTF8(bytes[...]) { return (try checkedText(s), "UTF-8") }
        if let s = iconvDecode(bytes, from: "GB18030") { return (try checkedText(s), "GB18030") }
        throw .undecodable
    }

    /// Decodes `bytes` straight into lines of scalars, the form the reader works on, with the name of the
    /// encoding. Answers as `splitLines(decode(bytes))` turned into scalars would: for UTF-8 (the usual input)
    /// in one pass that validates, decodes and splits, instead of validating the whole text into a String,
    /// copying each line out as a String and decoding that back into scalars — a tenth of a run.
    public static func decodeLines(_ bytes: [UInt8]) throws(LoadError) -> (lines: [[Unicode.Scalar]], encoding: String) {
        if bytes.isEmpty { throw .empty }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let utf16 = !hasBOM && (bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || sniffUTF16(bytes) != nil)
        // The head's control bytes, counted once: `looksBinary` judges them, and where the head is the whole file
        // (no BOM, at most 8192 bytes: most drafts) so does `controlVerdict`, which counts escapes as well.
        let head = min(bytes.count, 8192)
        let counts = utf16 || hasBOM ? nil : bytes.withUnsafeBufferPointer { controlCounts($0, limit: head) }
        if !utf16, hasBOM || !(counts.map { $0.controls * 20 > head } ?? true) {
            let (lines, verdict) = bytes.withUnsafeBufferPointer { all -> ([[Unicode.Scalar]]?, LoadError?) in
                let b = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
                let lines = utf8Lines(b)
                guard lines != nil else { return (nil, nil) }
                if !hasBOM, bytes.count <= 8192, let counts {
                    return (lines, (counts.controls + counts.escapes) * 20 > head ? LoadError.binary : nil)
                }
                return (lines, controlVerdict(b))
            }
            if let verdict { throw verdict }
            if let lines { return (lines, hasBOM ? "UTF-8 (BOM)" : "UTF-8") }
            // Not UTF-8 and not binary: GB18030, as `decode` finds it, but iconv's UTF-8 split straight into
            // lines (which validates it as `String(validating:)` would) rather than made a String first.
            if !hasBOM {
                guard let output = iconvConvert(bytes, from: "GB18030", to: "UTF-8") else { throw .undecodable }
                let (lines, verdict) = output.withUnsafeBufferPointer { b in
                    let lines = utf8Lines(b)
                    return (lines, lines == nil ? nil : controlVerdict(b))
                }
                guard let lines else { throw .undecodable }
                if let verdict { throw verdict }
                return (lines, "GB18030")
            }
        }
        // UTF-16, GB18030, or an error: as `decode` finds it; the decoded text is valid UTF-8.
        var (text, encoding) = try decode(bytes)
        return (text.withUTF8 { utf8Lines($0) } ?? splitLines(text).map(\.scalars), encoding)
    }

    /// Splits valid UTF-8 into lines of scalars as `splitLines` does (CRLF, CR and LF alike; a final line end
    /// starts no empty line); nil when the bytes are not strictly valid UTF-8 (as `String(validating:)` judges:
    /// no overlong forms, surrogates or scalars past U+10FFFF). A line end never falls inside a valid sequence.
    /// Decoded through one scratch buffer, each line then copied into its own array: appending scalar by scalar
    /// checked the array's capacity and uniqueness for every one.
    static func utf8Lines(_ b: UnsafeBufferPointer<UInt8>) -> [[Unicode.Scalar]]? {
        let scratch = UnsafeMutablePointer<Unicode.Scalar>.allocate(capacity: max(b.count, 1))
        defer { scratch.deallocate() }
        var lines: [[Unicode.Scalar]] = []
        var i = 0, n = 0, lineStart = 0
        while i < b.count {
            let c = b[i]
            if c >= 0x80 {
                // Chinese text is mostly three-byte scalars under a lead whose second byte may be any continuation
                // byte (not E0 or ED): decoded here without the general case's range checks.
                if c >= 0xE1, c != 0xED, c <= 0xEF, i + 2 < b.count, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80,
                   let u = Unicode.Scalar(UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)) {
                    scratch[n] = u; n += 1; i += 3
                    continue
                }
                guard let (u, length) = scalar(in: b, at: i) else { return nil }
                scratch[n] = u; n += 1; i += length
                continue
            }
            if c == 0x0A || c == 0x0D {
                lines.append(Array(UnsafeBufferPointer(start: scratch + lineStart, count: n - lineStart)))
                lineStart = n
                if c == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 1 }
            } else {
                scratch[n] = Unicode.Scalar(c); n += 1
            }
            i += 1
        }
        if n > lineStart {
            lines.append(Array(UnsafeBufferPointer(start: scratch + lineStart, count: n - lineStart)))
        }
        return lines
    }

    /// The scalar of the multi-byte sequence at `i` and its length, or nil when it is not valid UTF-8
    /// (Unicode Table 3-7: the second byte's range depends on the lead, the others are 80–BF).
    @inline(__always)
    private static func scalar(in b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        let c = UInt32(b[i])
        let length = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0
        guard length > 0, i + length <= b.count else { return nil }
        let second = b[i + 1]
        let low: UInt8 = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80
        let high: UInt8 = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF
        guard second >= low, second <= high else { return nil }
        var v = UInt32(second & 0x3F)
        switch length {
        case 2:
            v |= (c & 0x1F) << 6
        case 3:
            let third = b[i + 2]
            guard third & 0xC0 == 0x80 else { return nil }
            v = (c & 0x0F) << 12 | v << 6 | UInt32(third & 0x3F)
        default:
            let third = b[i + 2], fourth = b[i + 3]
            guard third & 0xC0 == 0x80, fourth & 0xC0 == 0x80 else { return nil }
            v = (c & 0x07) << 18 | v << 12 | UInt32(third & 0x3F) << 6 | UInt32(fourth & 0x3F)
        }
        guard let u = Unicode.Scalar(v) else { return nil }
        return (u, length)
    }

    /// Splits text into lines, treating CRLF, CR and LF alike. A final line end does not start an empty line.
    /// Line ends are ASCII, so every line starts and ends on a scalar boundary of the (already valid) text:
    /// each is copied out as a Substring, which does not validate its bytes again as `String(decoding:)` did.
    public static func splitLines(_ text: String) -> [String] {
        var text = text
        var bounds: [(start: Int, end: Int)] = []
        text.withUTF8 { bytes in
            var start = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    bounds.append((start, i))
                    if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
            if start < bytes.count { bounds.append((start, bytes.count)) }
        }
        let utf8 = text.utf8
        return bounds.map { String(text[utf8.index(utf8.startIndex, offsetBy: $0.start)..<utf8.index(utf8.startIndex, offsetBy: $0.end)]) }
    }

    static func strictUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        // Validating a contiguous buffer takes the standard library's fast path.
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws(LoadError) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        guard let s = String(validating: units, as: UTF16.self) else { throw .undecodable }
        return s
    }

    /// UTF-16 without a BOM shows as a NUL in every other byte for ASCII-heavy text.
    static func sniffUTF16(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var evenZero = 0, oddZero = 0
        // Through a buffer pointer: this and `looksBinary` look at every byte of every file's head.
        bytes.withUnsafeBufferPointer { b in
            let raw = UnsafeRawBufferPointer(b)
            var i = 0
            while i < n {
                // Eight bytes without a NUL (all of UTF-8 text) are passed over at once.
                if i + 8 <= n, !hasZeroByte(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8; continue }
                if b[i] == 0 { evenZero += 1 }
                if b[i + 1] == 0 { oddZero += 1 }
                i += 2
            }
        }
        let pairs = n / 2
        if oddZero * 10 > pairs * 4 && evenZero * 20 < pairs { return true }
        if evenZero * 10 > pairs * 4 && oddZero * 20 < pairs { return false }
        return nil
    }

    /// A NUL byte, or many C0 control characters, mean this is not a text file.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let n = min(bytes.count, 8192)
        guard let controls = bytes.withUnsafeBufferPointer({ controlCounts($0, limit: n)?.controls }) else { return true }
        return controls * 20 > n
    }

    /// Rejects decoded text that is mostly control characters (a binary file that happened to decode).
    /// In UTF-8 a byte below 0x20 is always an ASCII control character, so the bytes are checked directly.
    static func checkedText(_ s: String) throws(LoadError) -> String {
        var s = s
        if let verdict = s.withUTF8(controlVerdict) { throw verdict }
        return s
    }

    /// `.binary` when the UTF-8 text is mostly control characters or has a NUL (`checkedText`), else nil.
    static func controlVerdict(_ bytes: UnsafeBufferPointer<UInt8>) -> LoadError? {
        let n = min(bytes.count, 32_768)
        guard let counts = controlCounts(bytes, limit: n) else { return .binary }
        return n > 0 && (counts.controls + counts.escapes) * 20 > n ? .binary : nil
    }

    /// The C0 control characters among the first `limit` bytes other than tab, line and form feed, carriage
    /// return and escape, and the escapes apart; nil at a NUL. Eight bytes without a control byte are passed at once.
    private static func controlCounts(_ bytes: UnsafeBufferPointer<UInt8>, limit n: Int) -> (controls: Int, escapes: Int)? {
        let raw = UnsafeRawBufferPointer(bytes)
        var controls = 0, escapes = 0
        var i = 0
        while i < n {
            if i + 8 <= n {
                let flags = controlFlags(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
                if flags == 0 { i += 8; continue }
                // The lowest flag marks the first control byte (those above it may be false alarms): the bytes
                // before it are passed at once, rather than one by one up to a line end in every line.
                i += flags.trailingZeroBitCount / 8
            }
            let b = bytes[i]
            i += 1
            if b >= 0x20 { continue }
            if b == 0 { return nil }
            if b == 0x1B { escapes += 1 } else if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        return (controls, escapes)
    }

    /// Whether one of the eight bytes of `w` is below 0x20 (exact: the “has less than” bit trick). The scans of
    /// every file's bytes for control characters look at a word at a time, and text has few such bytes.
    @inline(__always)
    static func hasControlByte(_ w: UInt64) -> Bool { controlFlags(w) != 0 }

    /// The high bit of each byte of `w` (little-endian) that may be below 0x20: none when no byte is, and the
    /// lowest one set always at the first byte that is (a borrow only runs upwards from such a byte).
    @inline(__always)
    static func controlFlags(_ w: UInt64) -> UInt64 {
        (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
    }

    /// Whether one of the eight bytes of `w` is NUL (exact).
    @inline(__always)
    static func hasZeroByte(_ w: UInt64) -> Bool {
        (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0
    }

    /// Converts with iconv; nil when the bytes are not valid in that encoding.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        guard let output = iconvConvert(bytes, from: encoding, to: "UTF-8") else { return nil }
        // Validating a contiguous buffer takes the standard library's fast path.
        return output.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    }

    /// Converts bytes between two encodings with iconv; nil when some input is invalid in `from` or has no
    /// representation in `to`. The output room (twice the input) suffices between UTF-8 and GB18030 either
    /// way; a conversion that needs more fails rather than being cut short.
    static func iconvConvert(_ bytes: [UInt8], from: String, to: String) -> [UInt8]? {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let outCapacity = output.count
        var produced = -1
        input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPtr = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPtr = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r != -1 && inLeft == 0 { produced = outCapacity - outLeft }
            }
        }
        guard produced >= 0 else { return nil }
        output.removeSubrange(produced...)
        return output
    }
}
