/// The "read" stage: turns a `Document` into a `Report` — title, body, year, era, outline, tables,
/// paragraphs and figures.
public struct ReportReader: Sendable {
    /// The rule packs, with the forms readers search made once.
    public var knowledge: Knowledge
    var pack: RulePack { knowledge.pack }
    /// `--year`: overrides the detected report year.
    public var yearOverride: Int?

    public init(knowledge: Knowledge = .builtIn, yearOverride: Int? = nil) {
        self.knowledge = knowledge
        self.yearOverride = yearOverride
    }

    /// With a pack of one's own, compiled here (once per reader made: keep the reader, or its `Knowledge`).
    public init(pack: RulePack, yearOverride: Int? = nil) {
        self.init(knowledge: Knowledge(pack), yearOverride: yearOverride)
    }

    public func read(_ document: Document) -> Report {
        let lines = document.lines.map(\.scalars)
        var report = Report(document: document, lines: lines)
        // Which lines are blank, and which are page footers or suppression comments (not report text): found in
        // the pass below that parses the headings, each line taken out once for all three.
        var blankLines: [Bool] = [], footers: [Bool] = []
        blankLines.reserveCapacity(lines.count)
        footers.reserveCapacity(lines.count)

        // Headings first: a section heading is never absorbed into a table.
        let acceptPhrases = knowledge.phrases.sectionAcceptPhrases
        // Appended line by line: filled with nil first, each optional heading was copied in through its generic
        // value witnesses.
        var parsed: [HeadingParser.Parsed?] = []
        parsed.reserveCapacity(lines.count)
        // Whether a level-1 heading names one of the format's parts, worked out once per heading: the table
        // finder and the outline both ask.
        var namesPart = filledArray(false, count: lines.count)
        // The format's parts named after a sentence inside a line (a web page copied as one paragraph).
        let namesAPart = { (compact: String) in acceptPhrases.contains { compact.containsText($0) } }
        var inline: [Int: [HeadingParser.Parsed]] = [:]
        var firstHeading = lines.count
        // One pass over the lines: a heading is looked at as it is parsed, not copied back out of `parsed`.
        for i in lines.indices {
            let line = lines[i]
            blankLines.append(TableFinder.isBlank(line))
            footers.append(Self.isPageFooter(line) || SuppressionComment.isComment(line))
            guard document.lines[i].kind != .tableRow else { parsed.append(nil); continue }
            var inlineFrom = 0
            let heading = HeadingParser.parse(line)
            if let h = heading {
                if h.level == 1 {
                    namesPart[i] = namesAPart(h.title.withoutBlanks)
                    firstHeading = min(firstHeading, i)
                }
                inlineFrom = h.end
            }
            parsed.append(heading)
            let found = HeadingParser.inline(line, from: inlineFrom, namesPart: namesAPart)
            if !found.isEmpty { inline[i] = found }
        }
        report.blankLines = blankLines
        let isSectionHeading = { (i: Int) -> Bool in
            if case .heading = document.lines[i].kind { return true }
            return namesPart[i]
        }
        report.tables = TableFinder.regions(lines: lines, documentLines: document.lines, isSectionHeading: isSectionHeading)
        for t in report.tables { for l in t.lines { report.tableLineFlags[l] = true } }

        let tableLines = report.tableLineFlags
        report.title = TitleReader.read(lines: lines) { tableLines[$0] || footers[$0] }
        var skippedLines = zip(tableLines, footers).map { $0 || $1 }
        for piece in report.title?.pieces ?? [] { skippedLines[piece.line] = true }
        // Website chrome above the first heading (索引号, 发布机构, 选择特殊符号…) is the site's, not the report's text.
        for i in 0..<min(firstHeading, 30) where !skippedLines[i] && PageChrome.isChrome(lines[i]) { skippedLines[i] = true }
        let skipped = { (i: Int) in skippedLines[i] }

        report.sections = outline(lines: lines, parsed: parsed, inline: inline, namesPart: namesPart, skipped: skipped)
        report.paragraphs = paragraphs(lines: lines, document: document, parsed: parsed, sections: report.sections,
                                       skipped: skipped, footers: footers)
        let scanner = FigureScanner(knowledge.phrases)
        var figures: [Figure] = []
        for (index, p) in report.paragraphs.enumerated() where !p.isHeading {
            scanner.scan(p.scalars, paragraph: index, into: &figures)
        }
        report.figures = figures
        report.breakdowns = BreakdownReader.read(report, knowledge: knowledge)
        report.statisticsPeriod = PeriodReader.read(report.paragraphs, markers: knowledge.phrases.periodMarkers)
        report.statutoryTables = StatutoryTableReader(knowledge: knowledge).read(report)

        (report.body, report.bodySource) = BodyReader.read(report)
        report.level = TitleReader.level(of: report.body)
        (report.year, report.yearUncertainty) = YearReader.read(report)
        if let y = yearOverride {
            report.year = ReportYear(value: y, source: .option, span: nil)
            report.yearUncertainty = nil
        }
        report.era = report.year.map { Era(reportYear: $0.value) }
        // Last: the prose figures that restate table cells are read against the year, the body and the tables.
        report.proseTableFigures = ProseTableFigures(report: report, knowledge: knowledge).links()
        return report
    }

    /// Level-1 headings (outside tables and the title) with their level-2 subsections.
    private func outline(lines: [[Unicode.Scalar]], parsed: [HeadingParser.Parsed?], inline: [Int: [HeadingParser.Parsed]],
                         namesPart: [Bool], skipped: (Int) -> Bool) -> [Section] {
        var sections: [Section] = []
        let rowLabels = pack.tableRowLabels
        // `hasPrefix` compares Characters up to canonical equivalence, at a thousand instructions a label;
        // between plain texts (`isPlainText`) that is a comparison of scalars.
        let plainLabels = knowledge.phrases.tableRowLabelsArePlain
        let rowLabelScalars = knowledge.phrases.tableRowLabels
        // The line's own heading, then those inside it; looked up only where there are any (most lines have
        // neither, and a list of pairs made for each line cost more than the headings).
        for i in parsed.indices where !skipped(i) {
            if let h = parsed[i] { add(h, line: i, known: namesPart[i]) }
            if !inline.isEmpty, let more = inline[i] {
                for h in more { add(h, line: i, known: true) }
            }
        }
        return sections

        func add(_ h: HeadingParser.Parsed, line i: Int, known: Bool) {
            let section = Section(level: h.level, number: h.number, numeral: h.numeral, title: h.title,
                                  span: TextSpan(line: i, start: h.start, end: h.end),
                                  titleSpan: TextSpan(line: i, start: h.titleStart, end: h.titleEnd), subsections: [])
            if h.level == 1 {
                // A statutory table's row label standing alone (its table missing or unrecognised) is no section.
                // The title without blanks (`withoutBlanks`), from the line's scalars: the title is those scalars.
                let compact = lines[i][h.titleStart..<h.titleEnd].filter { !($0.isBlank || $0 == "\n" || $0 == "\r") }
                let isRowLabel = plainLabels && compact.allSatisfy({ LabelText.isInert($0) && $0 != "\r" })
                    ? rowLabelScalars.contains { compact.starts(with: $0) }
                    : rowLabels.contains { compact.string.hasPrefix($0) }
                if isRowLabel { return }
                // A numbered list restarting at 一 inside a section, or a table fragment, goes back in number
                // without naming one of the format's parts: not a top-level section.
                if let last = sections.last, h.number <= last.number, !known { return }
                sections.append(section)
            } else if !sections.isEmpty {
                sections[sections.count - 1].subsections.append(section)
            }
        }
    }

    /// Prose paragraphs. Plain-text lines are joined where the text was hard-wrapped (PDF extracts);
    /// lines from Word and HTML are paragraphs already.
    private func paragraphs(lines: [[Unicode.Scalar]], document: Document, parsed: [HeadingParser.Parsed?],
                            sections: [Section], skipped: (Int) -> Bool, footers: [Bool]) -> [Paragraph] {
        // Which lines hold a heading, by index: the sections are searched only for those (a handful a report,
        // where a dictionary of them by line cost more to build than the search).
        var holdsHeading = filledArray(false, count: lines.count)
        for section in sections where holdsHeading.indices.contains(section.span.line) { holdsHeading[section.span.line] = true }
        let joinsWrappedLines = document.format == .text || document.format == .markdown || document.format == .pdf
        var result: [Paragraph] = []
        var current: Paragraph?
        var section: Section?
        func flush() {
            if let p = current, !p.scalars.isEmpty { result.append(p) }
            current = nil
        }
        /// Prose in line `i` from `start` to `end`: joined to the paragraph before where the text was hard-wrapped.
        func prose(_ i: Int, from start: Int, to end: Int, mayJoin: Bool) {
            let line = lines[i]
            if mayJoin, joinsWrappedLines, var p = current, let last = p.scalars.last, !endsParagraph(last),
               p.scalars.count - (p.pieces.last?.offset ?? 0) >= 15, parsed[i] == nil, !startsListItem(line, from: start) {
                // `p` alone holds the paragraph now: its scalars grow in place rather than being copied per line.
                current = nil
                p.pieces.append((p.scalars.count, i, start))
                p.scalars += line[start..<end]
                current = p
                return
            }
            flush()
            current = Paragraph(scalars: Array(line[start..<end]), pieces: [(0, i, start)], isHeading: false,
                                sectionNumber: section?.number, sectionTitle: section?.title)
        }
        for i in lines.indices {
            if footers[i] { continue }  // a page footer between two halves of a sentence vanishes
            let line = lines[i]
            if skipped(i) || TableFinder.isBlank(line) { flush(); continue }
            let start = line.firstIndex { !$0.isBlank } ?? 0
            guard holdsHeading[i] else { prose(i, from: start, to: line.count, mayJoin: true); continue }
            let headings = sections.filter { $0.span.line == i }
            // A heading may run on into its text (“一、总体情况 本年度报告根据…”) or stand after a sentence
            // (“…联系。 一、总体情况 …”): the text around it is prose of its own.
            var pos = start
            for h in headings.sorted(by: { $0.span.start < $1.span.start }) {
                var end = h.span.start
                while end > pos, line[end - 1].isBlank { end -= 1 }
                if line[pos..<end].contains(where: { $0.isHan || $0.isDigitLike }) { prose(i, from: pos, to: end, mayJoin: pos == start) }
                flush()
                section = h
                result.append(Paragraph(scalars: Array(line[h.span.start..<h.span.end]), pieces: [(0, i, h.span.start)],
                                        isHeading: true, sectionNumber: h.number, sectionTitle: h.title))
                pos = h.span.end
            }
            while pos < line.count, line[pos].isBlank || ["。", "：", ":", "，", "*", "_"].contains(line[pos]) { pos += 1 }
            if line[pos...].contains(where: { $0.isHan || $0.isDigitLike }) { prose(i, from: pos, to: line.count, mayJoin: false) }
        }
        flush()
        return result
    }

    private func endsParagraph(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "。", "！", "？", "；", "：", "”", "」", "』", "!", "?", ":", ";": true
        default: false
        }
    }

    /// “一是”, “1.”, “（1）” start a new item even in wrapped text.
    private func startsListItem(_ line: [Unicode.Scalar], from i: Int) -> Bool {
        guard i < line.count else { return false }
        if line[i].isDigitLike, i + 1 < line.count, [".", "．", "、", ")", "）"].contains(line[i + 1]) { return true }
        if ChineseNumerals.isNumeral(line[i]), i + 1 < line.count, line[i + 1] == "是" { return true }
        return line[i] == "（" || line[i] == "("
    }

    /// “-2-”, “— 1 —”, “- 4 -”, “第 3 页 共 10 页”.
    /// One pass over the line without copying it: this runs for every line, and filtering out the blanks
    /// first allocated an array for every short line with a digit (most table rows).
    static func isPageFooter(_ line: [Unicode.Scalar]) -> Bool {
        guard !line.isEmpty, line.count <= 40 else { return false }
        var count = 0, hasDigit = false, dashFrame = true, pageFrame = true
        var first: Unicode.Scalar = " ", last: Unicode.Scalar = " "
        for u in line where !u.isBlank {
            if count == 0 { first = u }
            last = u
            count += 1
            let digit = u.isDigitLike
            hasDigit = hasDigit || digit
            if !digit && !isFooterDash(u) { dashFrame = false }
            if !digit && u != "第" && u != "页" && u != "共" { pageFrame = false }
            // Neither frame left (a word, most lines at their first scalar), or too long: no footer.
            if !dashFrame && !pageFrame || count > 12 { return false }
        }
        guard count > 0, count <= 12, hasDigit else { return false }
        if dashFrame, isFooterDash(first), isFooterDash(last) { return true }
        return pageFrame && first == "第" && last == "页"
    }

    private static func isFooterDash(_ u: Unicode.Scalar) -> Bool {
        u == "-" || u == "—" || u == "－" || u == "–" || u == "―"
    }
}
