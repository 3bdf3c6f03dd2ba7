import Foundation

/// The compiled form of a pack's statutory tables — label matchers (`TableLabels`) and identity checks
/// (`TableIdentityCheck`) — and of its phrase lists (`PackPhrases`), made once and shared by every copy of the pack: compiling them for each report
/// cost more than reading the report. A reference, so that the pack stays a plain value; locked, because
/// the workers of a batch read with one pack at once.
final class CompiledTables: @unchecked Sendable {
    private let lock = NSLock()
    private var labels: [TableLabels]?
    private var namer: TableNamer?
    private var checks: [TableIdentityCheck]?
    private var phrases: PackPhrases?

    func labels(_ make: () -> [TableLabels]) -> [TableLabels] { cached(\.labels, make) }
    func namer(_ make: () -> TableNamer) -> TableNamer { cached(\.namer, make) }
    func checks(_ make: () -> [TableIdentityCheck]) -> [TableIdentityCheck] { cached(\.checks, make) }
    func phrases(_ make: () -> PackPhrases) -> PackPhrases { cached(\.phrases, make) }

    /// The value in `slot`, made on first use.
    private func cached<T>(_ slot: ReferenceWritableKeyPath<CompiledTables, T?>, _ make: () -> T) -> T {
        lock.withLock {
            if let known = self[keyPath: slot] { return known }
            let made = make()
            self[keyPath: slot] = made
            return made
        }
    }
}

extension RulePack {
    /// The label matchers of 表二、表三、表四, in that order (those the pack defines).
    var tableLabels: [TableLabels] {
        compiledTables.labels { StatutoryTableKind.allCases.compactMap { table($0) }.map(TableLabels.init) }
    }

    /// What a region's labels name, for all of `tableLabels` at once.
    var tableNamer: TableNamer {
        let labels = tableLabels  // outside the lock below: it takes the same lock
        return compiledTables.namer { TableNamer(labels) }
    }

    /// The matchers of one table, if the pack defines it.
    func tableLabels(_ kind: StatutoryTableKind) -> TableLabels? { tableLabels.first { $0.definition.kind == kind } }

    /// The identity checks, in the order of `tableIdentities` (those of a table the pack defines).
    var identityChecks: [TableIdentityCheck] {
        let labels = tableLabels  // outside the lock below: it takes the same lock
        return compiledTables.checks {
            tableIdentities.compactMap { identity in
                labels.first { $0.definition.kind == identity.table }.map { TableIdentityCheck(identity: identity, labels: $0) }
            }
        }
    }
}

/// The pack's phrase lists as scalars, the form the readers and rules search: converting every list for
/// every report (`pack.subjects.map(\.scalars)`, …) cost a few percent of a run.
struct PackPhrases: Sendable {
    let subjects, countUnits, amountUnits, totalMarkers, partMarkers, comparisonMarkers: [[Unicode.Scalar]]
    let carryMarkers, futureMarkers, statVerbs, periodMarkers: [[Unicode.Scalar]]
    /// `repeatedWordAllow` as a set.
    let repeatedWordAllow: Set<String>
    /// `tableFigures` in the form `ProseTableFigures` searches it.
    let tableFigures: FigurePhraseScalars

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
        tableFigures = FigurePhraseScalars(pack.tableFigures)
    }
}

extension RulePack {
    /// The phrase lists as scalars (`PackPhrases`), made once per pack.
    var phrases: PackPhrases { compiledTables.phrases { PackPhrases(self) } }
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
