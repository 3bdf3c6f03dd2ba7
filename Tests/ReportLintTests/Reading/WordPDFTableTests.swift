import Foundation
import Testing
@testable import ReportLint

/// PDFs that LibreOffice makes from a Word draft (the official 2021 template filled with a made-up county's
/// consistent figures, narrow columns, labels wrapped over lines: scripts/make_pdf_table_fixtures.py), and the
/// `pdftotext -layout` text of the two real PDFs: read in full, silent when correct, a changed total caught.
@Suite("Word-made PDF tables")
struct WordPDFTableTests {
    /// The figures scripts/make_pdf_table_fixtures.py writes: 表三's outcome rows by applicant column, the totals
    /// worked out as the script does (一 = （七）总计 + 四 − 二, per column).
    static let outcomes: [(String, [Int])] = [
        ("granted", [20, 3, 1, 0, 1, 0]), ("partial", [4, 1, 0, 0, 0, 0]), ("denied.stateSecret", [0, 0, 0, 0, 0, 0]),
        ("denied.prohibited", [1, 0, 0, 0, 0, 0]), ("denied.security", [0, 0, 0, 0, 0, 0]), ("denied.thirdParty", [2, 0, 0, 0, 0, 0]),
        ("denied.internal", [1, 0, 0, 0, 0, 0]), ("denied.process", [1, 1, 0, 0, 0, 0]), ("denied.enforcement", [0, 0, 0, 0, 0, 0]),
        ("denied.query", [1, 0, 0, 0, 0, 0]), ("unable.notHeld", [9, 2, 0, 0, 0, 1]), ("unable.mustCreate", [2, 0, 0, 0, 0, 0]),
        ("unable.unclear", [1, 0, 0, 0, 0, 0]), ("notProcessed.petition", [2, 0, 0, 0, 0, 0]), ("notProcessed.repeated", [3, 0, 0, 0, 0, 0]),
        ("notProcessed.publications", [0, 0, 0, 0, 0, 0]), ("notProcessed.excessive", [0, 0, 0, 0, 0, 0]),
        ("notProcessed.confirm", [1, 0, 0, 0, 0, 0]), ("other.noCorrection", [2, 0, 0, 0, 0, 0]), ("other.feeUnpaid", [0, 0, 0, 0, 0, 0]),
        ("other.other", [1, 0, 0, 0, 0, 0]),
    ]

    static var expected: RealPDFTableTests.Expected {
        let carried = [3, 0, 0, 0, 0, 0], forward = [5, 1, 0, 0, 0, 0]
        let outcomeTotal = (0..<6).map { c in outcomes.reduce(0) { $0 + $1.1[c] } }
        let new = (0..<6).map { outcomeTotal[$0] + forward[$0] - carried[$0] }
        let rows = [("new", new), ("carried", carried)] + outcomes + [("outcomeTotal", outcomeTotal), ("carriedForward", forward)]
        return [
            .table2: ["regulations: 1 0 5", "normativeDocs: 12 3 40", "licensing: 1520", "penalties: 86", "coercion: 4", "fees: 12.5"],
            .table3: rows.map { key, v in "\(key): " + (v + [v.reduce(0, +)]).map(String.init).joined(separator: " ") },
            .table4: ["review: 2 1 0 1 4", "direct: 1 0 0 1 2", "afterReview: 0 0 1 0 1"],
        ]
    }
    static let silent: Set<String> = ["table-identity", "table-missing", "text-table-mismatch", "table-unread", "punctuation",
                                      "repeated-word", "report-title", "sum-mismatch", "percent-sum", "count-plausibility"]

    @Test(.enabled(if: PDFLoaderTests.hasPdftotext), arguments: ["filled-template-2024.pdf", "filled-template-narrow-2024.pdf"])
    func readInFullAndSilent(_ name: String) throws {
        try RealPDFTableTests.check(path: TestFiles.fixture(name), Self.expected, silent: Self.silent)
        // Not even a note: every table read, every identity checked.
        let notes = Linter().lint(try DocumentLoader().load(path: TestFiles.fixture(name))).1
        #expect(notes.isEmpty, "\(name): \(notes.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.zh)" })")
    }

    @Test(.enabled(if: PDFLoaderTests.hasPdftotext)) func changedTotalIsCaught() throws {
        let d = Linter().lint(try DocumentLoader().load(path: TestFiles.fixture("filled-template-wrong-total.pdf"))).1
        let identity = d.filter { $0.ruleID == "table-identity" && $0.severity == .error }
        #expect(identity.contains { $0.message.zh.contains("一+二=65+3=68") })
        #expect(identity.contains { $0.message.zh.contains("总计=65，而六类申请人之和=53+8+1+0+1+1=64") })
    }

    /// The real PDFs' `pdftotext -layout` text (made at test time, not kept) with one total changed.
    @Test(.enabled(if: RealPDFTableTests.enabled), arguments: [("hongze-district-2024", "95", "96"), ("huaian-city-2024", "3119", "3120")])
    func realLayoutTextWithAChangedTotal(_ name: String, _ total: String, _ changed: String) throws {
        let tmp = TestSupport.scratch.appendingPathComponent("xxgk-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let pdf = TestSupport.shared.appendingPathComponent("corpus/real/\(name).pdf")
        let bytes = try Array(Data(contentsOf: pdf))
        let text = String(decoding: try ExternalTool.run(ExternalTool.find("pdftotext")!, arguments: ["-layout", "-enc", "UTF-8", "{in}", "{out}"],
                                                         input: bytes, timeout: 30), as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.hasPrefix("一、本年新收政府信息公开申请数量") })
        let original = lines[row]
        let range = try #require(original.range(of: total, options: .backwards))
        lines[row] = original.replacingCharacters(in: range, with: changed)
        for (file, text, fires) in [("same.txt", text, false), ("changed.txt", lines.joined(separator: "\n"), true)] {
            let path = tmp.appendingPathComponent(file).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let identity = try TestSupport.lint(file: path).filter { $0.ruleID == "table-identity" && $0.severity == .error }
            #expect(identity.isEmpty == !fires, "\(name) \(file): \(identity.map { "\($0.line):\($0.column) \($0.message.zh)" })")
        }
    }
}
