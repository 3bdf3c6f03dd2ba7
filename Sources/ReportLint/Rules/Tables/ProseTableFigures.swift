/// Finds the figures stated in prose that a statutory table also states (“共收到政府信息公开申请28件”,
/// “其中自然人申请24件”, “结转下年度继续办理1件”, “被申请行政复议2件”), by the phrases of rules/tables.json.
struct ProseTableFigures {
    let report: Report
    let phrases: TableFigurePhrases

    /// A prose figure and the table cells it restates.
    struct Link {
        var statement: TableFigurePhrases.Statement
        /// Where the figure stands, and the clause with the figure as printed.
        var span: TextSpan
        var quote: String
        var value: Double
        /// The row sets the figure may sum: the first is the precise reading, the others what loose wording allows.
        var rowSets: [[String]]
        var columns: [String]
        /// A breakdown by applicant of the link at this index (“其中自然人申请24件”).
        var parent: Int?
        /// The sentence names a sub-unit (区政府办…): the figure may be that unit's, not the body's.
        var subUnit: Bool
    }

    private static let separators: Set<Unicode.Scalar> = ["，", ",", "；", ";", "。", "：", ":", "！", "？", "!", "?", "、", "（", "(", "）", ")"]
    /// Compared as Strings one by one: six short Strings are told apart faster than one is hashed.
    private static let units: [String] = ["件", "起", "宗", "例", "个", "份"]

    func links() -> [Link] {
        var result: [Link] = []
        // Which phrases are inert, per statement: asked for every count figure and statement otherwise.
        let inertPhrases = phrases.statements.map { $0.phrases.map { $0.unicodeScalars.allSatisfy(LabelText.isInert) } }
        // Worked out once, not for every paragraph: the zero statements with their phrases as scalars, and
        // each paragraph's figures (every paragraph asked for its own among all the report's).
        let zeroStatements = phrases.zeroStatements.compactMap { zero in
            phrases.statements.first { $0.key == zero.key }.map { st in (st, zero.phrases.map { ($0, $0.scalars) }) }
        }
        let figures = figuresByParagraph()
        for (index, paragraph) in report.paragraphs.enumerated() where !paragraph.isHeading {
            let s = paragraph.scalars
            var parent: Int?, parentEnd = 0
            for f in figures[index] where f.kind == .count && !f.approximate && Self.units.contains(f.unit) {
                let clauseStart = (s[..<f.start].lastIndex { Self.separators.contains($0) } ?? -1) + 1
                let clause = s[clauseStart..<f.start].string
                let clauseIsInert = s[clauseStart..<f.start].allSatisfy(LabelText.isInert)
                // A breakdown by applicant belongs to a figure of the same sentence.
                if parent != nil, s[parentEnd..<f.start].contains(where: \.endsSentence) { parent = nil }
                guard !phrases.skipMarkers.contains(where: clause.contains), !namesOtherYear(figures[index], clauseStart, f.start) else { continue }
                let quote = clause.trimmedBlanks + report.text(f)
                if let k = phrases.statements.indices.first(where: {
                    matches(phrases.statements[$0], inertPhrases[$0], clause: clause, inert: clauseIsInert, paragraph: paragraph)
                }) {
                    let st = phrases.statements[k]
                    result.append(Link(statement: st, span: report.span(f), quote: quote, value: f.value,
                                       rowSets: [st.rows] + (st.alternativeRows.map { [$0] } ?? []),
                                       columns: column(st).map { [$0] } ?? [], parent: nil, subUnit: namesSubUnit(s, before: f.start)))
                    parent = st.applicants == true ? result.count - 1 : nil
                    parentEnd = f.end
                } else if let p = parent, let applicant = phrases.applicants.first(where: { clause.contains($0.phrase) }) {
                    var link = result[p]
                    link.span = report.span(f)
                    link.quote = quote
                    link.value = f.value
                    link.columns = applicant.columns
                    link.parent = p
                    result.append(link)
                }
            }
            // “未收到政府信息公开申请”: a statement of zero.
            for (st, zeroPhrases) in zeroStatements {
                for (phrase, scalars) in zeroPhrases {
                    guard let at = s.firstIndex(of: scalars) else { continue }
                    let clauseStart = (s[..<at].lastIndex { Self.separators.contains($0) } ?? -1) + 1
                    guard !namesOtherYear(figures[index], clauseStart, at) else { continue }
                    result.append(Link(statement: st, span: paragraph.span(at, at + scalars.count), quote: phrase,
                                       value: 0, rowSets: [st.rows], columns: column(st).map { [$0] } ?? [], parent: nil,
                                       subUnit: namesSubUnit(s, before: at)))
                    break
                }
            }
        }
        return result
    }

    /// Whether the clause up to a figure states the statement's figure. Foundation's search (which matches
    /// canonically equivalent text) is asked only for phrases that may be in the clause: where neither has a
    /// scalar that decomposes or combines (`LabelText.isInert`), a phrase whose bytes are not in the clause's
    /// is not there — and most clauses contain none of most statements' phrases.
    private func matches(_ st: TableFigurePhrases.Statement, _ inertPhrases: [Bool], clause: String, inert: Bool,
                         paragraph: Paragraph) -> Bool {
        let found = st.phrases.indices.compactMap { k -> Range<String.Index>? in
            let phrase = st.phrases[k]
            if inert, inertPhrases[k], !clause.containsText(phrase) { return nil }
            return clause.range(of: phrase, options: .backwards)
        }
        guard let found = found.max(by: { $0.upperBound < $1.upperBound }) else { return false }
        let rest = clause[found.upperBound...].filter { !$0.isWhitespace && $0 != "\u{3000}" }
        if st.adjacent == true, rest.count > 4 { return false }
        if let needs = st.clauseNeeds, !needs.contains(where: clause.contains) { return false }
        if let needs = st.objectNeeds, !needs.contains(where: clause.contains),
           !(rest.count <= 3 && needs.contains(where: paragraph.text.contains)) { return false }
        if let unless = st.unless, unless.contains(where: clause.contains) { return false }
        return true
    }

    /// The statement's column: its own, or the first of its columns the table has.
    private func column(_ st: TableFigurePhrases.Statement) -> String? {
        if let c = st.column { return c }
        guard let table = report.statutoryTable(st.table) else { return st.columns?.first }
        return st.columns?.first { c in st.rows.contains { table[$0, c] != nil } } ?? st.columns?.first
    }

    /// A year other than the report year in the clause (“2022年共收到…” in a 2023 report is year-mismatch's),
    /// among the figures of the clause's paragraph.
    private func namesOtherYear(_ figures: [Figure], _ start: Int, _ end: Int) -> Bool {
        guard let year = report.year?.value else { return false }
        return figures.contains { $0.kind == .year && $0.start >= start && $0.start < end && Int($0.value) != year }
    }

    /// The report's figures by paragraph, in order.
    private func figuresByParagraph() -> [[Figure]] {
        var result = [[Figure]](repeating: [], count: report.paragraphs.count)
        for f in report.figures where result.indices.contains(f.paragraph) { result[f.paragraph].append(f) }
        return result
    }

    /// The sentence up to the figure names a unit other than the reporting body.
    private func namesSubUnit(_ s: [Unicode.Scalar], before end: Int) -> Bool {
        let start = (s[..<end].lastIndex { $0.endsSentence } ?? -1) + 1
        let sentence = s[start..<end].string
        let body = report.body ?? ""
        return phrases.subUnitMarkers.contains { sentence.contains($0) && !body.contains($0) }
    }
}
