/// Finds 表二、表三 and 表四 among a report's table regions and reads each into a `StatutoryTable`.
///
/// A table often reaches us in pieces: Markdown split into one small table per row group, PDF text broken
/// by page footers and blank lines, a header standing above the rows as loose caption lines. So regions are
/// first told apart by the labels they carry (which table's rows, columns and captions they name), then
/// neighbouring regions of the same table — with the caption lines between them — are read as one.
struct StatutoryTableReader {
    let knowledge: Knowledge
    var pack: RulePack { knowledge.pack }

    /// A run of rows believed to belong to one statutory table.
    struct Zone {
        var kind: StatutoryTableKind?
        var rows: [TableRowCells]
        var lines: ClosedRange<Int>
        var hits: HitSet
        /// Named by the section the table stands in (四、政府信息公开行政复议、行政诉讼情况), not by enough labels.
        var bySection = false
    }

    func read(_ report: Report) -> [StatutoryTable] {
        let namer = knowledge.tableNamer
        let labels = namer.labels
        guard !labels.isEmpty else { return [] }
        let definitions = labels.map(\.definition)
        let sectionLines = Set(report.sections.map(\.span.line))
        let sectionTitles = report.sections.map { ($0.span.line, $0.title.withoutBlanks) }
        var tables: [StatutoryTable] = []
        var zone: Zone?
        // The zones of each table, in order: a table broken into pieces (rows between which a wrapped group label
        // or a page footer stood) is read as one, so that no piece is taken for a table lacking rows.
        var closed: [Zone] = []

        func close() {
            defer { zone = nil }
            guard let z = zone, z.kind != nil, z.hits.count >= 3 || z.bySection else { return }
            if let k = closed.firstIndex(where: { $0.kind == z.kind }) {
                closed[k].rows += z.rows
                closed[k].lines = closed[k].lines.lowerBound...z.lines.upperBound
            } else {
                closed.append(z)
            }
        }

        // The row phrases and captions found in the rows' labels while naming them, for the builder
        // (`TableRowCells.phrasesFound`).
        var phrasesFound: [TableNamer.PhraseFound] = []
        phrasesFound.reserveCapacity(2 * report.tables.reduce(0) { $0 + $1.cellRows.count })  // about two a row
        var previousEnd = -1
        for region in report.tables {
            let preamble = captionLines(before: region.lines.lowerBound, after: previousEnd, report: report, sectionLines: sectionLines)
            let trailing = figureLines(after: region.lines.upperBound, report: report, sectionLines: sectionLines)
            // The rows in one array sized at once, page footers left out as they come.
            var rows: [TableRowCells] = []
            rows.reserveCapacity(preamble.count + region.cellRows.count + trailing.count)
            for i in preamble where !Self.isPageFooter(report.lines[i]) { rows.append(captionRow(i, report)) }
            for row in region.cellRows where !Self.isPageFooter(report.lines[row.line]) {
                rows.append(TableRowCells(line: row.line, text: report.lines[row.line], cells: row.cells, aligned: isAligned(row.line, report)))
            }
            for i in trailing where !Self.isPageFooter(report.lines[i]) { rows.append(captionRow(i, report)) }
            let first = preamble.first ?? region.lines.lowerBound
            let end = trailing.last ?? region.lines.upperBound
            // Which table the region names most (ties and silence: none).
            var allHits = namer.emptyHits()
            for i in rows.indices { addNamingHits(&rows[i], namer, &allHits, &phrasesFound) }
            let hitSets = labels.indices.map { namer.hits(allHits, of: $0) }
            let best = hitSets.map(\.count).max() ?? 0
            var kind = best > 0 && hitSets.filter({ $0.count == best }).count == 1
                ? definitions[hitSets.firstIndex { $0.count == best }!].kind : nil
            // Few labels (a header scrambled by PDF extraction) in the section of one table, naming some of its
            // labels or holding a row of exactly its figures (表四's 15): that table.
            var bySection = false
            if best < 6, let s = sectionTable(at: first, report, sectionTitles), s != kind,
               let si = definitions.firstIndex(where: { $0.kind == s }),
               hitSets[si].count > 0 || rows.contains(where: { $0.valueCells.count == Self.cellsPerRow(definitions[si]) }) {
                kind = s
                bySection = true
            }

            // The zone grows in place: a copy of it (`if var z = zone`) made every merge copy all its rows.
            if let (zoneKind, zoneLines) = zone.map({ ($0.kind, $0.lines) }), kind == nil || kind == zoneKind,
               let gap = gapRows(from: zoneLines.upperBound, to: first, report: report, sectionLines: sectionLines) {
                zone!.rows += gap
                zone!.rows += rows
                zone!.lines = zoneLines.lowerBound...end
                if let k = zoneKind, let i = definitions.firstIndex(where: { $0.kind == k }) { zone!.hits.formUnion(hitSets[i]) }
                zone!.bySection = zone!.bySection || bySection
            } else {
                close()
                if let kind, let i = definitions.firstIndex(where: { $0.kind == kind }) {
                    zone = Zone(kind: kind, rows: rows, lines: first...end, hits: hitSets[i], bySection: bySection)
                }
            }
            previousEnd = end
        }
        close()
        for z in closed {
            guard let index = definitions.firstIndex(where: { $0.kind == z.kind }) else { continue }
            let builder = StatutoryTableBuilder(labels: labels[index], namerTable: index, phrasesFound: phrasesFound)
            tables.append(builder.build(z.rows, lines: z.lines))
        }
        // A table whose labels stand in the text but in no readable table is there, only unread.
        for (i, d) in definitions.enumerated() where !tables.contains(where: { $0.kind == d.kind }) {
            if let trace = self.trace(labels[i], report) { tables.append(trace) }
        }
        return tables
    }

    /// The table whose section (by the format's headings) the line stands in, if any.
    private func sectionTable(at line: Int, _ report: Report, _ sections: [(line: Int, title: String)]) -> StatutoryTableKind? {
        guard let title = sections.last(where: { $0.line < line })?.title,
              let template = pack.template(report.era == .y2019 ? .y2019 : .y2021) else { return nil }
        return pack.statutoryTables.first { d in
            template.sections.contains { $0.key == d.section && $0.matches(title) }
        }?.kind
    }

    /// How many figures one row of a table holds: 表四's rows stand side by side on one line.
    static func cellsPerRow(_ d: StatutoryTableDefinition) -> Int {
        d.sideBySide == true ? d.columns.count * d.rows.filter { $0.isGroup != true }.count : d.columns.count
    }

    /// Adds what the labels of a row that may name a table name: its label, and each label cell when there are
    /// several (figures name nothing), each cell as its part of the compact label. The row phrases and captions
    /// found are kept in `found`, and the row told where.
    private func addNamingHits(_ row: inout TableRowCells, _ namer: TableNamer, _ hits: inout HitSet,
                               _ found: inout [TableNamer.PhraseFound]) {
        guard row.hasLabel else { return }
        let start = found.count
        let captions = namer.addHits(compact: row.compactLabel, to: &hits, found: &found)
        row.phrasesFound = start..<found.count
        guard row.labelCellCount > 1 else { return }
        row.forEachCompactLabelCell { namer.addHits(compact: row.compactLabel, part: $0, captions: captions, to: &hits) }
    }

    /// Caption lines just above a region that the region finder left out (a header split over many lines).
    private func captionLines(before start: Int, after floor: Int, report: Report, sectionLines: Set<Int>) -> [Int] {
        var i = start - 1
        var result: [Int] = []
        while i > floor, start - i <= 10, !sectionLines.contains(i), !report.isTableLine(i), !TableFinder.isBlank(report.lines[i]),
              TableFinder.isCaptionLike(report.lines[i]) {
            result.insert(i, at: 0)
            i -= 1
        }
        return result
    }

    /// Short lines after a region up to the last that ends in a figure (“行政许可 152”: plain PDF text, or a table
    /// whose column spacing was collapsed, has rows the region finder does not take for rows).
    private func figureLines(after end: Int, report: Report, sectionLines: Set<Int>) -> [Int] {
        var i = end + 1, last = end
        while i < report.lines.count, i - end <= 16, !sectionLines.contains(i), !report.isTableLine(i),
              !TableFinder.isBlank(report.lines[i]), TableFinder.isCaptionLike(report.lines[i]) {
            if captionRow(i, report).hasValues { last = i }
            i += 1
        }
        return last > end ? Array((end + 1)...last) : []
    }

    /// The lines between two regions of one table as caption rows, or nil when something else stands there
    /// (a section heading, prose, or too many lines).
    private func gapRows(from end: Int, to start: Int, report: Report, sectionLines: Set<Int>) -> [TableRowCells]? {
        guard start > end, start - end <= 16 else { return nil }
        var rows: [TableRowCells] = []
        for i in (end + 1)..<start {
            let line = report.lines[i]
            if TableFinder.isBlank(line) || Self.isPageFooter(line) { continue }
            guard !sectionLines.contains(i), TableFinder.isCaptionLike(line) else { return nil }
            rows.append(captionRow(i, report))
        }
        return rows
    }

    private func captionRow(_ i: Int, _ report: Report) -> TableRowCells {
        let line = report.lines[i]
        return TableRowCells(line: i, text: line, cells: [TableFinder.trimmed(line, 0, line.count)], aligned: false)
    }

    /// `ReportReader.isPageFooter`, asked only of lines that start as a footer does (“- 3 -”, “第3页”): it is
    /// asked of every table row, and most cannot be one.
    private static func isPageFooter(_ line: [Unicode.Scalar]) -> Bool {
        switch line.first(where: { !$0.isBlank }) {
        case "-"?, "—"?, "－"?, "–"?, "―"?, "第"?: ReportReader.isPageFooter(line)
        default: false
        }
    }

    /// Rows that keep their empty cells: Word and HTML rows, tab-separated rows, Markdown pipe rows.
    private func isAligned(_ i: Int, _ report: Report) -> Bool {
        if report.document.lines[i].cells != nil { return true }
        let line = report.lines[i]
        if line.contains("\t") { return true }
        return line.first { !$0.isBlank } == "|"
    }

    /// Two or more of a table's rows named on short lines outside any table read: a trace of the table.
    private func trace(_ labels: TableLabels, _ report: Report) -> StatutoryTable? {
        var rows = labels.emptyHits()
        var lines: [Int] = []
        for (i, line) in report.lines.enumerated() where TableFinder.isCaptionLike(line) && !TableFinder.isBlank(line) {
            var hits = labels.emptyHits()
            labels.addHits(compact: LabelText.compact(line), to: &hits)
            let named = hits.intersection(labels.leafRowHits)
            if !named.isEmpty {
                rows.formUnion(named)
                lines.append(i)
            }
        }
        guard rows.count >= 2, let first = lines.first, let last = lines.last else { return nil }
        var table = StatutoryTable(kind: labels.definition.kind, lines: first...last)
        table.isTrace = true
        return table
    }
}
