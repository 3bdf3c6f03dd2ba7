/// 报告机关 as a reviewer finds it: the title, else the page's 发布机构, else the report named in the opening
/// sentence (“现公布深圳市某区某街道2020年政府信息公开工作年度报告”, “某县2009年政府信息公开工作年度报告（以下简称
/// 年报）根据…”), else the file name (“某镇人民政府-2023.docx”).
enum BodyReader {
    static func read(_ report: Report) -> (body: String?, source: BodySource?) {
        if let title = report.title, let body = TitleReader.body(in: title.text), looksLikeBody(body) { return (body, .title) }
        if let p = report.document.metadata.publisher ?? PageChrome.publisher(report.lines, limit: OpeningText.chromeLines(report)),
           looksLikeBody(p) {
            return (p, .publisher)
        }
        if let b = fromOpening(report) { return (b, .openingText) }
        if let b = fromFileName(report.document.path) { return (b, .fileName) }
        return (nil, nil)
    }

    /// A name a body goes by: not a pronoun or a bare word (“政府”, “本机关”), and of a known level or kind.
    static func looksLikeBody(_ b: String) -> Bool {
        guard b.count >= 2, !["政府", "人民政府", "机关", "单位", "本机关"].contains(b),
              !["本", "我", "该", "各", "年", "度"].contains(where: { b.hasPlainPrefix($0) }) else { return false }
        if TitleReader.level(of: b) != .unknown { return true }
        return ["政府", "办公室", "委员会", "办事处", "中心", "厅", "局", "院", "委", "办"].contains { b.hasPlainSuffix($0) }
    }

    static let verbs = ["公布", "公开", "发布", "印发", "编制", "现将", "《"].map(\.scalars)
    static let compiledBy = ["本年度报告由", "本报告由", "年度报告由"].map(\.scalars)
    static let compiledByEnd = ["根据", "依据", "按照", "依照", "编制", "负责"].map(\.scalars)

    /// The body in the opening sentence: the report it names (the clause around a year followed by 信息公开…报告,
    /// after its verb), or who compiled it (“本报告由某县某镇人民政府根据…编制”).
    static func fromOpening(_ report: Report) -> String? {
        for index in OpeningText.paragraphs(report) {
            let s = report.paragraphs[index].scalars
            for marker in compiledBy {
                guard let at = s.firstIndex(of: marker) else { continue }
                let from = at + marker.count
                let end = compiledByEnd.compactMap { s.firstIndex(of: $0, from: from, to: min(s.count, from + 30)) }.min()
                if let end, end > from, !s[from..<end].contains(where: \.separatesClause) {
                    let b = Array(s[from..<end]).string.withoutBlanks
                    if looksLikeBody(b) { return b }
                }
            }
            for f in report.figures where f.paragraph == index && f.kind == .year && OpeningText.namesReport(s, after: f.end) {
                var start = f.start
                while start > 0, !s[start - 1].separatesClause, s[start - 1] != "》" { start -= 1 }
                for v in verbs {
                    if let at = lastIndex(of: v, in: s, from: start, to: f.start) { start = max(start, at + v.count) }
                }
                var end = f.end
                while end < s.count, !s[end].separatesClause, s[end] != "》", !s.has(reportWord, at: end - 2) { end += 1 }
                let clause = Array(s[start..<end]).string.withoutBlanks
                if let b = TitleReader.body(in: clause), looksLikeBody(b) { return b }
            }
        }
        return nil
    }

    static let reportWord = "报告".scalars

    private static func lastIndex(of needle: [Unicode.Scalar], in s: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        var found: Int?
        var i = from
        while let at = s.firstIndex(of: needle, from: i, to: to) { found = at; i = at + 1 }
        return found
    }

    /// The file name without extension, years, separators and the genre name, when what is left names a body.
    static func fromFileName(_ path: String) -> String? {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        let kept = name.unicodeScalars.filter { !$0.isDigitLike && !"-_ .()（）".unicodeScalars.contains($0) }
        var b = String(String.UnicodeScalarView(kept))
        for genre in ["政府信息公开工作年度报告", "政府信息公开年度报告", "信息公开年度报告", "年度报告", "年报"] {
            if let r = b.range(of: genre) { b = String(b[..<r.lowerBound]) }
        }
        while b.hasSuffix("年") || b.hasSuffix("度") { b.removeLast() }
        return looksLikeBody(b) ? b : nil
    }
}
