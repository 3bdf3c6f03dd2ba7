/// Names of statutory tables, rows and cells for messages, shared by the table rules.
extension StatutoryTableDefinition {
    /// “表三”.
    var shortTitle: String { String(title.prefix { $0 != " " }) }
    /// “Table 3”.
    var shortTitleEn: String {
        // What comes before the first “ (”, found on scalars: Foundation's `components(separatedBy:)` cost tens of
        // thousands of instructions a call, and every identity message names the table twice.
        let s = titleEn.scalars
        return s.firstIndex(of: Self.qualifierOpening).map { Array(s[..<$0]).string } ?? titleEn
    }
    private static let qualifierOpening: [Unicode.Scalar] = [" ", "("]

    /// “（一）予以公开”; a row under a group label with the group's number: “（三）1.属于国家秘密”.
    func rowName(_ key: String) -> Localized {
        guard let r = row(key) else { return Localized(zh: key, en: key) }
        let group = key.contains(".") ? row(String(key.prefix { $0 != "." }))?.shortName ?? "" : ""
        return Localized(zh: "“\(group)\(r.label)”", en: "\(r.shortName) (\(r.en))")
    }

    func columnName(_ key: String) -> Localized {
        guard let c = column(key) else { return Localized(zh: key, en: key) }
        return Localized(zh: "“\(c.label)”", en: "\(c.label) (\(c.en))")
    }

    /// “表三“（一）予以公开”行“自然人”列” — one cell, for related locations and messages.
    func cellName(_ cell: CellKey) -> Localized {
        let r = rowName(cell.row), c = columnName(cell.column)
        return Localized(zh: "\(shortTitle)\(r.zh)行\(c.zh)列", en: "\(shortTitleEn), row \(r.en), column \(c.en)")
    }
}

extension Report {
    /// The statutory table of a kind that was read (not a mere trace), if any.
    func statutoryTable(_ kind: StatutoryTableKind) -> StatutoryTable? {
        statutoryTables.first { $0.kind == kind && !$0.isTrace }
    }

    /// The layout era a table's arithmetic follows: its own, else the report's (never the 2008 one).
    func layout(of table: StatutoryTable) -> Era? {
        table.layout ?? (era == .y2008 ? nil : era)
    }
}

extension NumberText {
    /// A table figure as printed: whole numbers without a decimal point, others with up to four decimals.
    static func plain(_ v: Double) -> String {
        if v == v.rounded() { return format(v) }
        var s = format(v, decimals: 4)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
