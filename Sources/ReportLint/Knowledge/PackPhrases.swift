/// The pack's phrase lists as scalars, the form the readers and rules search: converting every list for
/// every report (`pack.subjects.map(\.scalars)`, …) cost a few percent of a run.
struct PackPhrases: Sendable {
    let subjects, countUnits, amountUnits, totalMarkers, partMarkers, comparisonMarkers: [[Unicode.Scalar]]
    let carryMarkers, futureMarkers, statVerbs, periodMarkers: [[Unicode.Scalar]]
    /// `repeatedWordAllow` as a set.
    let repeatedWordAllow: Set<String>
    /// `repeatedCharacters` of one scalar each, as a set; `repeatedWordBoundaries` as scalars; the scalars
    /// `subjects` begin with (`repeated-word` asks these of every report).
    let repeatedCharacters: Set<Unicode.Scalar>
    let repeatedWordBoundaries: [[Unicode.Scalar]]
    let subjectHeads: [Unicode.Scalar]
    /// `tableFigures` in the form `ProseTableFigures` searches it.
    let tableFigures: FigurePhraseScalars
    /// `subjects` and `periodMarkers` as `duplicate-content` compares text.
    let comparableSubjects, comparablePeriodMarkers: ComparablePhrases
    /// `tableRowLabels` as scalars, and whether all are plain text (`String.isPlainText`): the outline asks
    /// both of every level-1 heading of every report.
    let tableRowLabels: [[Unicode.Scalar]]
    let tableRowLabelsArePlain: Bool
    /// The `accept` phrases of every era's sections, each once, without those that contain another: a heading
    /// names one of the format's parts (`SectionTemplate.matches` of some section) exactly when it contains one
    /// of these. The eras share most phrases, and the reader asks this of every level-1 heading.
    let sectionAcceptPhrases: [String]

    init(_ pack: RulePack) {
        subjects = pack.subjects.map(\.scalars)
        countUnits = pack.countUnits.map(\.scalars)
        amountUnits = pack.amountUnits.map(\.scalars)
        totalMarkers = pack.totalMarkers.map(\.scalars)
        partMarkers = pack.partMarkers.map(\.scalars)
        comparisonMarkers = pack.comparisonMarkers.map(\.scalars)
        carryMarkers = pack.carryMarkers.map(\.scalars)
        futureMarkers = pack.futureMarkers.map(\.scalars)
        statVerbs = pack.statVerbs.map(\.scalars)
        periodMarkers = pack.periodMarkers.map(\.scalars)
        repeatedWordAllow = Set(pack.repeatedWordAllow)
        repeatedCharacters = Set(pack.repeatedCharacters.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil })
        repeatedWordBoundaries = pack.repeatedWordBoundaries.map(\.scalars)
        subjectHeads = Array(Set(subjects.compactMap(\.first)))
        tableFigures = FigurePhraseScalars(pack.tableFigures)
        comparableSubjects = ComparablePhrases(pack.subjects)
        comparablePeriodMarkers = ComparablePhrases(pack.periodMarkers)
        tableRowLabels = pack.tableRowLabels.map(\.scalars)
        tableRowLabelsArePlain = pack.tableRowLabels.allSatisfy(\.isPlainText)
        var accept: [String] = []
        for phrase in pack.eras.values.flatMap(\.sections).flatMap(\.accept) where !accept.contains(where: { $0.sameBytes(as: phrase) }) {
            accept.append(phrase)
        }
        sectionAcceptPhrases = accept.filter { phrase in !accept.contains { !$0.sameBytes(as: phrase) && phrase.containsText($0) } }
    }
}

/// The table-figure phrases (`TableFigurePhrases`) as scalars, with what `ProseTableFigures` would otherwise
/// work out for every report: which statement phrases are inert (`LabelText.isInert`, so that a byte search
/// answers as Foundation's would) and the statement each zero statement reads.
struct FigurePhraseScalars: Sendable {
    struct Statement: Sendable {
        let phrases: [[Unicode.Scalar]]
        let inert: [Bool]
        var allInert: Bool { !inert.contains(false) }
    }
    struct ZeroStatement: Sendable {
        /// Index into `TableFigurePhrases.statements`.
        let statement: Int
        let phrases: [(text: String, scalars: [Unicode.Scalar])]
    }
    let statements: [Statement]
    let zeroStatements: [ZeroStatement]
    /// The scalars zero phrases start with.
    let zeroFirsts: [Unicode.Scalar]
    let applicants: [[Unicode.Scalar]]
    let skipMarkers: [[Unicode.Scalar]]
    let subUnitMarkers: [[Unicode.Scalar]]

    init(_ phrases: TableFigurePhrases) {
        statements = phrases.statements.map { st in
            Statement(phrases: st.phrases.map(\.scalars), inert: st.phrases.map { $0.unicodeScalars.allSatisfy(LabelText.isInert) })
        }
        zeroStatements = phrases.zeroStatements.compactMap { zero in
            phrases.statements.firstIndex { $0.key == zero.key }.map { ZeroStatement(statement: $0, phrases: zero.phrases.map { ($0, $0.scalars) }) }
        }
        zeroFirsts = Array(Set(zeroStatements.flatMap { $0.phrases.compactMap(\.scalars.first) }))
        applicants = phrases.applicants.map(\.phrase.scalars)
        skipMarkers = phrases.skipMarkers.map(\.scalars)
        subUnitMarkers = phrases.subUnitMarkers.map(\.scalars)
    }
}
