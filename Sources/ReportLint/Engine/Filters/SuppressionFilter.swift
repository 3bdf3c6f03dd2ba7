/// Inline suppression in .txt and .md drafts, as comments that Markdown does not show:
///
///     <!-- xxgk-lint-disable-next-line punctuation -->     the next line that is not blank
///     <!-- xxgk-lint-disable repeated-word, punctuation -->  from here …
///     <!-- xxgk-lint-enable repeated-word -->               … to here (or to the end of the file)
///     <!-- xxgk-lint-disable-file report-title -->          the whole file
///
/// In a .docx, a Word comment (批注) whose text begins `xxgk-lint-disable RULE[,RULE…]` covers the
/// paragraphs (or table rows) it is anchored on; `xxgk-lint-disable` alone covers every rule there.
///
/// Without rule ids a comment covers every rule. A comment that suppresses nothing, or names a rule that
/// does not exist, is reported (`unused-suppression`, a note), as SwiftLint reports a superfluous disable.
/// Comment lines are not report text: the reader passes over them (`SuppressionComment.isComment`).
struct SuppressionFilter: DiagnosticFilter {
    func apply(_ diagnostics: [Diagnostic], document: Document?, context: FilterContext) -> [Diagnostic] {
        guard let document, document.format == .text || document.format == .markdown || document.format == .docx else { return diagnostics }
        let comments = SuppressionComment.find(in: document)
        guard !comments.isEmpty else { return diagnostics }
        var used = [Bool](repeating: false, count: comments.count)
        var kept: [Diagnostic] = []
        for d in diagnostics {
            let covering = comments.indices.filter { comments[$0].covers(line: d.line - 1, rule: d.ruleID) }
            for k in covering { used[k] = true }
            if covering.isEmpty { kept.append(d) }
        }
        guard context.enabled.contains(UnusedSuppressionRule.descriptor.id),
              let severity = context.severity(UnusedSuppressionRule.descriptor.id) else { return kept }
        for (k, comment) in comments.enumerated() {
            for id in comment.rules where context.catalogue.descriptor(id) == nil {
                kept.append(note(comment, severity, UnusedSuppressionRule.unknown(id, suggestion: context.catalogue.suggestion(for: id))))
            }
            // A comment is unused only if every rule it names ran and none of them was silenced by it.
            let ran = comment.rules.isEmpty || comment.rules.allSatisfy(context.enabled.contains)
            if !used[k], ran { kept.append(note(comment, severity, UnusedSuppressionRule.unused(comment.rules))) }
        }
        return kept.sorted(by: Diagnostic.documentOrder)
    }

    private func note(_ c: SuppressionComment, _ severity: Severity, _ message: Localized) -> Diagnostic {
        Diagnostic(ruleID: UnusedSuppressionRule.descriptor.id, severity: severity, message: message, path: c.path,
                   line: c.line + 1, column: c.column + 1, endColumn: c.column + 1 + c.text.unicodeScalars.count, snippet: c.text)
    }
}

/// One suppression comment and the lines it covers (0-based, inclusive).
struct SuppressionComment {
    enum Kind: String { case nextLine = "disable-next-line", disable, enable, file = "disable-file" }
    var kind: Kind
    var rules: [String]
    var line: Int
    var column: Int
    var text: String
    var path: String
    var covered: ClosedRange<Int>

    func covers(line l: Int, rule: String) -> Bool {
        kind != .enable && covered.contains(l) && (rules.isEmpty || rules.contains(rule))
    }

    /// `<!-- xxgk-lint-… -->` alone on its line.
    static func isComment(_ line: [Unicode.Scalar]) -> Bool { parse(line) != nil }

    static func parse(_ line: [Unicode.Scalar]) -> (kind: Kind, rules: [String], column: Int, text: String)? {
        // Every line of every draft comes here (the reader asks too): turn away, without making a String, each
        // line that does not start with `<!--` after its blanks — that was an eighth of a worker's instructions.
        guard let start = line.firstIndex(where: { !$0.isBlank }), line.count - start >= 7,
              line[start] == "<", line[start + 1] == "!", line[start + 2] == "-", line[start + 3] == "-" else { return nil }
        let text = line.string
        let trimmed = text.trimmedBlanks
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        var body: String = String(trimmed.dropFirst(4).dropLast(3)).trimmedBlanks
        guard body.hasPrefix("xxgk-lint-") else { return nil }
        body = String(body.dropFirst("xxgk-lint-".count))
        let words = ruleWords(body)
        guard let first = words.first, let kind = Kind(rawValue: first) else { return nil }
        let column = text.unicodeScalars.prefix { $0.isBlank }.count
        return (kind, Array(words.dropFirst()), column, trimmed)
    }

    /// The words of a comment's body (kind and rule ids), without the “-- why”, which is for people.
    static func ruleWords(_ body: String) -> [String] {
        var body = body
        if let reason = body.range(of: " -- ") { body = String(body[..<reason.lowerBound]) }
        let separators: Set<Character> = [" ", ",", "，", "、", "\t", "\n"]
        return body.split(whereSeparator: { separators.contains($0) }).map(String.init)
    }

    /// The rules a Word comment's text disables (empty: all), or nil when it is no suppression.
    static func parseWord(_ text: String) -> [String]? {
        let words = ruleWords(text.trimmedBlanks)
        guard words.first == "xxgk-lint-disable" else { return nil }
        return Array(words.dropFirst())
    }

    /// Every suppression comment of a document, with the lines each covers.
    static func find(in document: Document) -> [SuppressionComment] {
        if document.format == .docx {
            return document.wordComments.compactMap { c in
                guard let lines = c.lines, let rules = parseWord(c.text) else { return nil }
                // An unused one is shown on its paragraph's text, which Ctrl+F finds (the comment is beside it).
                let text = lines.lowerBound < document.lines.count ? document.lines[lines.lowerBound].text : ""
                return SuppressionComment(kind: .disable, rules: rules, line: lines.lowerBound, column: 0, text: text,
                                          path: document.path, covered: lines)
            }
        }
        // Most drafts have none: asked line by line, in place, before every line is copied into the array below.
        guard document.lines.indices.contains(where: { parse(document.lines[$0].scalars) != nil }) else { return [] }
        let lines = document.lines.map(\.scalars)
        var result: [SuppressionComment] = []
        for (i, line) in lines.enumerated() {
            guard let (kind, rules, column, text) = parse(line) else { continue }
            var covered = i...i
            switch kind {
            case .nextLine:
                let next = (i + 1..<lines.count).first { !lines[$0].allSatisfy(\.isBlank) && parse(lines[$0]) == nil }
                covered = (next ?? i)...(next ?? i)
            case .disable:
                // to the first enable that names one of its rules (or any enable without rules), else the end
                let end = (i + 1..<lines.count).first { j in
                    guard let e = parse(lines[j]), e.kind == .enable else { return false }
                    return e.rules.isEmpty || rules.isEmpty || !Set(e.rules).isDisjoint(with: rules)
                }
                covered = i...((end ?? lines.count) - 1 < i ? i : (end ?? lines.count) - 1)
            case .file: covered = 0...max(lines.count - 1, 0)
            case .enable: break
            }
            result.append(SuppressionComment(kind: kind, rules: rules, line: i, column: column, text: text,
                                             path: document.path, covered: covered))
        }
        return result.filter { $0.kind != .enable }
    }
}
