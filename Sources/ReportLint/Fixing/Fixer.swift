/// Applies the fixes that are certain — the regulation's full name, full-width punctuation in Chinese text,
/// a letter-spaced title, a custom rule's replacement — to the lines of a .txt or .md draft. Fixes that need
/// a person (a year that may be last year's on purpose, a renumbered section, a deleted repetition) are
/// only shown. Each fix replaces its diagnostic's span on one line; of two that overlap, the one further
/// on in the line is kept and the other waits for the next pass.
public enum Fixer {
    /// Rules whose every fix is certain; a custom rule's replacement is certain too.
    public static let certainRules: Set<String> = ["punctuation", "regulation-title", "report-title"]

    public static func isCertain(_ d: Diagnostic, customRules: Set<String>) -> Bool {
        d.fix != nil && d.line == d.endLine && (certainRules.contains(d.ruleID) || customRules.contains(d.ruleID))
    }

    /// The lines with the certain fixes applied, and how many were applied.
    public static func apply(_ diagnostics: [Diagnostic], to lines: [String], customRules: Set<String> = []) -> (lines: [String], applied: Int) {
        var lines = lines
        var applied = 0
        let byLine = Dictionary(grouping: diagnostics.filter { isCertain($0, customRules: customRules) }, by: \.line)
        for (line, fixes) in byLine where line - 1 < lines.count {
            var scalars = Array(lines[line - 1].unicodeScalars)
            var limit = scalars.count + 1  // fixes are applied from the end of the line; none may reach past the last
            for d in fixes.sorted(by: { $0.column > $1.column }) {
                let start = d.column - 1, end = d.endColumn - 1
                guard start >= 0, start <= end, end <= scalars.count, end < limit, let fix = d.fix else { continue }
                // The span must still hold the text the finding quoted (the file did not change under us).
                guard String(String.UnicodeScalarView(scalars[start..<end])) == d.snippet || d.snippet.isEmpty else { continue }
                scalars.replaceSubrange(start..<end, with: Array(fix.replacement.unicodeScalars))
                limit = start
                applied += 1
            }
            lines[line - 1] = String(String.UnicodeScalarView(scalars))
        }
        return (lines, applied)
    }
}

/// A unified diff of a file whose lines were changed in place (fixes never add or remove lines).
public enum UnifiedDiff {
    public static func render(path: String, old: [String], new: [String], context: Int = 3) -> String {
        let changed = old.indices.filter { $0 < new.count && old[$0] != new[$0] }
        guard !changed.isEmpty else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        var k = 0
        while k < changed.count {
            // One hunk: changed lines no more than 2 × context apart.
            var last = k
            while last + 1 < changed.count, changed[last + 1] - changed[last] <= 2 * context { last += 1 }
            let from = max(changed[k] - context, 0), to = min(changed[last] + context, old.count - 1)
            let count = to - from + 1
            out += "@@ -\(from + 1),\(count) +\(from + 1),\(count) @@\n"
            for i in from...to {
                if old[i] == new[i] { out += " \(old[i])\n" } else { out += "-\(old[i])\n+\(new[i])\n" }
            }
            k = last + 1
        }
        return out
    }
}
