import Foundation

/// What the overviews (`csv`, `html`, `summary`) keep of one input: its identity, its verdict and its counts
/// per severity and per rule — a few hundred bytes, so that an overview of thousands of drafts stays small.
struct FileTally: Sendable {
    var path: String
    var body: String?
    var year: Int?
    var format: String?
    var era: String?
    var errors = 0, warnings = 0, notes = 0
    /// Findings per rule id, and the most serious severity among them.
    var byRule: [String: (count: Int, severity: Severity)] = [:]
    /// Why the input could not be read; nil for a checked file.
    var failure: String?

    /// A checked file; with `quiet`, only its errors count (as the other formats show only errors).
    init(_ file: LintResults.File, quiet: Bool) {
        path = file.path
        body = file.report?.body
        year = file.report?.year
        format = file.report?.format
        era = file.report?.era
        for d in file.diagnostics where !quiet || d.severity == .error {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
            let before = byRule[d.ruleID]
            byRule[d.ruleID] = ((before?.count ?? 0) + 1, max(before?.severity ?? d.severity, d.severity))
        }
    }

    init(_ failure: LintResults.Failure, lang: Language) {
        path = failure.path
        self.failure = failure.error.message(lang)
    }

    var verdict: Verdict { failure != nil ? .unreadable : errors > 0 ? .needsFixes : .ready }
    var findings: Int { errors + warnings + notes }
}

/// A report's verdict in the overviews: an error means it needs fixes before it is published; warnings and
/// notes are worth reading but do not hold it back.
enum Verdict: String, Sendable, CaseIterable {
    case ready, needsFixes = "needs-fixes", unreadable

    func label(_ lang: Language) -> String {
        switch (self, lang) {
        case (.ready, .zh): "可发布"
        case (.needsFixes, .zh): "需修改"
        case (.unreadable, .zh): "无法读取"
        case (.ready, .en): "ready"
        case (.needsFixes, .en): "needs fixes"
        case (.unreadable, .en): "unreadable"
        }
    }

    /// How the verdict is reached, said once under an overview.
    static func rule(_ lang: Language) -> String {
        lang == .zh
            ? "有错误的报告为“需修改”；没有错误的为“可发布”（警告和提示仍宜逐条看过）；无法读取的文件需另行检查。"
            : "A report with any error needs fixes; one without errors is ready (its warnings and notes are still worth reading); an unreadable file must be checked by other means."
    }
}

/// The tallies of a run, gathered while files stream past (reporters are values; their `file` calls share
/// this box). Reset by `begin`, so that one reporter can render twice.
final class TallyBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [FileTally] = []

    func reset() { lock.withLock { stored.removeAll() } }
    func add(_ tally: FileTally) { lock.withLock { stored.append(tally) } }
    var tallies: [FileTally] { lock.withLock { stored } }
}

/// Per-rule totals over tallies, most frequent first (ties by the catalogue's order).
struct RuleTotals {
    struct Row { var id: String; var count: Int; var reports: Int; var severity: Severity }
    var rows: [Row]

    init(_ tallies: [FileTally], catalogue: [RuleDescriptor]) {
        var byID: [String: Row] = [:]
        for t in tallies {
            for (id, c) in t.byRule {
                var row = byID[id] ?? Row(id: id, count: 0, reports: 0, severity: c.severity)
                row.count += c.count
                row.reports += 1
                row.severity = max(row.severity, c.severity)
                byID[id] = row
            }
        }
        let order = Dictionary(catalogue.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        rows = byID.values.sorted {
            $0.count != $1.count ? $0.count > $1.count
                : (order[$0.id] ?? .max, $0.id) < (order[$1.id] ?? .max, $1.id)
        }
    }
}

/// Year-on-year pairs: the same body's reports of consecutive years, for showing side by side.
enum YearPairs {
    /// The key reports of one body share. For now: the body's name without spaces and without the
    /// “人民政府” / “政府” that one year's title has and another's lacks (社溪镇人民政府 = 社溪镇政府 = 社溪镇).
    /// The batch rules' body identity will replace this function.
    static func bodyKey(_ body: String) -> String {
        var key = body.filter { !$0.isWhitespace }
        for suffix in ["人民政府", "政府"] where key.hasSuffix(suffix) && key.count > suffix.count {
            key.removeLast(suffix.count)
            break
        }
        return key
    }

    /// Pairs (earlier, later) of checked reports with the same body key and years y, y + 1, in the order of
    /// the earlier one's first appearance. A body with two reports for one year pairs each of them.
    static func pairs(_ tallies: [FileTally]) -> [(earlier: FileTally, later: FileTally)] {
        var groups: [String: [FileTally]] = [:], order: [String] = []
        for t in tallies where t.failure == nil {
            guard let body = t.body, t.year != nil else { continue }
            let key = bodyKey(body)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(t)
        }
        var result: [(FileTally, FileTally)] = []
        for key in order {
            let group = groups[key]!.sorted { ($0.year!, $0.path) < ($1.year!, $1.path) }
            for a in group {
                for b in group where b.year! == a.year! + 1 { result.append((a, b)) }
            }
        }
        return result
    }
}
