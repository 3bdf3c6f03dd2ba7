/// Why a custom rule's pattern could make a backtracking matcher run for minutes on one paragraph, or nil.
///
/// Swift's `Regex` backtracks and cannot be interrupted, so a pack's pattern is judged before it is used.
/// Refused, each with its reason:
/// - a repeated group with a repetition or an optional part inside — `(a+)+`, `(\d*)*`, `(a?){30}`;
/// - a repeated group whose alternatives can match at the same place — `(a|a)*`, `(a|aa)*b`, `(.|x)+`
///   (alternatives that are plain words, none the start of another — `(年|月)+` — are safe);
/// - repetitions side by side that can match the same text — `.*.*.*x`, `\d+\d*` (polynomial time);
/// - backreferences (`\1`, `\k<name>`), and patterns over 500 characters.
/// Anything that still runs away is stopped by the per-file time budget (`--timeout`).
enum PatternRisk {
    static func reason(_ pattern: String) -> String? {
        let s = Array(pattern.unicodeScalars)
        if s.count > 500 { return "a pattern over 500 characters" }
        var parser = Parser(s: s)
        let alternatives = parser.alternatives()
        if let why = parser.problem { return why }
        return judge(alternatives)
    }

    enum Repeat: Equatable { case once, optional, bounded, unbounded }

    /// An atom of the pattern with its quantifier: a character, a class or `.`, or a group.
    struct Node {
        var text: String
        /// Matches many different characters: `.`, a class, `\S`, `\w`, `\d`…
        var wide: Bool
        var group: [[Node]]?
        var repeats: Repeat = .once

        var hasQuantifierInside: Bool {
            (group ?? []).contains { $0.contains { $0.repeats != .once || $0.hasQuantifierInside } }
        }
    }

    private static func judge(_ alternatives: [[Node]]) -> String? {
        for sequence in alternatives {
            for (k, node) in sequence.enumerated() {
                if let group = node.group {
                    if node.repeats == .bounded || node.repeats == .unbounded {
                        if node.hasQuantifierInside { return "a repeated group that contains a repetition or an optional part" }
                        if group.count > 1, !prefixFree(group) { return "a repeated group whose alternatives can match the same text" }
                    }
                    if let why = judge(group) { return why }
                }
                if k > 0, node.repeats == .unbounded, sequence[k - 1].repeats == .unbounded,
                   node.wide || sequence[k - 1].wide || node.text == sequence[k - 1].text {
                    return "repetitions side by side that can match the same text"
                }
            }
        }
        return nil
    }

    /// Alternatives that are plain words of which none is the start of another (so at most one can match
    /// at any place).
    private static func prefixFree(_ group: [[Node]]) -> Bool {
        var words: [String] = []
        for sequence in group {
            guard !sequence.isEmpty, sequence.allSatisfy({ $0.group == nil && !$0.wide && $0.repeats == .once }) else { return false }
            words.append(sequence.map(\.text).joined())
        }
        for (i, a) in words.enumerated() {
            for (j, b) in words.enumerated() where i != j && b.hasPrefix(a) { return false }
        }
        return true
    }

    /// A recursive reader of the pattern's structure (not a validator: `Regex` validates it afterwards).
    private struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        var problem: String?

        mutating func alternatives() -> [[Node]] {
            var result: [[Node]] = [[]]
            while i < s.count, problem == nil {
                let c = s[i]
                if c == ")" { break }
                if c == "|" { result.append([]); i += 1; continue }
                guard var node = atom() else { continue }
                node.repeats = quantifier()
                result[result.count - 1].append(node)
            }
            return result
        }

        private mutating func atom() -> Node? {
            let c = s[i]
            switch c {
            case "(":
                i += 1
                if i < s.count, s[i] == "?" {  // (?: (?<name> (?= (?! (?<= (?<! (?i) …
                    i += 1
                    if i < s.count, s[i] == "<" || s[i] == "P", i + 1 < s.count, s[i + 1] != "=" && s[i + 1] != "!" {
                        while i < s.count, s[i] != ">" { i += 1 }
                    }
                    while i < s.count, ![":", ">", "=", "!", ")"].contains(s[i]) { i += 1 }
                    if i < s.count, s[i] == ")" { i += 1; return nil }  // a flag group such as (?i)
                    i += 1
                }
                let inner = alternatives()
                i += 1  // ")"
                return Node(text: "(", wide: false, group: inner)
            case "[":
                let start = i
                i += 1
                if i < s.count, s[i] == "^" { i += 1 }
                if i < s.count, s[i] == "]" { i += 1 }
                var depth = 1
                while i < s.count, depth > 0 {
                    if s[i] == "\\" { i += 2; continue }
                    if s[i] == "[" { depth += 1 } else if s[i] == "]" { depth -= 1 }
                    i += 1
                }
                return Node(text: String(String.UnicodeScalarView(s[start..<min(i, s.count)])), wide: true)
            case "\\":
                guard i + 1 < s.count else { i += 1; return nil }
                let e = s[i + 1]
                if e == "k" || (e.properties.numericType != nil && e != "0") { problem = "a backreference"; return nil }
                i += 2
                if ["p", "P", "x", "u", "N"].contains(e), i < s.count, s[i] == "{" {
                    while i < s.count, s[i] != "}" { i += 1 }
                    i += 1
                }
                let wide = "dDwWsSpPhHvVRXN".unicodeScalars.contains(e)
                return Node(text: "\\" + String(e), wide: wide)
            case ".":
                i += 1
                return Node(text: ".", wide: true)
            case "^", "$":
                i += 1
                return nil
            default:
                i += 1
                return Node(text: String(c), wide: false)
            }
        }

        private mutating func quantifier() -> Repeat {
            guard i < s.count else { return .once }
            var result: Repeat
            switch s[i] {
            case "*", "+": result = .unbounded; i += 1
            case "?": result = .optional; i += 1
            case "{":
                var j = i + 1, text = ""
                while j < s.count, s[j] != "}" { text.unicodeScalars.append(s[j]); j += 1 }
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                guard j < s.count, (1...2).contains(parts.count), parts.allSatisfy({ $0.isEmpty || Int($0) != nil }),
                      !parts[0].isEmpty || parts.count == 2 else { return .once }  // a literal “{”
                i = j + 1
                let upper = parts.count == 2 ? Int(parts[1]) : Int(parts[0])
                if parts.count == 2 && parts[1].isEmpty { result = .unbounded }
                else if let upper, upper > 1 { result = .bounded }
                else if let upper, upper == 1, (Int(parts[0]) ?? 0) == 0 { result = .optional }
                else { result = .once }
            default: return .once
            }
            if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }  // lazy or possessive
            return result
        }
    }
}
