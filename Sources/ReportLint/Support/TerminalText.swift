/// Untrusted text — a draft's words, file names, reasons quoted from a loader — made safe to print on a
/// terminal or into a log: control characters (ESC sequences, OSC titles, BEL, a newline that would forge a
/// line of output), C1 controls, and the bidirectional overrides that reorder what a reader sees are shown
/// as visible escapes (`\x1B`, `\n`, `\u{202E}`). JSON and SARIF escape on their own; this is for the human
/// report and standard error.
public enum TerminalText {
    /// The escape a scalar is shown as, or nil when it prints as itself. A tab prints as itself in text
    /// (table rows join their cells with one) and as `\t` in a file name.
    public static func escape(_ u: Unicode.Scalar, keepTab: Bool = true) -> String? {
        switch u.value {
        case 0x09: return keepTab ? nil : "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x00...0x1F, 0x7F...0x9F: return "\\x" + hex(u.value, width: 2)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
            return "\\u{" + hex(u.value, width: 4) + "}"
        default: return nil
        }
    }

    /// `text` with every unsafe scalar replaced by its escape.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { escape($0) != nil }) else { return text }
        var result = ""
        for u in text.unicodeScalars {
            if let e = escape(u) { result += e } else { result.unicodeScalars.append(u) }
        }
        return result
    }

    /// A file name as printed before `:line:col:` — as it is when it is plain, else in double quotes with
    /// its unusual characters escaped, so that a name holding a newline cannot forge a line of output.
    public static func path(_ name: String) -> String {
        let unusual = name.unicodeScalars.contains { escape($0, keepTab: false) != nil }
            || name.first == " " || name.last == " "
        guard unusual else { return name }
        var result = "\""
        for u in name.unicodeScalars {
            if u == "\"" || u == "\\" { result += "\\" + String(u) }
            else if let e = escape(u, keepTab: false) { result += e }
            else { result.unicodeScalars.append(u) }
        }
        return result + "\""
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
