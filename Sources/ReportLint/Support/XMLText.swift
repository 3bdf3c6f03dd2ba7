/// Text for XML files we write (JUnit reports, the parts of an annotated .docx).
enum XMLText {
    /// Text and attribute values: markup characters as entities; characters XML 1.0 cannot hold (controls
    /// other than tab and line ends, lone surrogates cannot occur in a String) as U+FFFD.
    static func escape(_ s: String) -> String {
        var r = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&apos;"
            case "\t", "\n", "\r": r.unicodeScalars.append(c)
            case _ where c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF: r += "\u{FFFD}"
            default: r.unicodeScalars.append(c)
            }
        }
        return r
    }
}
