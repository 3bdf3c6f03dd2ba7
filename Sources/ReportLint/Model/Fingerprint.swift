/// A finding's identity that survives unrelated edits: the rule, the snippet, and which occurrence of that
/// pair it is in its file (not the line, which moves whenever text is added above). SARIF's
/// `partialFingerprints` and the baseline use it.
public enum Fingerprint {
    /// One key per diagnostic of one file, in the order given (document order). With `lineText`, the text of
    /// the finding's line is part of the key: a one-character snippet (a half-width comma) then keeps its key
    /// when another like it is added above, which the occurrence alone would shift (the baseline uses this).
    public static func keys(_ diagnostics: [Diagnostic], lineText: ((Int) -> String?)? = nil) -> [String] {
        var seen: [String: Int] = [:]
        return diagnostics.map { d in
            let context = lineText?(d.line).map { "|" + $0.trimmedBlanks } ?? ""
            let key = d.ruleID + "\u{1F}" + d.snippet + context
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return hex("\(d.ruleID)|\(d.snippet)\(context)|\(occurrence)")
        }
    }

    /// FNV-1a, 64 bits, as 16 hex digits.
    static func hex(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
