import Foundation
import Testing
@testable import ReportLint

/// Issue 11: the real reports in ../shared read as a reviewer reads them — title, body and year from the
/// right place, and no false finding from the title, section, punctuation and arithmetic rules. What stays is
/// judged real by reading the text (listed below). Table rules belong to the table readers' own tests.
@Suite("Real reports", .enabled(if: TestSupport.hasShared, "../shared/corpus is not beside the repository"))
struct RealReportTests {
    static let real = TestSupport.shared.appendingPathComponent("corpus/real")
    static let watched: Set<String> = ["report-title", "required-section", "section-order", "punctuation", "repeated-word",
                                       "sum-mismatch", "percent-sum", "percent-share", "count-plausibility", "year-mismatch",
                                       "statistics-period", "report-year"]
    static var hasPdftotext: Bool { ExternalTool.find("pdftotext", searchPath: nil) != nil }

    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var body: String
        var year: Int
        /// Findings judged real, as rule@line.
        var real: Set<String>
        var description: String { file }
    }

    static let files: [Expected] = [
        Expected(file: "hongze-district-2024.pdf", body: "淮安市洪泽区人民政府", year: 2024, real: []),
        Expected(file: "huaian-city-2024.pdf", body: "淮安市人民政府", year: 2024, real: []),
        // The text has no “五、” heading (its subsections stand under 四), so 四 jumps to 六.
        Expected(file: "shanghai-office-2025.md", body: "上海市人民政府办公厅", year: 2025,
                 real: ["required-section@183", "section-order@214"]),
        // OCR text with half-width （）：， — as printed, so the punctuation warnings are real.
        Expected(file: "shuyang-county-2025.txt", body: "沐阳县人民政府", year: 2025,
                 real: ["punctuation@4", "punctuation@6", "punctuation@12", "punctuation@79"]),
    ]

    @Test(arguments: files)
    func readAsAReviewerDoes(_ e: Expected) throws {
        if e.file.hasSuffix(".pdf") && !Self.hasPdftotext { return }
        let document = try DocumentLoader().load(path: Self.real.appendingPathComponent(e.file).path)
        let (report, diagnostics) = Linter().lint(document)
        #expect(report.body == e.body && report.bodySource == .title, "\(e.file): body \(String(describing: report.body))")
        #expect(report.year?.value == e.year && report.year?.source == .title)
        let loud = diagnostics.filter { Self.watched.contains($0.ruleID) && $0.severity >= .warning }
        let unexpected = loud.filter { !e.real.contains("\($0.ruleID)@\($0.line)") }
        #expect(unexpected.isEmpty, "\(e.file): \(unexpected.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.zh)" })")
    }
}
