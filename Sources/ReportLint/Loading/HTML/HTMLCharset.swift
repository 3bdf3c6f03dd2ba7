/// Decoding a saved web page: a byte-order mark wins, then the charset the page declares
/// (`<meta charset=gbk>`, `<meta http-equiv=Content-Type content="text/html; charset=gb2312">`,
/// `<?xml … encoding="…"?>`; a declared UTF-16 is read as UTF-8, as the HTML standard says), then UTF-8 if the bytes are valid UTF-8, then GB18030.
///
/// GB2312 and GBK pages are decoded as GB18030, a superset of both: sites declare gb2312 but use GBK
/// characters (such as 镕 or 堃) all the time. A declaration that the bytes contradict is ignored
/// rather than trusted, since pages re-saved by editors often keep a stale meta tag.
enum HTMLCharset {
    static func decode(_ bytes: [UInt8]) throws(LoadError) -> (text: String, encoding: String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try TextDecoding.decode(bytes)
        }
        if let declared = declaredCharset(bytes).map(canonicalName) {
            if declared == "UTF-8", let text = TextDecoding.strictUTF8(bytes[...]) { return (text, "UTF-8") }
            if declared != "UTF-8", let text = TextDecoding.iconvDecode(bytes, from: declared) { return (text, declared) }
        }
        if let text = TextDecoding.strictUTF8(bytes[...]) { return (text, "UTF-8") }
        if let text = TextDecoding.iconvDecode(bytes, from: "GB18030") { return (text, "GB18030") }
        throw .undecodable
    }

    /// The charset named in the first 4 KiB: `charset=NAME` (meta tags) or `encoding="NAME"` (XML declaration).
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        for key in ["charset", "encoding"] {
            var search = head.startIndex..<head.endIndex
            while let found = head.range(of: key, range: search) {
                search = found.upperBound..<head.endIndex
                var rest = head[found.upperBound...].drop { $0 == " " }
                guard rest.first == "=" else { continue }
                rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
                if !name.isEmpty { return String(name) }
            }
        }
        return nil
    }

    /// The iconv name to decode a declared charset with.
    static func canonicalName(_ declared: String) -> String {
        switch declared.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "gb2312", "gbk", "x-gbk", "gb18030", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "gb_2312-80":
            return "GB18030"
        case "big5", "big5-hkscs", "x-x-big5": return "BIG5-HKSCS"
        // The HTML standard's prescan: a page that declares UTF-16 in a meta tag cannot be UTF-16 (the tag
        // itself was read as ASCII), so the declaration means UTF-8; x-user-defined means windows-1252.
        case "utf-16", "utf-16le", "utf-16be", "unicodefffe", "unicodefeff", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode":
            return "UTF-8"
        case "x-user-defined": return "WINDOWS-1252"
        default: return declared.uppercased()
        }
    }
}
