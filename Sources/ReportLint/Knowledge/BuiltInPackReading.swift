import Foundation

/// The built-in packs read from the parsed JSON (`JSONText`) by hand rather than with `JSONDecoder`: every process
/// (the CLI and each worker) reads them before its first draft, and the decoder's generic machinery — type
/// metadata made and conformances looked up at run time, once per type — was half of what a one-draft run cost.
///
/// Only for the packs compiled into the binary: a user's pack goes through `JSONDecoder`, whose errors name the
/// key and the reason. Strict: a key this reader does not know, or a value of another type, gives nil, and the
/// built-in pack is then decoded by `JSONDecoder` as before (a test checks that both give the same pack).
extension RulePack.PackFile {
    init?(builtIn json: Data, ruleDataTypes: [PackDataKey]) {
        guard let root = try? JSONText(json).root, let file = try? Self(root, ruleDataTypes: ruleDataTypes) else { return nil }
        self = file
    }

    private init(_ root: JSONText.Node, ruleDataTypes: [PackDataKey]) throws(PackObject.Mismatch) {
        var o = try PackObject(root)
        _ = o.node("description")  // for people: not read
        // Custom rules are checked as JSONDecoder reads them (the built-in packs have none).
        guard o.node("customRules") == nil else { throw PackObject.Mismatch() }
        let eras = try o.dictionary("eras") { e throws(PackObject.Mismatch) in
            RulePack.EraTemplate(formatName: try need(e.string("formatName")), sections: try need(e.list("sections") { s throws(PackObject.Mismatch) in
                RulePack.SectionTemplate(key: try need(s.string("key")), canonical: try need(s.string("canonical")), accept: try need(s.strings("accept")))
            }))
        }
        let oldFormatHeadings = try o.list("oldFormatHeadings") { h throws(PackObject.Mismatch) in
            RulePack.OldFormatHeading(phrase: try need(h.string("phrase")), why: try need(h.string("why")))
        }
        let regulation = try o.object("regulation") { r throws(PackObject.Mismatch) in
            RulePack.PartialRegulation(correct: try r.strings("correct"), knownWrong: try r.strings("knownWrong"),
                                       localPrefixes: try r.strings("localPrefixes"), outdatedDecree: try r.string("outdatedDecree"),
                                       currentDecree: try r.string("currentDecree"))
        }
        let genre = try o.object("genre") { g throws(PackObject.Mismatch) in
            RulePack.PartialGenre(correct: try g.string("correct"), knownVariants: try g.strings("knownVariants"))
        }
        let thresholds = try o.dictionary("thresholds") { t throws(PackObject.Mismatch) in RulePack.Threshold(maxCount: try need(t.number("maxCount"))) }
        let tables = try o.list("statutoryTables", RulePack.table)
        let identities = try o.list("tableIdentities", RulePack.identity)
        let tableFigures = try o.object("tableFigures") { f throws(PackObject.Mismatch) in
            RulePack.PartialTableFigures(
                statements: try f.list("statements", RulePack.statement),
                zeroStatements: try f.list("zeroStatements") { z throws(PackObject.Mismatch) in
                    TableFigurePhrases.ZeroStatement(key: try need(z.string("key")), phrases: try need(z.strings("phrases")))
                },
                applicants: try f.list("applicants") { a throws(PackObject.Mismatch) in
                    TableFigurePhrases.Applicant(phrase: try need(a.string("phrase")), columns: try need(a.strings("columns")))
                },
                skipMarkers: try f.strings("skipMarkers"), subUnitMarkers: try f.strings("subUnitMarkers"))
        }
        let documents = try o.list("knownDocuments") { d throws(PackObject.Mismatch) in
            RulePack.KnownDocument(number: try need(d.string("number")), keywords: try need(d.strings("keywords")), wrong: try need(d.strings("wrong")))
        }
        let deadlines = try o.node("publicationDeadlines").map { n throws(PackObject.Mismatch) in try PackObject.stringDictionary(n) }
        var partial = RulePack.PartialPack()
        partial.eras = eras
        partial.oldFormatHeadings = oldFormatHeadings
        partial.tableRowLabels = try o.strings("tableRowLabels")
        partial.regulation = regulation
        partial.subjects = try o.strings("subjects")
        partial.countUnits = try o.strings("countUnits")
        partial.amountUnits = try o.strings("amountUnits")
        partial.totalMarkers = try o.strings("totalMarkers")
        partial.partMarkers = try o.strings("partMarkers")
        partial.comparisonMarkers = try o.strings("comparisonMarkers")
        partial.carryMarkers = try o.strings("carryMarkers")
        partial.futureMarkers = try o.strings("futureMarkers")
        partial.statVerbs = try o.strings("statVerbs")
        partial.periodMarkers = try o.strings("periodMarkers")
        partial.repeatedWordAllow = try o.strings("repeatedWordAllow")
        partial.genre = genre
        partial.thresholds = thresholds
        partial.statutoryTables = tables
        partial.tableIdentities = identities
        partial.tableFigures = tableFigures
        partial.knownDocuments = documents
        partial.publicationDeadlines = deadlines
        partial.repeatedCharacters = try o.strings("repeatedCharacters")
        partial.repeatedWordBoundaries = try o.strings("repeatedWordBoundaries")
        var ruleData: [(key: String, value: any PackData)] = []
        for type in ruleDataTypes {
            guard let node = o.node(type.key) else { continue }
            // Phrase lists are the only rule data of the built-in packs; another type is JSONDecoder's.
            guard type.type == PhraseList.self else { throw PackObject.Mismatch() }
            ruleData.append((type.key, PhraseList(try PackObject.strings(node))))
        }
        try o.finish()
        self.init(partial: partial, ruleData: ruleData)
    }
}

/// The value, which must be there.
private func need<T>(_ value: T?) throws(PackObject.Mismatch) -> T {
    guard let value else { throw PackObject.Mismatch() }
    return value
}

extension RulePack {
    fileprivate static func table(_ t: inout PackObject) throws(PackObject.Mismatch) -> StatutoryTableDefinition {
        StatutoryTableDefinition(
            kind: try need(t.enumValue("kind")), title: try need(t.string("title")), titleEn: try need(t.string("titleEn")),
            section: try need(t.string("section")), keywords: try need(t.strings("keywords")),
            blockCaptions: try t.list("blockCaptions") { b throws(PackObject.Mismatch) in
                StatutoryTableDefinition.BlockCaption(block: try need(b.string("block")), match: try need(b.strings("match")),
                                                      layouts: try b.enumValues("layouts"))
            },
            columns: try need(t.list("columns", label)), rows: try need(t.list("rows", label)), sideBySide: try t.bool("sideBySide"))
    }

    fileprivate static func label(_ l: inout PackObject) throws(PackObject.Mismatch) -> LabelDefinition {
        LabelDefinition(key: try need(l.string("key")), label: try need(l.string("label")), en: try need(l.string("en")),
                        short: try l.string("short"), match: try l.strings("match"), exact: try l.strings("exact"),
                        within: try l.string("within"), group: try l.bool("group"), layouts: try l.enumValues("layouts"),
                        block: try l.string("block"), blocks: try l.strings("blocks"), value: try l.enumValue("value"), unit: try l.string("unit"))
    }

    fileprivate static func identity(_ i: inout PackObject) throws(PackObject.Mismatch) -> TableIdentityDefinition {
        TableIdentityDefinition(
            id: try need(i.string("id")), table: try need(i.enumValue("table")), per: try need(i.enumValue("per")),
            total: try need(i.strings("total")), parts: try need(i.strings("parts")), rows: try i.strings("rows"),
            layouts: try i.enumValues("layouts"), official: try i.bool("official"), totalText: try i.string("totalText"),
            partsText: try i.string("partsText"), partsTextEn: try i.string("partsTextEn"))
    }

    fileprivate static func statement(_ s: inout PackObject) throws(PackObject.Mismatch) -> TableFigurePhrases.Statement {
        TableFigurePhrases.Statement(
            key: try need(s.string("key")), table: try need(s.enumValue("table")), rows: try need(s.strings("rows")),
            alternativeRows: try s.strings("alternativeRows"), column: try s.string("column"), columns: try s.strings("columns"),
            phrases: try need(s.strings("phrases")), adjacent: try s.bool("adjacent"), clauseNeeds: try s.strings("clauseNeeds"),
            objectNeeds: try s.strings("objectNeeds"), unless: try s.strings("unless"), applicants: try s.bool("applicants"),
            loose: try s.bool("loose"))
    }
}

/// One JSON object of a built-in pack, read key by key; `finish()` fails when a key was left unread.
struct PackObject {
    struct Mismatch: Error {}

    private let members: [(key: String, position: JSONText.Position, value: JSONText.Node)]
    /// Per member, whether it was read (by position: hashing every key cost more than finding it).
    private var read: [Bool]

    init(_ node: JSONText.Node) throws(Mismatch) {
        guard case .object(let members) = node.value else { throw Mismatch() }
        // A key given twice is JSONDecoder's to judge.
        for i in members.indices { for j in 0..<i where members[j].key == members[i].key { throw Mismatch() } }
        self.members = members
        read = Array(repeating: false, count: members.count)
    }

    mutating func node(_ key: String) -> JSONText.Node? {
        guard let i = members.firstIndex(where: { $0.key == key }) else { return nil }
        read[i] = true
        return members[i].value
    }

    func finish() throws(Mismatch) { if read.contains(false) { throw Mismatch() } }

    mutating func string(_ key: String) throws(Mismatch) -> String? { try node(key).map(Self.string) }
    mutating func strings(_ key: String) throws(Mismatch) -> [String]? { try node(key).map(Self.strings) }
    mutating func number(_ key: String) throws(Mismatch) -> Double? {
        guard let node = node(key) else { return nil }
        guard case .number(let d) = node.value else { throw Mismatch() }
        return d
    }
    mutating func bool(_ key: String) throws(Mismatch) -> Bool? {
        guard let node = node(key) else { return nil }
        guard case .bool(let b) = node.value else { throw Mismatch() }
        return b
    }
    mutating func enumValue<E: RawRepresentable>(_ key: String) throws(Mismatch) -> E? where E.RawValue == String {
        try node(key).map { n throws(Mismatch) in try Self.enumValue(n) }
    }
    mutating func enumValues<E: RawRepresentable>(_ key: String) throws(Mismatch) -> [E]? where E.RawValue == String {
        guard let node = node(key) else { return nil }
        guard case .array(let items) = node.value else { throw Mismatch() }
        var values: [E] = []
        for item in items { values.append(try Self.enumValue(item)) }
        return values
    }

    /// An object under `key`, read by `read`.
    mutating func object<T>(_ key: String, _ read: (inout PackObject) throws(Mismatch) -> T) throws(Mismatch) -> T? {
        guard let node = node(key) else { return nil }
        return try Self.object(node, read)
    }

    /// An array of objects under `key`.
    mutating func list<T>(_ key: String, _ read: (inout PackObject) throws(Mismatch) -> T) throws(Mismatch) -> [T]? {
        guard let node = node(key) else { return nil }
        return try list(node, read)
    }
    func list<T>(_ node: JSONText.Node, _ read: (inout PackObject) throws(Mismatch) -> T) throws(Mismatch) -> [T] {
        guard case .array(let items) = node.value else { throw Mismatch() }
        var values: [T] = []
        for item in items { values.append(try Self.object(item, read)) }
        return values
    }

    /// An object of objects (by key) under `key`.
    mutating func dictionary<T>(_ key: String, _ read: (inout PackObject) throws(Mismatch) -> T) throws(Mismatch) -> [String: T]? {
        guard let node = node(key) else { return nil }
        guard case .object(let members) = node.value else { throw Mismatch() }
        var values: [String: T] = [:]
        for m in members {
            guard values[m.key] == nil else { throw Mismatch() }
            values[m.key] = try Self.object(m.value, read)
        }
        return values
    }

    static func object<T>(_ node: JSONText.Node, _ read: (inout PackObject) throws(Mismatch) -> T) throws(Mismatch) -> T {
        var o = try PackObject(node)
        let value = try read(&o)
        try o.finish()
        return value
    }
    static func string(_ node: JSONText.Node) throws(Mismatch) -> String {
        guard case .string(let s) = node.value else { throw Mismatch() }
        return s
    }
    static func strings(_ node: JSONText.Node) throws(Mismatch) -> [String] {
        guard case .array(let items) = node.value else { throw Mismatch() }
        var values: [String] = []
        for item in items { values.append(try string(item)) }
        return values
    }
    static func stringDictionary(_ node: JSONText.Node) throws(Mismatch) -> [String: String] {
        guard case .object(let members) = node.value else { throw Mismatch() }
        var values: [String: String] = [:]
        for m in members {
            guard values[m.key] == nil else { throw Mismatch() }
            values[m.key] = try string(m.value)
        }
        return values
    }
    static func enumValue<E: RawRepresentable>(_ node: JSONText.Node) throws(Mismatch) -> E where E.RawValue == String {
        guard let value = E(rawValue: try string(node)) else { throw Mismatch() }
        return value
    }
}
