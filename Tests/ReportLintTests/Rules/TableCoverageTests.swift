import Foundation
import Testing
@testable import ReportLint

/// No statutory table is skipped in silence: for every table found in any fixture — the project's own, the
/// sample drafts, and the shared corpus where it is present — either its identities were evaluated (every row
/// read) or a note says why not (table-unread, or table-identity's note on blank cells).
@Suite("Statutory table coverage")
struct TableCoverageTests {
    static let extensions: Set<String> = ["txt", "md", "docx", "html", "htm", "pdf"]

    static func files(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { ($0 as? URL)?.path }.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
    }

    static var allFixtures: [String] {
        var result = files(under: TestSupport.root.appendingPathComponent("Tests/Fixtures")).filter { !$0.contains("/fuzz/") }
        result += files(under: TestSupport.root.appendingPathComponent("reports"))
        if TestSupport.hasShared { result += files(under: TestSupport.shared.appendingPathComponent("corpus")) }
        if !PDFLoaderTests.hasPdftotext { result = result.filter { !$0.hasSuffix(".pdf") } }
        return result
    }

    @Test func everyTableIsCheckedOrNoted() throws {
        let checks = Knowledge.builtIn.identityChecks
        var tablesSeen = 0
        for path in Self.allFixtures {
            guard let document = try? DocumentLoader().load(path: path) else { continue }
            let (report, diagnostics) = Linter().lint(document)
            for table in report.statutoryTables {
                tablesSeen += 1
                let name = RulePack.builtIn.table(table.kind)!.shortTitle
                let noted = diagnostics.contains {
                    ($0.ruleID == "table-unread" || $0.ruleID == "table-identity" && $0.severity == .note) && $0.message.zh.contains(name)
                }
                var checked = 0, own = 0
                for k in checks.indices where checks[k].identity.table == table.kind {
                    own += 1
                    _ = checks[k].failures(in: table, layout: report.layout(of: table), checked: &checked)
                }
                let fullyChecked = !table.isTrace && table.unmappedRows.isEmpty && (own == 0 || checked > 0)
                #expect(fullyChecked || noted, "\(path): \(name) neither checked nor noted (trace \(table.isTrace), unmapped rows \(table.unmappedRows))")
            }
        }
        #expect(tablesSeen >= 20, "the fixtures hold statutory tables")
    }
}
