/// Character references in markup text: the five XML ones, decimal and hex references, and (for HTML)
/// the named entities that government pages actually use. Unknown references stay as written.
enum Entities {
    static let xml: [String: Unicode.Scalar] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]

    /// Named HTML entities seen on Chinese government pages, plus the common typographic ones.
    static let html: [String: Unicode.Scalar] = xml.merging([
        "nbsp": "\u{A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "shy": "\u{AD}",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "lrm": "\u{200E}", "rlm": "\u{200F}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "sbquo": "\u{201A}", "bdquo": "\u{201E}", "laquo": "\u{AB}", "raquo": "\u{BB}",
        "lsaquo": "\u{2039}", "rsaquo": "\u{203A}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "middot": "\u{B7}", "bull": "\u{2022}",
        "prime": "\u{2032}", "Prime": "\u{2033}", "permil": "\u{2030}", "dagger": "\u{2020}", "Dagger": "\u{2021}",
        "times": "\u{D7}", "divide": "\u{F7}", "plusmn": "\u{B1}", "minus": "\u{2212}", "deg": "\u{B0}",
        "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}", "asymp": "\u{2248}", "infin": "\u{221E}",
        "sup1": "\u{B9}", "sup2": "\u{B2}", "sup3": "\u{B3}", "frac12": "\u{BD}", "frac14": "\u{BC}", "frac34": "\u{BE}",
        "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "sect": "\u{A7}", "para": "\u{B6}",
        "yen": "\u{A5}", "cent": "\u{A2}", "pound": "\u{A3}", "euro": "\u{20AC}", "curren": "\u{A4}",
        "larr": "\u{2190}", "rarr": "\u{2192}", "uarr": "\u{2191}", "darr": "\u{2193}", "harr": "\u{2194}",
        "iexcl": "\u{A1}", "iquest": "\u{BF}", "macr": "\u{AF}", "acute": "\u{B4}", "micro": "\u{B5}",
        "uml": "\u{A8}", "cedil": "\u{B8}", "ordf": "\u{AA}", "ordm": "\u{BA}", "not": "\u{AC}",
        "brvbar": "\u{A6}", "loz": "\u{25CA}", "hearts": "\u{2665}", "spades": "\u{2660}", "clubs": "\u{2663}",
        "diams": "\u{2666}", "oline": "\u{203E}", "frasl": "\u{2044}",
    ]) { a, _ in a }

    /// Entities browsers also accept without the closing ";" (a frequent slip in hand-edited pages).
    private static let legacyWithoutSemicolon = ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"]

    /// Windows-1252 meanings browsers give to the references &#128;…&#159; (old pages write “ as &#147;).
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x85: "\u{2026}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}",
        0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}", 0x99: "\u{2122}",
    ]

    /// Decodes the references in a run of UTF-8 text.
    static func decode(_ bytes: ArraySlice<UInt8>, html: Bool) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "&"), let (scalar, length) = reference(in: bytes, at: i, html: html) {
                out.append(contentsOf: String(scalar).utf8)
                i += length
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How many bytes the XML reference starting at `start` ("&…;") takes, or nil where `decode` keeps the "&".
    static func referenceLength(in bytes: ArraySlice<UInt8>, at start: Int) -> Int? {
        reference(in: bytes, at: start, html: false)?.1
    }

    /// The scalar a reference starting at `start` ("&…") stands for, and the reference's length in bytes.
    private static func reference(in bytes: ArraySlice<UInt8>, at start: Int, html: Bool) -> (Unicode.Scalar, Int)? {
        let limit = min(bytes.endIndex, start + 34)
        var end = start + 1
        while end < limit, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "&"), bytes[end] > 0x20 { end += 1 }
        let body = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        if end < limit, bytes[end] == UInt8(ascii: ";") {
            if let scalar = body.hasPrefix("#") ? numeric(body.dropFirst(), html: html) : (html ? Self.html : xml)[body] {
                return (scalar, end - start + 1)
            }
            return nil
        }
        guard html else { return nil }
        for name in legacyWithoutSemicolon where body.hasPrefix(name) {
            if let scalar = Self.html[name] { return (scalar, name.utf8.count + 1) }
        }
        return nil
    }

    private static func numeric(_ digits: Substring, html: Bool) -> Unicode.Scalar? {
        let hex = digits.first == "x" || digits.first == "X"
        let text = hex ? digits.dropFirst() : digits
        guard !text.isEmpty, text.count <= 8, let value = UInt32(text, radix: hex ? 16 : 10) else { return nil }
        if html, let mapped = windows1252[value] { return mapped }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
