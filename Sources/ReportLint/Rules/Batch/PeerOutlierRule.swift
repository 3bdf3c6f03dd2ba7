/// `peer-outlier`: a figure far outside what the body's peers in the batch report — bodies of the same level
/// (town with towns, county department with county departments) for the same year. Conservative: it takes
/// `minimumPeers` peers stating the figure, a value `factor` times their median (and a median that is not
/// tiny), or zero where every peer has at least `zeroFloor`. A note with the median: a figure may well be
/// right, but it is the first place a reviewer looks for a slipped digit.
public struct PeerOutlierRule: StampedCollectingRule {
    public init() {}

    static let minimumPeers = 8, factor = 40.0, smallestMedian = 10.0, zeroFloor = 100.0

    public static let descriptor = RuleDescriptor(
        id: "peer-outlier", severity: .note,
        name: Localized(zh: "数据远离同级单位", en: "Figure far from peers'"),
        summary: Localized(zh: "主动公开信息数或新收申请数是同批次同级单位中位数的40倍以上，或同级单位都有上百条而本单位为0",
                           en: "The count of information published, or of new applications, is 40 times the median of same-level bodies in the batch, or zero where every peer has hundreds"),
        rationale: Localized(
            zh: "同一县内同级单位的公开数量通常在同一数量级。远超或远低于同级单位的数字常是多打或漏打了数位、把累计数当年度数、或把下属单位的数据算了进来。只作提示，并给出同级单位的中位数，由审核人员核实。",
            en: "Bodies of one level in a county publish on the same order of magnitude. A figure far above or below its peers is often a slipped digit, a cumulative count given as the year's, or sub-units counted in. A note only, with the peers' median, for a reviewer to check."),
        basis: Localized(zh: "《条例》第五十条（年度报告的统计数据应当准确）", en: "Regulations Art. 50 (the report's statistics must be accurate)"),
        triggering: [
            RuleExample(BatchExamples.published(body: "社溪镇人民政府", count: "↓36000"), name: "社溪镇-2023.txt",
                        batch: BatchExamples.peers(count: 9)),
            RuleExample(BatchExamples.published(body: "社溪镇人民政府", count: "↓0"), name: "社溪镇-2023.txt",
                        batch: BatchExamples.peers(count: 9)),
        ],
        nonTriggering: [
            RuleExample(BatchExamples.published(body: "社溪镇人民政府", count: "3600"), name: "社溪镇-2023.txt", batch: BatchExamples.peers(count: 9)),
            // Too few peers to say what is usual.
            RuleExample(BatchExamples.published(body: "社溪镇人民政府", count: "36000"), name: "社溪镇-2023.txt", batch: BatchExamples.peers(count: 5)),
            // A county department is no peer of towns.
            RuleExample(BatchExamples.published(body: "鹤庆县教育体育局", count: "36000"), name: "教育体育局-2023.txt", batch: BatchExamples.peers(count: 9)),
        ])

    public struct Facts: Codable, Sendable, Stamped {
        public var stamp: ReportStamp
        var figures: [Kept]
    }

    /// A figure a report states: which, its value, where.
    struct Kept: Codable, Sendable {
        var key: String
        var value: Double
        var span: TextSpan
        var text: String
    }

    static let published = "published", applications = "applications"

    public func facts(of report: Report, stamp: ReportStamp, _ context: RuleContext) -> Facts? {
        guard stamp.year != nil, stamp.level != .unknown else { return nil }
        var figures: [Kept] = []
        if let f = Self.publishedCount(report) {
            figures.append(Kept(key: Self.published, value: f.value, span: report.span(f), text: report.text(f)))
        }
        if let table = report.statutoryTable(.table3), let cell = KeptCell(table["new", "total"]) {
            figures.append(Kept(key: Self.applications, value: cell.value, span: cell.span, text: cell.text))
        }
        return figures.isEmpty ? nil : Facts(stamp: stamp, figures: figures)
    }

    static let publishedWords = ["主动公开"].map(\.scalars)
    static let notTheYear = ["较", "同比", "增长", "减少", "下降", "累计", "以来", "截至", "截止", "其中", "占"]

    /// The year's count of information published (“共主动公开政府信息743条”): the first exact count whose clause
    /// has 主动公开 right before it, and no comparison or running total.
    static func publishedCount(_ report: Report) -> Figure? {
        for f in report.figures where f.kind == .count && !f.approximate && ["条", "件", "篇"].contains(f.unit) {
            let s = report.paragraphs[f.paragraph].scalars
            var start = f.start
            while start > 0, f.start - start < 16, !s[start - 1].separatesClause { start -= 1 }
            let clause = Array(s[start..<f.start])
            guard publishedWords.contains(where: { clause.firstIndex(of: $0) != nil }) else { continue }
            let text = clause.string
            if notTheYear.contains(where: text.contains) { continue }
            return f
        }
        return nil
    }

    /// Peers: same level, same year, same figure.
    private struct Peers: Hashable {
        var level: BodyLevel
        var year: Int
        var key: String
    }

    public func check(_ entries: [CollectedFacts<Facts>], _ context: RuleContext) -> [Finding] {
        // One figure per report in each group.
        var groups: [Peers: [(entry: Int, figure: Kept)]] = [:]
        for (i, e) in entries.enumerated() {
            for f in e.facts.figures { groups[Peers(level: e.facts.stamp.level, year: e.facts.stamp.year ?? 0, key: f.key), default: []].append((i, f)) }
        }
        var findings: [Finding] = []
        for (_, members) in groups where members.count > Self.minimumPeers {
            let values = members.map(\.figure.value).sorted()
            for (i, f) in members {
                // The others' values: `values` without one of this value (read in place, not copied for each member).
                let mine = values.firstIndex(of: f.value)!, peers = values.count - 1
                func other(_ k: Int) -> Double { values[k < mine ? k : k + 1] }
                let median = peers % 2 == 1 ? other(peers / 2) : (other(peers / 2 - 1) + other(peers / 2)) / 2
                let high = median >= Self.smallestMedian && f.value >= Self.factor * median
                let zero = f.value == 0 && f.key == Self.published && other(0) >= Self.zeroFloor
                guard high || zero else { continue }
                findings.append(finding(entries[i], f, median: median, peers: peers, high: high))
            }
        }
        return findings.sorted { $0.location.path ?? "" < $1.location.path ?? "" }
    }

    private func finding(_ entry: CollectedFacts<Facts>, _ f: Kept, median: Double, peers: Int, high: Bool) -> Finding {
        let what = f.key == Self.published ? Localized(zh: "主动公开信息数", en: "information published")
                                           : Localized(zh: "表三本年新收申请数", en: "new applications (Table 3)")
        let level = entry.facts.stamp.level == .town ? Localized(zh: "乡镇（街道）", en: "towns") : Localized(zh: "同级单位", en: "same-level bodies")
        let m = NumberText.plain(median), v = NumberText.plain(f.value)
        let message = high
            ? Localized(zh: "\(what.zh)\(v)是同批次\(peers)个\(level.zh)中位数\(m)的\(Int(f.value / median))倍，请核实是否多写了数位或计入了累计数、下属单位数",
                        en: "\(what.en): \(v) is \(Int(f.value / median)) times the median \(m) of \(peers) \(level.en) in the batch; check for a slipped digit, a cumulative count or sub-units counted in")
            : Localized(zh: "\(what.zh)为0，而同批次\(peers)个\(level.zh)都在\(NumberText.plain(Self.zeroFloor))以上（中位数\(m)），请核实",
                        en: "\(what.en) is 0 while all \(peers) \(level.en) in the batch have at least \(NumberText.plain(Self.zeroFloor)) (median \(m)); please check")
        return Finding(location: .init(path: entry.path, span: f.span, snippet: f.text), message: message)
    }
}
