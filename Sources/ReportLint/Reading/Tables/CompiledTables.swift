/// A pack's statutory tables compiled: label matchers (`TableLabels`), the namer that asks all of them at once
/// (`TableNamer`) and the identity checks (`TableIdentityCheck`). Made once per pack, with its `Knowledge`.
struct CompiledTables: Sendable {
    /// 表二、表三、表四, in that order (those the pack defines).
    let labels: [TableLabels]
    let namer: TableNamer
    /// In the order of `tableIdentities` (those of a table the pack defines).
    let identityChecks: [TableIdentityCheck]

    init(_ pack: RulePack) {
        let labels = StatutoryTableKind.allCases.compactMap { pack.table($0) }.map(TableLabels.init)
        self.labels = labels
        namer = TableNamer(labels)
        identityChecks = pack.tableIdentities.compactMap { identity in
            labels.first { $0.definition.kind == identity.table }.map { TableIdentityCheck(identity: identity, labels: $0) }
        }
    }
}
