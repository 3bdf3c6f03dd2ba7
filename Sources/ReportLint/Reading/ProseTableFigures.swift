/// Finds the figures stated in prose that a statutory table also states (“共收到政府信息公开申请28件”,
/// “其中自然人申请24件”, “结转下年度继续办理1件”, “被申请行政复议2件”), by the phrases of rules/tables.json:
/// read once into `Report.proseTableFigures`, which text-table-mismatch compares with the tables. Runs last
/// in reading: it needs the report's year, body and statutory tables.
struct ProseTableFigures {
    let report: Report
    let phrases: TableFigurePhrases
    /// The phrases as scalars (`Knowledge.phrases.tableFigures`), compiled once per pack; made here when not given.
    var scalars: FigurePhraseScalars?

    init(report: Report, phrases: TableFigurePhrases, scalars: FigurePhraseScalars? = nil) {
        self.report = report
        self.phrases = phrases
        self.scalars = scalars
    }

    init(report: Report, knowledge: Knowledge) {
        self.init(report: report, phrases: knowledge.pack.tableFigures, scalars: knowledge.phrases.tableFigures)
    }

    typealias Link = ProseTableFigure

    /// A clause ends at one of these. (A switch: hashing each scalar into a Set cost more, on every scalar
    /// searched back over from every count figure.)
    private static func isSeparator(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "，", ",", "；", ";", "。", "：", ":", "！", "？", "!", "?", "、", "（", "(", "）", ")": true
        default: false
        }
    }
    /// Compared as Strings one by one: six short Strings are told apart faster than one is hashed.
    private static let units: [String] = ["件", "起", "宗", "例", "个", "份"]

    func links() -> [Link] {
        var result: [Link] = []
        let compiled = scalars ?? FigurePhraseScalars(phrases)
        let figures = FiguresByParagraph(report)
        for (index, paragraph) in report.paragraphs.enumerated() where !paragraph.isHeading {
            let s = paragraph.scalars
            var parent: Int?, parentEnd = 0
            for f in figures[index] where f.kind == .count && !f.approximate && Self.isCountUnit(f.unit) {
                let clauseStart = (s[..<f.start].lastIndex(where: Self.isSeparator) ?? -1) + 1
                // The clause stays scalars until a phrase is found in it: most clauses state no statement's figure,
                // and making a String of each cost more than the search.
                let clause = s[clauseStart..<f.start]
                let clauseIsInert = clause.allSatisfy(LabelText.isInert)
                var clauseText: String?
                // A breakdown by applicant belongs to a figure of the same sentence.
                if parent != nil, s[parentEnd..<f.start].contains(where: \.endsSentence) { parent = nil }
                guard !compiled.skipMarkers.contains(where: clause.containsScalars),
                      !namesOtherYear(figures[index], clauseStart, f.start) else { continue }
                let clauseMask = Self.scalarMask(clause)
                if let k = compiled.statements.indices.first(where: {
                    matches($0, compiled.statements[$0], clause: clause, mask: clauseMask, text: &clauseText, inert: clauseIsInert,
                            paragraph: paragraph)
                }) {
                    let st = phrases.statements[k]
                    let quote = (clauseText ?? clause.string).trimmedBlanks + report.text(f)
                    result.append(Link(statement: st, span: report.span(f), quote: quote, value: f.value,
                                       rowSets: [st.rows] + (st.alternativeRows.map { [$0] } ?? []),
                                       columns: column(st).map { [$0] } ?? [], parent: nil,
                                       subUnit: namesSubUnit(s, before: f.start, compiled.subUnitMarkers)))
                    parent = st.applicants == true ? result.count - 1 : nil
                    parentEnd = f.end
                } else if let p = parent, let a = compiled.applicants.firstIndex(where: clause.containsScalars) {
                    var link = result[p]
                    link.span = report.span(f)
                    link.quote = (clauseText ?? clause.string).trimmedBlanks + report.text(f)
                    link.value = f.value
                    link.columns = phrases.applicants[a].columns
                    link.parent = p
                    result.append(link)
                }
            }
            // “未收到政府信息公开申请”: a statement of zero. Searched from the first scalar that starts a zero
            // phrase, and not at all in the many paragraphs without one.
            guard let from = s.firstIndex(where: compiled.zeroFirsts.contains) else { continue }
            for zero in compiled.zeroStatements {
                for (phrase, scalars) in zero.phrases {
                    guard let at = s.firstIndex(of: scalars, from: from) else { continue }
                    let clauseStart = (s[..<at].lastIndex(where: Self.isSeparator) ?? -1) + 1
                    guard !namesOtherYear(figures[index], clauseStart, at) else { continue }
                    let st = phrases.statements[zero.statement]
                    result.append(Link(statement: st, span: paragraph.span(at, at + scalars.count), quote: phrase,
                                       value: 0, rowSets: [st.rows], columns: column(st).map { [$0] } ?? [], parent: nil,
                                       subUnit: namesSubUnit(s, before: at, compiled.subUnitMarkers)))
                    break
                }
            }
        }
        return result
    }

    /// `units.contains(unit)`. A unit of one inert scalar (`LabelText.isInert`: it neither decomposes nor
    /// combines) equals a unit as a String exactly when the scalars are equal, which is answered without a
    /// String comparison — this is asked of every count figure of a report.
    private static func isCountUnit(_ unit: String) -> Bool {
        var scalars = unit.unicodeScalars.makeIterator()
        if let u = scalars.next(), scalars.next() == nil, LabelText.isInert(u) { return unitScalars.contains(u) }
        return units.contains(unit)
    }
    private static let unitScalars: [Unicode.Scalar] = units.map { $0.unicodeScalars.first! }

    /// Whether the clause up to a figure states statement `k`'s figure. Where the clause and every phrase are
    /// inert (`LabelText.isInert`: no scalar decomposes or combines, so each is a Character of its own and
    /// Foundation's search, which matches canonically equivalent text, finds exactly the scalar matches), the
    /// phrases are searched on scalars; the clause becomes a String (`text`, made once) only for the conditions
    /// of a statement found, or for Foundation's search where some scalar is not inert.
    private func matches(_ k: Int, _ compiled: FigurePhraseScalars.Statement, clause: ArraySlice<Unicode.Scalar>,
                         mask: UInt64, text: inout String?, inert: Bool, paragraph: Paragraph) -> Bool {
        if inert, compiled.allInert {
            guard let end = Self.lastPhraseEnd(compiled.phrases, in: clause, mask: mask) else { return false }
            let string = text ?? clause.string
            text = string
            // Inert white space is ASCII's and U+3000, each a Character of its own.
            return holds(phrases.statements[k], clause: string, paragraph: paragraph) {
                clause[end...].reduce(0) { $0 + ($1.value == 0x20 || (0x09...0x0D).contains($1.value) || $1 == "\u{3000}" ? 0 : 1) }
            }
        }
        let string = text ?? clause.string
        text = string
        return matches(phrases.statements[k], compiled.inert, clause: string, inert: inert, paragraph: paragraph)
    }

    /// Where the phrase found last in the clause ends (the greatest end among the phrases' last occurrences,
    /// as `range(of:options: .backwards)` finds them), or nil when none stands there. `mask` is the clause's
    /// `scalarMask`: a phrase whose first scalar has no bit in it is not searched for (most are not there).
    private static func lastPhraseEnd(_ phrases: [[Unicode.Scalar]], in clause: ArraySlice<Unicode.Scalar>,
                                      mask: UInt64) -> Int? {
        var best: Int?
        for phrase in phrases where !phrase.isEmpty && phrase.count <= clause.count && mask & bit(phrase[0]) != 0 {
            var i = clause.endIndex - phrase.count
            while i >= clause.startIndex {
                if clause[i] == phrase[0], clause[i..<(i + phrase.count)].elementsEqual(phrase) {
                    if best.map({ i + phrase.count > $0 }) ?? true { best = i + phrase.count }
                    break
                }
                i -= 1
            }
        }
        return best
    }

    /// One bit for each scalar of `s` (its value modulo 64): a scalar whose bit is clear is not in `s`.
    private static func scalarMask(_ s: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var mask: UInt64 = 0
        for u in s { mask |= bit(u) }
        return mask
    }

    private static func bit(_ u: Unicode.Scalar) -> UInt64 { 1 << UInt64(u.value & 63) }

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
        // What follows the phrase, without blanks, counted only where a condition below asks (as Characters).
        return holds(st, clause: clause, paragraph: paragraph) {
            clause[found.upperBound...].filter { !$0.isWhitespace && $0 != "\u{3000}" }.count
        }
    }

    /// The statement's conditions on a clause in which one of its phrases was found; `restCount` counts what
    /// follows the phrase, without blanks (asked only where a condition needs it).
    private func holds(_ st: TableFigurePhrases.Statement, clause: String, paragraph: Paragraph, restCount: () -> Int) -> Bool {
        if st.adjacent == true, restCount() > 4 { return false }
        if let needs = st.clauseNeeds, !needs.contains(where: clause.contains) { return false }
        if let needs = st.objectNeeds, !needs.contains(where: clause.contains),
           !(restCount() <= 3 && needs.contains(where: paragraph.text.contains)) { return false }
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
    private func namesOtherYear(_ figures: ArraySlice<Figure>, _ start: Int, _ end: Int) -> Bool {
        guard let year = report.year?.value else { return false }
        return figures.contains { $0.kind == .year && $0.start >= start && $0.start < end && Int($0.value) != year }
    }

    /// The sentence up to the figure names a unit other than the reporting body.
    /// The sentence is searched on scalars, as `containsText` searches bytes.
    private func namesSubUnit(_ s: [Unicode.Scalar], before end: Int, _ markers: [[Unicode.Scalar]]) -> Bool {
        let start = (s[..<end].lastIndex { $0.endsSentence } ?? -1) + 1
        let sentence = s[start..<end]
        let body = report.body ?? ""
        return markers.indices.contains { sentence.containsScalars(markers[$0]) && !body.contains(phrases.subUnitMarkers[$0]) }
    }
}
