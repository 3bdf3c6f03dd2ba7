import Foundation
import Testing
@testable import ReportLint

/// The statutory tables of two real published PDFs (../shared/corpus/real), every cell compared with the figure
/// printed on the page (read off the rendered pages: `pdftoppm -png -r 80`). Only the figures are written here,
/// not the reports' text. Skipped where ../shared or pdftotext is absent.
@Suite("Real PDF tables")
struct RealPDFTableTests {
    static let enabled = TestSupport.hasShared && PDFLoaderTests.hasPdftotext

    /// Rows as “key: figures in the definition's column order”.
    typealias Expected = [StatutoryTableKind: [String]]

    static let hongze: Expected = [
        .table2: ["regulations: 0 0 0", "normativeDocs: 3 0 8", "licensing: 9487", "penalties: 2776", "coercion: 84", "fees: 7545"],
        .table3: ["new: 95 0 0 0 0 0 95", "carried: 0 0 0 0 0 0 0", "granted: 50 0 0 0 0 0 50", "partial: 9 0 0 0 0 0 9",
                  "denied.stateSecret: 0 0 0 0 0 0 0", "denied.prohibited: 0 0 0 0 0 0 0", "denied.security: 1 0 0 0 0 0 1",
                  "denied.thirdParty: 0 0 0 0 0 0 0", "denied.internal: 0 0 0 0 0 0 0", "denied.process: 1 0 0 0 0 0 1",
                  "denied.enforcement: 1 0 0 0 0 0 1", "denied.query: 0 0 0 0 0 0 0", "unable.notHeld: 31 0 0 0 0 0 31",
                  "unable.mustCreate: 1 0 0 0 0 0 1", "unable.unclear: 0 0 0 0 0 0 0", "notProcessed.petition: 1 0 0 0 0 0 1",
                  "notProcessed.repeated: 0 0 0 0 0 0 0", "notProcessed.publications: 0 0 0 0 0 0 0",
                  "notProcessed.excessive: 0 0 0 0 0 0 0", "notProcessed.confirm: 0 0 0 0 0 0 0",
                  // （六）其他处理 printed as one row, as the 2019 trial format has it.
                  "other: 0 0 0 0 0 0 0", "outcomeTotal: 95 0 0 0 0 0 95", "carriedForward: 0 0 0 0 0 0 0"],
        .table4: ["review: 1 1 0 0 2", "direct: 1 0 0 0 1", "afterReview: 2 0 1 0 3"],
    ]

    static let huaian: Expected = [
        .table2: ["regulations: 1 0 11", "normativeDocs: 8 26 66", "licensing: 447228", "penalties: 3985758", "coercion: 88283",
                  "fees: 96171.6"],
        .table3: ["new: 3001 53 0 0 61 4 3119", "carried: 34 0 0 0 0 0 34", "granted: 1288 21 0 0 50 3 1362",
                  "partial: 447 7 0 0 0 0 454", "denied.stateSecret: 2 0 0 0 0 0 2", "denied.prohibited: 30 1 0 0 0 0 31",
                  "denied.security: 5 0 0 0 0 0 5", "denied.thirdParty: 6 0 0 0 0 0 6", "denied.internal: 7 1 0 0 0 0 8",
                  "denied.process: 12 0 0 0 0 0 12", "denied.enforcement: 9 0 0 0 0 0 9", "denied.query: 105 0 0 0 0 0 105",
                  "unable.notHeld: 746 12 0 0 10 1 769", "unable.mustCreate: 11 0 0 0 0 0 11", "unable.unclear: 1 0 0 0 0 0 1",
                  "notProcessed.petition: 56 6 0 0 0 0 62", "notProcessed.repeated: 25 0 0 0 0 0 25",
                  "notProcessed.publications: 0 0 0 0 0 0 0", "notProcessed.excessive: 0 0 0 0 0 0 0",
                  "notProcessed.confirm: 1 0 0 0 0 0 1", "other.noCorrection: 67 3 0 0 1 0 71", "other.feeUnpaid: 6 0 0 0 0 0 6",
                  "other.other: 108 2 0 0 0 0 110", "outcomeTotal: 2932 53 0 0 61 4 3050", "carriedForward: 103 0 0 0 0 0 103"],
        .table4: ["review: 72 64 178 37 351", "direct: 13 4 8 1 26", "afterReview: 12 1 1 6 20"],
    ]

    /// The columns of a row, in the definition's order: 表二's by the row's block and the 2021 layout.
    static func columns(_ kind: StatutoryTableKind, row: String) -> [String] {
        let d = RulePack.builtIn.table(kind)!
        guard kind == .table2 else { return d.columns.map(\.key) }
        let block = d.rows.first { $0.key == row }?.block
        return d.columns(block: block, layout: .y2021).map(\.key)
    }

    static func check(_ file: String, _ expected: Expected) throws {
        try check(path: TestSupport.shared.appendingPathComponent("corpus/real/\(file)").path, expected,
                  silent: ["table-identity", "table-missing", "text-table-mismatch"])
    }

    /// Every cell of `expected` read, no other, and no error or warning of the `silent` rules.
    static func check(path: String, _ expected: Expected, silent: Set<String>) throws {
        let file = (path as NSString).lastPathComponent
        let report = ReportReader().read(try DocumentLoader().load(path: path))
        for (kind, rows) in expected {
            let table = try #require(report.statutoryTable(kind), "\(file): \(kind) not read")
            #expect(table.isWellRead, "\(file) \(kind): unmapped rows \(table.unmappedRows)")
            var count = 0
            for line in rows {
                let parts = line.components(separatedBy: ": ")
                let figures = parts[1].split(separator: " ").map { Double($0)! }
                let columns = columns(kind, row: parts[0])
                #expect(columns.count == figures.count, "\(file) \(kind) \(parts[0]): \(columns)")
                for (column, figure) in zip(columns, figures) {
                    #expect(table[parts[0], column]?.number == figure, "\(file) \(kind) \(parts[0])/\(column): \(String(describing: table[parts[0], column]))")
                }
                count += figures.count
            }
            // Nothing read besides: every cell on the page, and no other.
            #expect(table.cells.count == count, "\(file) \(kind): \(table.cells.count) cells read, \(count) on the page")
        }
        let fired = Linter().lint(try DocumentLoader().load(path: path)).1
            .filter { silent.contains($0.ruleID) && $0.severity >= .warning }
        #expect(fired.isEmpty, "\(file): \(fired.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.zh)" })")
    }

    @Test(.enabled(if: enabled)) func hongzeDistrict2024() throws { try Self.check("hongze-district-2024.pdf", Self.hongze) }

    @Test(.enabled(if: enabled)) func huaianCity2024() throws { try Self.check("huaian-city-2024.pdf", Self.huaian) }
}
