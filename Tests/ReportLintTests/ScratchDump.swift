import Foundation
import Testing
@testable import ReportLint

@Test func scratchDump() throws {
    guard let paths = ProcessInfo.processInfo.environment["DUMP"] else { return }
    var out = ""
    for path in paths.split(separator: ",") {
        let doc = try DocumentLoader().load(path: String(path))
        let (r, diags) = Linter().lint(doc)
        out += "######## \(path) year=\(String(describing: r.year?.value)) era=\(String(describing: r.era))\n"
        for t in r.statutoryTables {
            let def = RulePack.builtIn.table(t.kind)!
            out += "== \(t.kind) layout=\(String(describing: t.layout)) lines=\(t.lines) trace=\(t.isTrace) unmapped=\(t.unmappedRows.map { $0 + 1 }) wellRead=\(t.isWellRead)\n"
            out += "   rows: \(def.rows.map(\.key).filter { t.rowLabels[$0] != nil })\n"
            out += "   cols: \(def.columns.map(\.key).filter { t.columnKeys.contains($0) })\n"
            for row in def.rows where t.rowKeys.contains(row.key) {
                out += "   \(row.key): " + def.columns.compactMap { c in t[row.key, c.key].map { v -> String in
                    switch v { case .number(let n, let u, _): return "\(c.key)=\(NumberText.format(n, decimals: 3))\(u ?? "")"; case .notStated: return "\(c.key)=∅"; case .unreadable: return "\(c.key)=?" } } }.joined(separator: " ") + "\n"
            }
        }
        for d in diags where ProcessInfo.processInfo.environment["ALL"] != nil || d.ruleID.hasPrefix("table") || d.ruleID.hasPrefix("text-table") || d.ruleID == "count-plausibility" {
            out += "  ! \(d.line):\(d.column) \(d.severity) \(d.ruleID) \(d.message.zh)\n"
        }
    }
    try out.write(toFile: "/tmp/scratch/dump.txt", atomically: true, encoding: .utf8)
}
