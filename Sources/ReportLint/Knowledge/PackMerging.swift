import Foundation

extension RulePack {
    /// Merges a pack given as JSON: keys present in it extend lists and replace single values.
    public mutating func merge(json: Data) throws {
        try merge(json: json, ruleDataTypes: Self.ruleDataTypes)
    }

    /// Merges a pack, with the keys rules declare for their own data (`PackDataRule`) among `ruleDataTypes`.
    mutating func merge(json: Data, ruleDataTypes: [PackDataKey]) throws {
        // The types go in `userInfo` (a `DecodableWithConfiguration` decode cost a scan of the binary's
        // conformance records at start-up), and not at all when no rule declares a key.
        let decoder = JSONDecoder()
        if !ruleDataTypes.isEmpty { decoder.userInfo[PackFile.typesKey] = ruleDataTypes }
        try merge(try decoder.decode(PackFile.self, from: json))
    }

    /// Merges a pack file read.
    mutating func merge(_ file: PackFile) throws {
        let partial = file.partial
        if let eras = partial.eras { self.eras.merge(eras) { _, new in new } }
        oldFormatHeadings += partial.oldFormatHeadings ?? []
        tableRowLabels += partial.tableRowLabels ?? []
        if let r = partial.regulation {
            regulation.correct += r.correct ?? []
            regulation.knownWrong += r.knownWrong ?? []
            regulation.localPrefixes += r.localPrefixes ?? []
            if let d = r.outdatedDecree { regulation.outdatedDecree = d }
            if let d = r.currentDecree { regulation.currentDecree = d }
        }
        subjects += partial.subjects ?? []
        countUnits += partial.countUnits ?? []
        amountUnits += partial.amountUnits ?? []
        totalMarkers += partial.totalMarkers ?? []
        partMarkers += partial.partMarkers ?? []
        comparisonMarkers += partial.comparisonMarkers ?? []
        carryMarkers += partial.carryMarkers ?? []
        futureMarkers += partial.futureMarkers ?? []
        statVerbs += partial.statVerbs ?? []
        periodMarkers += partial.periodMarkers ?? []
        repeatedWordAllow += partial.repeatedWordAllow ?? []
        if let g = partial.genre {
            if let c = g.correct { genre.correct = c }
            genre.knownVariants += g.knownVariants ?? []
        }
        if let t = partial.thresholds { thresholds.merge(t) { _, new in new } }
        // A pack's table definition replaces the built-in one of the same kind.
        for table in partial.statutoryTables ?? [] {
            statutoryTables.removeAll { $0.kind == table.kind }
            statutoryTables.append(table)
        }
        tableIdentities += partial.tableIdentities ?? []
        if let f = partial.tableFigures {
            tableFigures.statements += f.statements ?? []
            tableFigures.zeroStatements += f.zeroStatements ?? []
            tableFigures.applicants += f.applicants ?? []
            tableFigures.skipMarkers += f.skipMarkers ?? []
            tableFigures.subUnitMarkers += f.subUnitMarkers ?? []
        }
        repeatedCharacters += partial.repeatedCharacters ?? []
        repeatedWordBoundaries += partial.repeatedWordBoundaries ?? []
        if let d = partial.publicationDeadlines { publicationDeadlines.merge(d) { _, new in new } }
        for document in partial.knownDocuments ?? [] {
            knownDocuments.removeAll { $0.number == document.number }
            knownDocuments.append(document)
        }
        for (key, value) in file.ruleData { ruleData[key] = ruleData[key].map { $0.merging(value) } ?? value }
        let added = partial.customRules ?? []
        if Set(customRules.map(\.id) + added.map(\.id)).count > CustomRuleSpec.maxRules {
            throw CustomRuleSpec.Problem.tooManyRules(CustomRuleSpec.maxRules)
        }
        for spec in added {
            try spec.validate()
            customRules.removeAll { $0.id == spec.id }
            customRules.append(spec)
        }
        // Longest units first, so that 人次 wins over 人.
        countUnits.sort { $0.count > $1.count }
        amountUnits.sort { $0.count > $1.count }
    }

    /// A pack file: the keys of `RulePack`, and those rules declare for their own data — decoded in one pass.
    struct PackFile: Decodable {
        var partial: PartialPack
        var ruleData: [(key: String, value: any PackData)] = []
        static let typesKey = CodingUserInfoKey(rawValue: "ruleDataTypes")!

        init(partial: PartialPack, ruleData: [(key: String, value: any PackData)]) {
            self.partial = partial
            self.ruleData = ruleData
        }

        init(from decoder: any Decoder) throws {
            partial = try PartialPack(from: decoder)
            guard let types = decoder.userInfo[Self.typesKey] as? [PackDataKey], !types.isEmpty else { return }
            let container = try decoder.container(keyedBy: PackDataKey.Key.self)
            for type in types where container.contains(PackDataKey.Key(type.key)) {
                ruleData.append((type.key, try type.type.decode(from: container, key: PackDataKey.Key(type.key))))
            }
        }
    }

    /// A pack file in which every key is optional (user packs give only what they change).
    struct PartialPack: Decodable {
        var eras: [String: EraTemplate]?
        var oldFormatHeadings: [OldFormatHeading]?
        var tableRowLabels: [String]?
        var regulation: PartialRegulation?
        var subjects, countUnits, amountUnits, totalMarkers, partMarkers, comparisonMarkers: [String]?
        var carryMarkers, futureMarkers, statVerbs, periodMarkers, repeatedWordAllow: [String]?
        var genre: PartialGenre?
        var thresholds: [String: Threshold]?
        var statutoryTables: [StatutoryTableDefinition]?
        var tableIdentities: [TableIdentityDefinition]?
        var tableFigures: PartialTableFigures?
        var customRules: [CustomRuleSpec]?
        var knownDocuments: [KnownDocument]?
        var publicationDeadlines: [String: String]?
        var repeatedCharacters, repeatedWordBoundaries: [String]?

        /// Every key a pack may have (a pack with another key is refused, with the place).
        enum CodingKeys: String, CodingKey, CaseIterable {
            case eras, oldFormatHeadings, tableRowLabels, regulation, subjects, countUnits, amountUnits, totalMarkers, partMarkers
            case comparisonMarkers, carryMarkers, futureMarkers, statVerbs, periodMarkers, repeatedWordAllow, genre, thresholds
            case statutoryTables, tableIdentities, tableFigures, customRules
            case knownDocuments, publicationDeadlines, repeatedCharacters, repeatedWordBoundaries
        }
    }

    /// The keys a pack may have. `"description"` (every built-in pack has one, for people) is allowed and not read,
    /// so that a user's pack may start as a copy of a built-in one.
    static var packKeys: [String] { ownKeys + ruleDataTypes.map(\.key) + ["description"] }
    /// The keys of `RulePack`'s own data (not rules').
    static var ownKeys: [String] { PartialPack.CodingKeys.allCases.map(\.rawValue) }

    struct PartialTableFigures: Decodable {
        var statements: [TableFigurePhrases.Statement]?
        var zeroStatements: [TableFigurePhrases.ZeroStatement]?
        var applicants: [TableFigurePhrases.Applicant]?
        var skipMarkers, subUnitMarkers: [String]?
    }

    struct PartialRegulation: Decodable {
        var correct, knownWrong, localPrefixes: [String]?
        var outdatedDecree, currentDecree: String?
    }

    struct PartialGenre: Decodable {
        var correct: String?
        var knownVariants: [String]?
    }
}
