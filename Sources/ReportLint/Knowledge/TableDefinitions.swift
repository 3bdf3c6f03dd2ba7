/// The statutory tables as data (`rules/tables.json`): which labels name which rows and columns in each
/// layout era, the identities between their cells, and the prose phrases that restate their figures.
/// The reader and the table rules evaluate these; nothing about a table's shape is written in Swift.

/// 表二 / 表三 / 表四 — one statutory table's definition.
public struct StatutoryTableDefinition: Sendable, Codable {
    public var kind: StatutoryTableKind
    /// “表三 收到和处理政府信息公开申请情况”.
    public var title: String
    public var titleEn: String
    /// The key of the section (rules/eras.json) the table belongs in.
    public var section: String
    /// Header and caption words that mark the table besides its row and column labels.
    public var keywords: [String]
    /// 表二's caption rows (第二十条第（一）项 …), each starting a block with its own columns.
    public var blockCaptions: [BlockCaption]?
    public var columns: [LabelDefinition]
    public var rows: [LabelDefinition]
    /// 表四: one physical row may carry several rows side by side (行政复议 | 未经复议直接起诉 | 复议后起诉).
    public var sideBySide: Bool?

    public struct BlockCaption: Sendable, Codable {
        public var block: String
        public var match: [String]
        public var layouts: [Era]?
    }

    public func row(_ key: String) -> LabelDefinition? { rows.first { $0.key == key } }
    public func column(_ key: String) -> LabelDefinition? { columns.first { $0.key == key } }

    /// Row keys with `prefix.*` expanded, restricted to rows of `layout` (all when nil).
    public func expand(_ keys: [String], layout: Era?) -> [String] {
        keys.flatMap { key -> [String] in
            guard key.hasSuffix(".*") else { return [key] }
            let prefix = String(key.dropLast())
            return rows.filter { $0.key.hasPrefix(prefix) && $0.belongs(to: layout) }.map(\.key)
        }
    }

    /// The columns a row of `block` has in `layout`, in the official order.
    public func columns(block: String?, layout: Era?) -> [LabelDefinition] {
        columns.filter { $0.inBlock(block) && $0.belongs(to: layout) }
    }
}

public enum StatutoryTableKind: String, Sendable, Codable, CaseIterable {
    /// 表二 主动公开政府信息情况.
    case table2
    /// 表三 收到和处理政府信息公开申请情况.
    case table3
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    case table4
}

/// A row or a column: its key, its official label and the label variants that name it.
public struct LabelDefinition: Sendable, Codable {
    public var key: String
    public var label: String
    public var en: String
    /// Short name for messages (“一”, “（三）1”); the label when absent.
    public var short: String?
    /// The label (white space removed) contains one of these.
    public var match: [String]?
    /// The label, numbering and group label removed, is one of these (for labels as short as “其他”).
    public var exact: [String]?
    /// An `exact` row is recognised only inside this group (“3.其他” under （六）其他处理).
    public var within: String?
    /// A row-spanning group label; figures on it, if any, are a subtotal.
    public var group: Bool?
    /// Layout eras the row or column belongs to; all when absent.
    public var layouts: [Era]?
    /// 表二: the 第二十条 item (block) of the row or column.
    public var block: String?
    public var blocks: [String]?
    /// What the cells hold: counts (default), signed changes (本年增/减), or money.
    public var value: ValueKind?
    /// The unit of money when the header does not say (万元).
    public var unit: String?

    public enum ValueKind: String, Sendable, Codable { case count, signed, amount }

    public var shortName: String { short ?? label }
    public var isGroup: Bool { group ?? false }
    public var valueKind: ValueKind { value ?? .count }

    public func belongs(to layout: Era?) -> Bool {
        guard let layout, let layouts else { return true }
        return layouts.contains(layout)
    }

    public func inBlock(_ b: String?) -> Bool {
        guard let b else { return true }
        if let block { return block == b }
        if let blocks { return blocks.contains(b) }
        return true
    }
}

/// An arithmetic identity (勾稽关系): Σ total cells = Σ parts cells, for each column or each row.
public struct TableIdentityDefinition: Sendable, Codable {
    public enum Scope: String, Sendable, Codable { case column, row }
    /// format-spec.md §4 id (T3-1 …).
    public var id: String
    public var table: StatutoryTableKind
    public var per: Scope
    /// Row keys (per column) or column keys (per row); `prefix.*` expands to a row group.
    public var total: [String]
    public var parts: [String]
    /// Only the rows (per row) to check; all rows when absent.
    public var rows: [String]?
    /// Layout eras the identity holds in; all when absent.
    public var layouts: [Era]?
    /// Printed in the official table (表三's header note).
    public var official: Bool?
    /// How messages name each side (“一+二”); the short names joined by “+” when absent.
    public var totalText: String?
    public var partsText: String?
    public var partsTextEn: String?
}

/// Prose phrases that restate a table figure (text-table-mismatch).
public struct TableFigurePhrases: Sendable, Codable {
    public var statements: [Statement] = []
    public var zeroStatements: [ZeroStatement] = []
    public var applicants: [Applicant] = []
    /// A clause with one of these before the figure compares or includes rather than states (较上年, 含…).
    public var skipMarkers: [String] = []
    /// A clause naming a sub-unit (区政府办, 各乡镇) may state that unit's figure, not the body's.
    public var subUnitMarkers: [String] = []

    public init() {}

    public struct Statement: Sendable, Codable {
        public var key: String
        public var table: StatutoryTableKind
        /// The figure equals the sum of these rows' cells …
        public var rows: [String]
        /// … or, where the wording is loose (受理 may include the carried-over), of these.
        public var alternativeRows: [String]?
        /// … in this column (or the first of `columns` the table has).
        public var column: String?
        public var columns: [String]?
        public var phrases: [String]
        /// The phrase must stand right before the figure (行政复议3件).
        public var adjacent: Bool?
        /// The clause must also contain one of these (申请) …
        public var clauseNeeds: [String]?
        /// … or, when the clause is just the verb (“全年办结6件”), the paragraph must.
        public var objectNeeds: [String]?
        /// The clause must not contain these (不予处理 is not 办理).
        public var unless: [String]?
        /// “自然人申请N件，法人或其他组织申请M件” after the figure break it down by applicant column.
        public var applicants: Bool?
        /// Imprecise wording: a mismatch is a warning.
        public var loose: Bool?
    }

    public struct ZeroStatement: Sendable, Codable {
        public var key: String
        public var phrases: [String]
    }

    public struct Applicant: Sendable, Codable {
        public var phrase: String
        public var columns: [String]
    }
}
