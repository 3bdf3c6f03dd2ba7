/// 报告年度 as a reviewer finds it: the title, else the statistics period (统计期限自2023年1月1日…), else
/// what the opening text is about (the report named in its first sentence, “2023年，我镇…”), else the page's
/// publication date early in the next year, else the file name.
///
/// A wrong year is far worse than none — every year check would fire on correct sentences — so when the hints
/// below the title disagree, or there is only weak evidence (a publication date late in a year, a year in a file
/// name without Chinese, “official-template-2021-blank.docx”), no year is set
/// and `Report.yearUncertainty` says why (the `report-year` rule turns it into a note). A title's year always
/// stands: its disagreement with the period is what `year-mismatch` reports.
enum YearReader {
    static func read(_ report: Report) -> (year: ReportYear?, uncertainty: YearUncertainty?) {
        if let title = report.title, let y = TitleReader.year(in: title.text) {
            return (ReportYear(value: y.value, source: .title, span: title.pieces.first), nil)
        }
        // The text's own hints, strongest first; the first one names the year when none contradicts it.
        var hints: [ReportYear] = []
        if let p = report.statisticsPeriod, let y = p.start.year, p.start.isValid, p.garbled.isEmpty {
            hints.append(ReportYear(value: y, source: .statisticsPeriod, span: p.startSpan))
        }
        hints += OpeningText.years(report)
        var weak: [ReportYear] = []
        if let date = publicationDate(report) {
            // Reports are due by 31 January (条例 Art. 49) and are published in the first months of the next year.
            let hint = ReportYear(value: date.year - 1, source: .publicationDate, span: date.span)
            if date.month <= 4 { hints.append(hint) } else { weak.append(hint) }
        }
        let values = Set(hints.map(\.value))
        if values.count > 1 {
            var distinct: [ReportYear] = []
            for h in hints where !distinct.contains(where: { $0.value == h.value && $0.source == h.source }) { distinct.append(h) }
            return (nil, YearUncertainty(candidates: distinct, weakOnly: false))
        }
        if let first = hints.first { return (first, nil) }
        if let y = fileNameYear(report.document.path) {
            let hint = ReportYear(value: y, source: .fileName, span: nil)
            // “某镇人民政府-2023.docx” names a report; in “official-template-2021-blank.docx” the year may be anything.
            if fileName(report.document.path).unicodeScalars.contains(where: \.isHan) { return (hint, nil) }
            weak.append(hint)
        }
        if !weak.isEmpty { return (nil, YearUncertainty(candidates: weak, weakOnly: true)) }
        return (nil, nil)
    }

    /// The page's 发布日期: from the HTML meta table, else from chrome lines copied above the text.
    static func publicationDate(_ report: Report) -> (year: Int, month: Int, span: TextSpan?)? {
        if let date = report.document.metadata.publicationDate, let parsed = PageChrome.parse(date) {
            return (parsed.year, parsed.month, nil)
        }
        guard let found = PageChrome.publicationDate(report.lines, limit: OpeningText.chromeLines(report)) else { return nil }
        return (found.year, found.month, TextSpan(line: found.line, start: 0, end: report.lines[found.line].count))
    }

    /// A year standing alone in the file name (“某镇人民政府-2023.txt”, “2023年报.docx”): four digits 1990–2100 not
    /// touching other digits.
    static func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    static func fileNameYear(_ path: String) -> Int? {
        let name = Array(fileName(path).unicodeScalars)
        var found: Set<Int> = []
        var i = 0
        while i < name.count {
            guard name[i].isDigitLike else { i += 1; continue }
            var j = i, v = 0
            while j < name.count, let d = name[j].digitValue { v = v * 10 + d; j += 1 }
            if j - i == 4, (1990...2100).contains(v) { found.insert(v) }
            i = j
        }
        return found.count == 1 ? found.first : nil
    }
}

/// The opening of a report — the paragraphs before the first section heading and the first paragraphs of the
/// first section — and what it says about the year and the body.
enum OpeningText {
    static let infoDisclosure = "信息公开".scalars
    static let reportWord = "报告".scalars
    /// How many prose paragraphs of the first section count as its opening.
    static let firstSectionParagraphs = 6

    /// Indices of the opening paragraphs.
    static func paragraphs(_ report: Report) -> [Int] {
        var result: [Int] = []
        var inFirst = 0
        for (i, p) in report.paragraphs.enumerated() where !p.isHeading {
            if p.sectionNumber == nil { result.append(i); continue }
            guard p.sectionNumber == report.sections.first?.number, inFirst < firstSectionParagraphs else { break }
            inFirst += 1
            result.append(i)
        }
        return result
    }

    /// The lines above the first section heading (where copied chrome stands), at most 20.
    static func chromeLines(_ report: Report) -> Int { min(report.sections.first?.span.line ?? 20, 20) }

    /// Years the opening is about: the report named in it (“现公布某街道2020年政府信息公开工作年度报告”), a year
    /// that opens a sentence (“2020年，我街道…”, “2020年度我街办未接到…”) or follows 现将 (“现将2019年度…情况报告如下”).
    /// Years in dates (2019年12月31日), in names (《…2023年…规划》) and in comparisons are not about the report.
    static func years(_ report: Report) -> [ReportYear] {
        let opening = Set(paragraphs(report))
        var named: [ReportYear] = []
        var leading: [ReportYear] = []
        for f in report.figures where f.kind == .year && opening.contains(f.paragraph) {
            let s = report.paragraphs[f.paragraph].scalars
            let hint = ReportYear(value: Int(f.value), source: .openingText, span: report.span(f))
            if namesReport(s, after: f.end) { named.append(hint); continue }
            if insideTitleMarks(s, f.start) || followedByDate(s, f.end) { continue }
            if opensSentence(s, f.start) { leading.append(hint) }
        }
        return named + leading
    }

    /// “2020年政府信息公开工作年度报告”: 信息公开 and 报告 follow in the same clause.
    static func namesReport(_ s: [Unicode.Scalar], after end: Int) -> Bool {
        var j = end
        while j < s.count, j - end < 40, !s[j].separatesClause, s[j] != "》" { j += 1 }
        return s.firstIndex(of: infoDisclosure, from: end, to: j) != nil && s.firstIndex(of: reportWord, from: end, to: j) != nil
    }

    static func insideTitleMarks(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var depth = 0
        for u in s[..<i] { if u == "《" { depth += 1 } else if u == "》", depth > 0 { depth -= 1 } }
        return depth > 0
    }

    static func followedByDate(_ s: [Unicode.Scalar], _ end: Int) -> Bool {
        var j = end
        while j < s.count, s[j].isBlank { j += 1 }
        return j < s.count && (s[j].isDigitLike || ChineseNumerals.isNumeral(s[j]) || s[j] == "年")
    }

    static func opensSentence(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        var j = start
        while j > 0, s[j - 1].isBlank { j -= 1 }
        if j == 0 { return true }
        if ["。", "；", "：", "！", "？", ";", ":"].contains(s[j - 1]) { return true }
        return j >= 2 && s[(j - 2)..<j].elementsEqual("现将".unicodeScalars)
    }
}
