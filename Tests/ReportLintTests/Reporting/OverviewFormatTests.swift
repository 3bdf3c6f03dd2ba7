import Foundation
import Testing
@testable import ReportLint

/// The overview formats as their readers meet them: the CSV read back by a real CSV parser (python3's csv
/// module, as a spreadsheet would read it), the terminal summary's counts, and the HTML page's escaping.
@Suite("Overview formats")
struct OverviewFormatTests {
    /// A file whose name and body a spreadsheet would take for formulas, with a comma and quotes in its name.
    static func hostileResults() -> LintResults {
        let path = "-2023,\"引号\".txt"
        let report = LintResults.ReportSummary(title: nil, body: "=HYPERLINK(\"http://x\",\"点我\")", bodySource: nil, year: 2023,
                                               yearSource: nil, era: "2021", format: "txt", sourceLines: [:])
        func d(_ rule: String, _ severity: Severity, _ line: Int) -> Diagnostic {
            Diagnostic(ruleID: rule, severity: severity, message: .init(zh: "问题", en: "problem"), path: path, line: line,
                       column: 1, snippet: "x")
        }
        let file = LintResults.File(path: path, report: report, diagnostics: [
            d("year-mismatch", .error, 3), d("punctuation", .warning, 4), d("year-mismatch", .error, 9),
        ])
        return LintResults(files: [file], failures: [.init(path: "@bad.docx", error: .corruptContainer("no end of central directory"))])
    }

    /// The rows python3's csv module reads from `bytes` (encoding utf-8-sig: the BOM is taken off, as Excel does).
    static func pythonRows(_ bytes: [UInt8]) throws -> [[String]] {
        let url = TestSupport.scratch.appendingPathComponent("xxgk-csv-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n    print(json.dumps(list(csv.reader(f, strict=True))))", url.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "python3 could not read the CSV")
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    static var hasPython: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    @Test(.enabled(if: hasPython)) func csvReadsBackWithBOMQuotingAndNeutralisedFormulas() throws {
        for lang in Language.allCases {
            let bytes = Array(CSVReporter(options: ReporterOptions(language: lang)).render(Self.hostileResults()).utf8)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF], "a byte order mark, so that Excel reads UTF-8")
            let rows = try Self.pythonRows(bytes)
            try #require(rows.count == 3)
            let header = rows[0]
            #expect(header.first == (lang == .zh ? "文件" : "path"))
            #expect(rows.allSatisfy { $0.count == header.count }, "every row has every column")
            let ids = RuleRegistry.descriptors.map(\.id)
            #expect(Array(header[9..<(9 + ids.count)]) == ids, "one column per rule of the catalogue")
            let row = Dictionary(uniqueKeysWithValues: zip(header, rows[1]))
            #expect(row[header[0]] == "'-2023,\"引号\".txt", "comma and quotes survive; the leading - is neutralised")
            #expect(row[header[1]] == "'=HYPERLINK(\"http://x\",\"点我\")", "a formula is text, and the Chinese is intact")
            #expect(row[header[5]] == Verdict.needsFixes.label(lang))
            #expect(row[header[6]] == "2" && row[header[7]] == "1" && row[header[8]] == "0")
            #expect(row["year-mismatch"] == "2" && row["punctuation"] == "1" && row["report-title"] == "0")
            let failed = Dictionary(uniqueKeysWithValues: zip(header, rows[2]))
            #expect(failed[header[0]] == "'@bad.docx")
            #expect(failed[header[5]] == Verdict.unreadable.label(lang))
            #expect(rows[2].last == LoadError.corruptContainer("no end of central directory").message(lang))
        }
    }

    @Test(.enabled(if: hasPython)) func csvOfTheSampleBatchMatchesTheFindings() throws {
        let dir = TestSupport.root.appendingPathComponent("reports")
        let paths = Runner.expand([dir.path])
        let results = Runner(linter: Linter(), jobs: 2).run(paths.map { .path($0) })
        let rows = try Self.pythonRows(Array(CSVReporter(options: ReporterOptions(language: .en)).render(results).utf8))
        #expect(rows.count == results.files.count + 1)
        let header = rows[0]
        for (file, cells) in zip(results.files, rows.dropFirst()) {
            let row = Dictionary(uniqueKeysWithValues: zip(header, cells))
            #expect(row["path"] == file.path)
            #expect(row["errors"] == String(file.diagnostics.filter { $0.severity == .error }.count))
            for d in file.diagnostics { #expect(row[d.ruleID] == String(file.diagnostics.filter { $0.ruleID == d.ruleID }.count)) }
            #expect(row["verdict"] == (file.diagnostics.contains { $0.severity == .error } ? "needs fixes" : "ready"))
        }
    }

    @Test func cellNeutralisation() {
        for lead in ["=", "+", "-", "@", "\t", "\r"] { #expect(CSVReporter.cell(lead + "1").hasPrefix(lead == "\r" ? "\"'" : "'")) }
        #expect(CSVReporter.cell("社溪镇") == "社溪镇")
        #expect(CSVReporter.cell("a\"b") == "\"a\"\"b\"")
    }

    @Test func summaryCountsPerRuleAndPerReport() throws {
        let results = Self.hostileResults()
        for lang in Language.allCases {
            let text = SummaryReporter(options: ReporterOptions(language: lang)).render(results)
            let lines = text.split(separator: "\n").map(String.init)
            let year = try #require(lines.first { $0.hasPrefix("  year-mismatch ") })
            #expect(year.split(separator: " ").suffix(2) == ["2", "1"], "2 findings in 1 report")
            let report = try #require(lines.first { $0.hasSuffix(TerminalText.path(results.files[0].path)) })
            #expect(report.contains(Verdict.needsFixes.label(lang)))
            #expect(report.split(separator: " ").dropFirst(lang == .en ? 2 : 1).prefix(3) == ["2", "1", "0"])
            #expect(lines.contains { $0.contains("@bad.docx") && $0.contains(Verdict.unreadable.label(lang)) })
            // With --quiet only errors count: the warning's rule is gone.
            let quiet = SummaryReporter(options: ReporterOptions(language: lang, quiet: true)).render(results)
            #expect(!quiet.contains("punctuation"))
        }
        let coloured = SummaryReporter(options: ReporterOptions(color: true)).render(results)
        #expect(coloured.contains("\u{1B}[1;31m"))
        #expect(!SummaryReporter(options: ReporterOptions(color: false)).render(results).contains("\u{1B}["))
    }

    @Test func yearPairsJoinOneBodysConsecutiveYears() {
        #expect(YearPairs.bodyKey("社溪镇人民政府") == YearPairs.bodyKey("社溪镇政府"))
        #expect(YearPairs.bodyKey("社溪镇 政府") == YearPairs.bodyKey("社溪镇"))
        #expect(YearPairs.bodyKey("社溪镇") != YearPairs.bodyKey("牛街乡"))
        func t(_ path: String, _ body: String?, _ year: Int?) -> FileTally {
            let summary = LintResults.ReportSummary(title: nil, body: body, bodySource: nil, year: year, yearSource: nil, era: nil,
                                                    format: "txt", sourceLines: [:])
            return FileTally(LintResults.File(path: path, report: summary, diagnostics: []), quiet: false)
        }
        let pairs = YearPairs.pairs([t("a-2023", "社溪镇人民政府", 2023), t("b-2021", "牛街乡", 2021), t("a-2022", "社溪镇政府", 2022),
                                     t("b-2023", "牛街乡", 2023), t("c", nil, 2022), t("a-2021", "社溪镇", 2021)])
        #expect(pairs.map { "\($0.earlier.path)→\($0.later.path)" } == ["a-2021→a-2022", "a-2022→a-2023"],
                "consecutive years only (牛街乡 2021 and 2023 are no pair), in year order")
    }

    /// A draft that tries to break out of the page: a script, a closing tag, quotes that would end an
    /// attribute, an event handler, a direction override.
    static let hostileDraft = """
        社溪镇人民政府2023年度政府信息公开工作年度报告
        一、总体情况
        我镇,<script>document.title='pwned';document.body.insertAdjacentHTML('beforeend','<p id="pwned">x</p>')</script>公开信息。
        </textarea></title><img src=x onerror="document.title='img'">"><b onmouseover=alert(1)>本年度\u{202E}txt.exe
        """

    static func lint(_ text: String, name: String, fullText: Bool) -> LintResults {
        var runner = Runner(linter: Linter(), jobs: 1)
        runner.keepsFullText = fullText
        return runner.run([.bytes(Array(text.utf8), name: name, format: .text)])
    }

    @Test func htmlEscapesEverythingFromTheDraft() throws {
        let single = Self.lint(Self.hostileDraft, name: "hostile\"<x>.txt", fullText: true)
        try #require(single.files.first?.report?.fullText != nil)
        #expect(single.files[0].diagnostics.contains { $0.line == 3 }, "a finding on the line with the script, so its excerpt is shown")
        var batch = Self.lint(Self.hostileDraft, name: "hostile\"<x>.txt", fullText: false)
        batch.files += Self.lint(Self.hostileDraft, name: "b.txt", fullText: false).files
        for results in [single, batch] {
            for lang in Language.allCases {
                let html = HTMLReporter(options: ReporterOptions(language: lang)).render(results)
                #expect(!html.lowercased().contains("<script"), "no script element")
                #expect(!html.contains("<img") && !html.contains("<b ") && !html.contains("</textarea>"))
                #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;"), "the words are shown")
                #expect(!html.unicodeScalars.contains("\u{202E}"), "no direction override reaches the page")
                if results.files[0].report?.fullText != nil { #expect(html.contains("\\u{202E}"), "the override is shown as an escape") }
                #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
                // Nothing is fetched: no src attribute, every link inside the page.
                let tags = html.components(separatedBy: "<").dropFirst().map { $0.prefix { $0 != ">" } }
                #expect(!tags.contains { $0.contains("src=") })
                let hrefs = html.components(separatedBy: "href=\"").dropFirst()
                #expect(!hrefs.isEmpty && hrefs.allSatisfy { $0.hasPrefix("#") })
            }
        }
    }
}
