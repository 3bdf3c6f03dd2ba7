/// A rule pack finished merging, with the forms the readers and rules search made from it once: the phrase
/// lists as scalars (`PackPhrases`) and the statutory tables compiled for matching and summing
/// (`CompiledTables`). Compiling them for each report cost more than reading the report.
///
/// Immutable: made when a configuration's pack is set (`Configuration.pack`), shared by every report and
/// every worker of a run. To change the pack, make another.
public final class Knowledge: Sendable {
    /// The pack's data.
    public let pack: RulePack
    /// The phrase lists as scalars.
    let phrases: PackPhrases
    /// The table definitions compiled.
    let tables: CompiledTables

    public init(_ pack: RulePack) {
        self.pack = pack
        phrases = PackPhrases(pack)
        tables = CompiledTables(pack)
    }

    /// The built-in packs, compiled once.
    public static let builtIn = Knowledge(.builtIn)

    /// The label matchers of 表二、表三、表四, in that order (those the pack defines).
    var tableLabels: [TableLabels] { tables.labels }
    /// What a region's labels name, for all of `tableLabels` at once.
    var tableNamer: TableNamer { tables.namer }
    /// The identity checks, in the order of `tableIdentities` (those of a table the pack defines).
    var identityChecks: [TableIdentityCheck] { tables.identityChecks }

    /// The matchers of one table, if the pack defines it.
    func tableLabels(_ kind: StatutoryTableKind) -> TableLabels? { tables.labels.first { $0.definition.kind == kind } }
}
