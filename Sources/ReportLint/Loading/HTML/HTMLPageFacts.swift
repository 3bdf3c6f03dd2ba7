/// Publication facts from a government page's meta table or header line: 发布日期 (or 发布时间, 成文日期,
/// `<meta name="PubDate">`) and 发布机构. They sit outside the article body, so they are read from all
/// visible text of the page, one text node at a time: the value follows its label in the same node
/// ("发布日期：2024-03-12") or in the next one (the next table cell).
enum HTMLPageFacts {
    static let dateLabels = ["发布日期", "发布时间", "成文日期"]
    static let publisherLabels = ["发布机构", "发文机关"]
    /// Labels that end a value written on the same line as another label.
    static let allLabels = dateLabels + publisherLabels + ["索引号", "主题分类", "文号", "发文字号", "来源", "信息来源", "浏览次数", "字号"]
    static let dateMetaNames: Set<String> = ["pubdate", "publishdate", "firstpublishedtime", "article:published_time"]

    static func metadata(of tree: HTMLTree) -> (date: String?, publisher: String?) {
        let segments = tree.nodes.indices
            .filter { tree.nodes[$0].name.isEmpty && !tree.nodes[$0].hidden }
            .map { LineAssembly.trim(tree.nodes[$0].text) }
            .filter { !$0.isEmpty }
        let metaDate = tree.elements(named: "meta").lazy
            .filter { dateMetaNames.contains((tree.attribute($0, "name") ?? tree.attribute($0, "property") ?? "").lowercased()) }
            .compactMap { tree.attribute($0, "content").flatMap(date(in:)) }
            .first
        let labelledDate = dateLabels.lazy.compactMap { value(after: $0, in: segments).flatMap(date(in:)) }.first
        let publisher = publisherLabels.lazy.compactMap { value(after: $0, in: segments).map(cutAtNextLabel) }
            .first { !$0.isEmpty }
        return (metaDate ?? labelledDate, publisher)
    }

    /// The text after `label` (and a colon) in the first segment containing it, or the next segment when
    /// the label stands alone.
    static func value(after label: String, in segments: [String]) -> String? {
        for (i, segment) in segments.enumerated() {
            guard let range = segment.range(of: label) else { continue }
            let rest = LineAssembly.trim(String(segment[range.upperBound...].drop { $0 == ":" || $0 == "：" || $0.isWhitespace }))
            if !rest.isEmpty { return rest }
            return i + 1 < segments.count ? segments[i + 1] : nil
        }
        return nil
    }

    /// "某某办公室  发布日期：…" → "某某办公室": a value ends at another label or at a wide gap.
    static func cutAtNextLabel(_ value: String) -> String {
        var end = value.endIndex
        for label in allLabels {
            if let r = value.range(of: label), r.lowerBound < end { end = r.lowerBound }
        }
        if let gap = value.range(of: "  "), gap.lowerBound < end { end = gap.lowerBound }
        return LineAssembly.trim(String(value[..<end]))
    }

    /// The first date in a text ("2024-03-12", "2024年3月12日", "2024/03/12 10:00") as yyyy-mm-dd.
    static func date(in text: String) -> String? {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if let (y, m, d) = parseDate(chars, at: i) {
                return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
            }
            i += 1
        }
        return nil
    }

    private static func parseDate(_ c: [Character], at start: Int) -> (Int, Int, Int)? {
        var i = start
        func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < c.count, digits < maxDigits, let d = c[i].wholeNumberValue, c[i].isASCII {
                value = value * 10 + d; digits += 1; i += 1
            }
            return digits == 0 ? nil : value
        }
        func separator(_ allowed: Set<Character>) -> Bool {
            guard i < c.count, allowed.contains(c[i]) else { return false }
            i += 1
            return true
        }
        if start > 0, c[start - 1].isNumber { return nil }
        guard let y = number(maxDigits: 4), i - start == 4, y >= 1990, y <= 2100,
              separator(["-", "/", ".", "年"]), let m = number(maxDigits: 2), (1...12).contains(m),
              separator(["-", "/", ".", "月"]), let d = number(maxDigits: 2), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }
}
