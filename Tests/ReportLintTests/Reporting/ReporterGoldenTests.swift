import Foundation
import Testing
@testable import ReportLint

/// Each reporter's output for the seed draft, compared with a canned file (as SwiftLint keeps
/// CannedXReporterOutput). Regenerate after an intended change with `UPDATE_GOLDEN=1 swift test`.
@Suite("Reporter golden files")
struct ReporterGoldenTests {
    static let golden = TestSupport.root.appendingPathComponent("Tests/Fixtures/golden")

    /// The seed draft and an unreadable file; with `fullText`, the draft's every line is kept (as the command
    /// line keeps it for a single file when the format asks: html).
    static func results(fullText: Bool = false) throws -> LintResults {
        let bytes = try [UInt8](Data(contentsOf: TestSupport.root.appendingPathComponent("reports/shexi-2019.txt")))
        var runner = Runner(linter: Linter(), jobs: 1)
        runner.keepsFullText = fullText
        var results = runner.run([.bytes(bytes, name: "reports/shexi-2019.txt", format: .text)])
        results.failures.append(.init(path: "reports/broken.docx", error: .corruptContainer("no end of central directory")))
        return results
    }

    /// Every registered format in both languages: `seed.FORMAT.LANG.EXTENSION`.
    static let cases: [(name: String, lang: Language)] = ReporterRegistry.names.flatMap { name in
        Language.allCases.map { (name, $0) }
    }

    @Test("reporter output matches its golden file", arguments: 0..<cases.count)
    func golden(_ index: Int) throws {
        let (name, lang) = Self.cases[index]
        let options = ReporterOptions(language: lang, color: false, baseDirectory: "/work/project")
        let format = try #require(ReporterRegistry.type(named: name))
        let output = format.init(options: options).render(try Self.results(fullText: format.needsFullText))
        let file = "seed.\(name).\(lang.rawValue).\(format.fileExtension)"
        let url = Self.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try output.write(to: url, atomically: true, encoding: .utf8)
        }
        // Compared as bytes: reading as a String would drop the CSV's byte order mark.
        let expected = try Data(contentsOf: url)
        #expect(Data(output.utf8) == expected, "\(file) differs; if intended, run UPDATE_GOLDEN=1 swift test")
    }

    @Test func colourOnlyWhenAsked() throws {
        let results = try Self.results()
        let plain = HumanReporter(options: ReporterOptions(color: false)).render(results)
        let coloured = HumanReporter(options: ReporterOptions(color: true)).render(results)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31m错误: \u{1B}[0m"))
    }

    @Test func caretAlignsUnderWideCharacters() {
        let r = HumanReporter(options: ReporterOptions())
        // “我镇2019年度我镇”: the second 我镇 starts at column 9; before it 我镇 (2×2) + 2019 (4) + 年度 (2×2) = 12 cells.
        let excerpt = r.excerpt("我镇2019年度我镇无相关", column: 9, endColumn: 11)
        let caretLine = excerpt.split(separator: "\n")[1]
        #expect(caretLine == "    " + String(repeating: " ", count: 12) + "^~~~")
    }
}
