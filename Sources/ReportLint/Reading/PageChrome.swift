/// Website chrome copied with a report's text (“您当前所在位置：首页 > …”, “索引号：…”, “发布机构：…”,
/// “选择特殊符号”): never the title, but its 发布日期 and 发布机构 are the page's metadata when the page was
/// saved as text rather than as HTML (the HTML loader reads them into `DocumentMetadata`).
enum PageChrome {
    /// Words that mark a line as the site's rather than the report's.
    static let markers = ["您当前所在位置", "当前位置", "索引号", "信息公开元数据", "发布机构", "选择特殊符号", "选择搜索类型",
                          "请输入搜索", "信息分类", "主题分类", "发文日期", "发布日期", "发布时间", "成文日期", "生成日期",
                          "更新日期", "信息来源", "浏览次数", "点击数", "分享到", "无障碍", "字体：", "字体:", "【打印】", "发文机关"]
    static let markerScalars = markers.map(\.scalars)
    static let dateLabels = ["发布日期", "发布时间", "发文日期", "成文日期", "更新日期", "时间"]
    static let publisherLabels = ["发布机构", "发文机关"]

    /// Whether the line is chrome: a marker, or a short label and a colon (“称: …”, “号: …” — labels whose
    /// table cell was cut).
    static func isChrome(_ line: [Unicode.Scalar]) -> Bool {
        // A site's header lines are short; the report's opening paragraph is not looked through 25 times.
        guard line.count <= 120 else { return false }
        if containsMarker(line) { return true }
        let start = line.firstIndex { !$0.isBlank } ?? 0
        if let colon = line[start...].firstIndex(where: { $0 == ":" || $0 == "：" }), colon - start <= 3,
           line[start..<colon].allSatisfy(\.isHan), !proseLabels.contains(line[start..<colon].string), !line.contains("。") {
            return true
        }
        return false
    }

    /// Whether a marker stands in the line: searched for only where a scalar may start one (by the low byte
    /// of its value), and there only the markers that may start with it, rather than the line searched once per
    /// marker.
    private static func containsMarker(_ line: [Unicode.Scalar]) -> Bool {
        for i in line.indices where markerStarts[Int(line[i].value & 0xFF)] {
            for m in markersByStart[Int(line[i].value & 0xFF)] where line.has(markerScalars[m], at: i) { return true }
        }
        return false
    }

    /// The markers (indices into `markerScalars`) by the low byte of their first scalar's value.
    private static let markersByStart: [[Int]] = {
        var table: [[Int]] = filledArray([], count: 256)
        for (k, m) in markerScalars.enumerated() { table[Int(m[0].value & 0xFF)].append(k) }
        return table
    }()

    private static let markerStarts: [Bool] = {
        var starts = [Bool](repeating: false, count: 256)
        for m in markerScalars { starts[Int(m[0].value & 0xFF)] = true }
        return starts
    }()

    /// Short labels of the report's own text (“注：…”, “电话：…”), not of a page's meta table.
    static let proseLabels: Set<String> = ["注", "附", "附件", "备注", "说明", "地址", "电话", "邮编", "网址", "传真", "联系人", "邮箱"]

    /// The first `label: date` among the lines before `limit` (“发布日期：2021-01-12”, “时间:2019-01-18”), as
    /// (year, month, line).
    static func publicationDate(_ lines: [[Unicode.Scalar]], limit: Int) -> (year: Int, month: Int, line: Int)? {
        for i in 0..<min(limit, lines.count) where isChrome(lines[i]) {
            let text = lines[i].string
            if text.contains("统计") { continue }
            for label in dateLabels {
                guard let r = text.range(of: label), let date = HTMLPageFacts.date(in: String(text[r.upperBound...])),
                      let parsed = parse(date) else { continue }
                return (parsed.year, parsed.month, i)
            }
        }
        return nil
    }

    /// “2024-03-12” → (2024, 3).
    static func parse(_ date: String) -> (year: Int, month: Int)? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return (y, m)
    }

    /// The value after 发布机构 among the lines before `limit`, cut at the next label or blank.
    static func publisher(_ lines: [[Unicode.Scalar]], limit: Int) -> String? {
        for i in 0..<min(limit, lines.count) where isChrome(lines[i]) {
            let text = lines[i].string
            for label in publisherLabels {
                guard let r = text.range(of: label) else { continue }
                let rest = text[r.upperBound...].drop { $0 == ":" || $0 == "：" || $0.isWhitespace }
                let value = String(rest.prefix { !$0.isWhitespace && $0 != "|" })
                let cut = HTMLPageFacts.cutAtNextLabel(value)
                if cut.count >= 3 { return cut }
            }
        }
        return nil
    }
}
