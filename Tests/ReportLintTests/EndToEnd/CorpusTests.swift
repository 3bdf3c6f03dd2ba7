import Foundation
import Testing
@testable import ReportLint

/// The shared corpus: synthetic drafts with labels, the 社溪镇 seed, real published reports.
/// Read from ../shared at test time (never copied into the project); skipped when it is absent.
@Suite("Corpus", .enabled(if: TestSupport.hasShared, "../shared/corpus is not beside the repository"))
struct CorpusTests {
    struct Label: Decodable {
        struct Expect: Decodable {
            var rule: String
            var alt: [String]?
            var needle: String?
        }
        var year: Int
        var era: String
        var kind: String
        var expect: [Expect]
    }

    static let corpus = TestSupport.shared.appendingPathComponent("corpus")
    static let labels: [String: Label] = {
        guard let data = try? Data(contentsOf: corpus.appendingPathComponent("generated/labels.json")) else { return [:] }
        return (try? JSONDecoder().decode([String: Label].self, from: data)) ?? [:]
    }()
    /// Rules this build implements; labels naming others (tables, batch) are checked once those exist.
    static let implemented = Set(RuleRegistry.descriptors.map(\.id))
    static let readable: Set<InputFormat> = [.text, .markdown, .docx, .html]
    static let singleFiles = labels.keys.filter { key in
        key.hasPrefix("single/") && InputFormat(path: key).map { readable.contains($0) } == true
    }.sorted()

    @Test("generated drafts behave as labelled", arguments: singleFiles)
    func generated(_ key: String) throws {
        let label = try #require(Self.labels[key])
        let path = Self.corpus.appendingPathComponent("generated/" + key).path
        let document = try DocumentLoader().load(path: path)
        let (report, diagnostics) = Linter().lint(document)
        #expect(report.year?.value == label.year, "\(key): year \(String(describing: report.year?.value)), label \(label.year)")
        // The label's era is the era the draft is laid out in; for a superseded-format draft that differs
        // from the era its year requires, which is what the reader reports.
        if label.kind != "superseded-format" { #expect(report.era?.rawValue == label.era) }
        if label.expect.isEmpty {
            let loud = diagnostics.filter { $0.severity >= .warning }
            #expect(loud.isEmpty, "\(key) is clean, but: \(loud.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.zh)" })")
        }
        for e in label.expect {
            let accepted = Set([e.rule] + (e.alt ?? []))
            guard !accepted.isDisjoint(with: Self.implemented) else { continue }
            let hits = diagnostics.filter { accepted.contains($0.ruleID) }
            #expect(!hits.isEmpty, "\(key): expected \(accepted.sorted()) to fire; got \(diagnostics.map(\.ruleID))")
            if let needle = e.needle, !hits.isEmpty {
                let lines = document.lines.map(\.text)
                let found = hits.contains { d in
                    d.snippet.contains(needle) || d.message.zh.contains(needle) || lines[d.line - 1].contains(needle)
                }
                #expect(found, "\(key): no \(accepted.sorted()) finding at or naming “\(needle)”")
            }
        }
    }

    /// The seed draft: each known defect on its line, and nothing about its correct shares and counts.
    @Test func seedDraft() throws {
        let path = Self.corpus.appendingPathComponent("seed/shexi-2019.txt").path
        let d = try TestSupport.lint(file: path)
        func has(_ rule: String, line: Int, _ needle: String? = nil) -> Bool {
            d.contains { x in x.ruleID == rule && x.line == line && (needle.map { x.snippet.contains($0) || x.message.zh.contains($0) } ?? true) }
        }
        #expect(has("year-mismatch", line: 21, "2018年度"))
        #expect(has("report-title", line: 1), "malformed title (wrong genre name)")
        #expect(has("report-title", line: 3, "报  告"), "title split and letter-spaced")
        #expect(has("regulation-title", line: 7, "《中华人民共和国信息公开条例》"))
        #expect(has("superseded-format", line: 5))
        #expect(has("required-section", line: 35, "其他需要报告的事项"))
        #expect(has("repeated-word", line: 25, "我镇"))
        #expect(has("punctuation", line: 25, "."))
        let arithmetic: Set<String> = ["percent-sum", "percent-share", "sum-mismatch", "count-plausibility"]
        #expect(!d.contains { arithmetic.contains($0.ruleID) }, "the seed's shares and counts are right: \(d.filter { arithmetic.contains($0.ruleID) }.map(\.message.zh))")
        // Only the 2018 sentence is a year mismatch; the 2020 plan is for next year.
        #expect(d.filter { $0.ruleID == "year-mismatch" }.count == 1)
    }

    /// An excerpt file carries a header (source, year, level) above a `---` line: lint what is below it,
    /// keeping line numbers as in the file by blanking the header.
    static func lintExcerpt(_ path: String) throws -> [Diagnostic] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if path.contains("/excerpts/"), let rule = lines.firstIndex(of: "---") {
            for i in 0...rule { lines[i] = "" }
        }
        return TestSupport.lint(lines.joined(separator: "\n"), path: path)
    }

    /// Real texts: the arithmetic, year and citation rules fire only where labels.md shows such a defect.
    @Test func realReportsOnlyWhereLabelled() throws {
        let real = Self.corpus.appendingPathComponent("real")
        var files = ["shuyang-county-2025.txt", "shanghai-office-2025.md", "table3-pdf-extract.txt"].map { real.appendingPathComponent($0).path }
        files += (1...20).map { real.appendingPathComponent(String(format: "excerpts/r%03d.txt", $0)).path }
        // labels.md tags: SUM (arithmetic), REG (citation); no excerpt is tagged with a year defect.
        let allowed: [String: Set<String>] = [
            "r003.txt": ["regulation-title"], "r019.txt": ["regulation-title"],
            // ABBR: 《条例》 used without ever being defined — the short name at the first mention.
            "r016.txt": ["regulation-title"],
            "r007.txt": ["sum-mismatch", "percent-sum", "percent-share"], "r008.txt": ["sum-mismatch"],
            "r009.txt": ["sum-mismatch"], "r015.txt": ["count-plausibility", "sum-mismatch"],
        ]
        // Table rules included: no real text is labelled with a table defect, and tables that PDF or OCR broke
        // must be left alone rather than guessed at (table-missing is not watched: excerpts stop before the tables).
        let watched: Set<String> = ["percent-sum", "percent-share", "sum-mismatch", "count-plausibility",
                                    "year-mismatch", "statistics-period", "regulation-title", "table-identity", "text-table-mismatch"]
        for file in files {
            let name = (file as NSString).lastPathComponent
            let fired = try Self.lintExcerpt(file).filter { watched.contains($0.ruleID) }
            let unexpected = fired.filter { !(allowed[name] ?? []).contains($0.ruleID) }
            #expect(unexpected.isEmpty, "\(name): \(unexpected.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.zh)" })")
        }
        // And the labelled citation defects are found.
        let r003 = try Self.lintExcerpt(real.appendingPathComponent("excerpts/r003.txt").path)
        #expect(r003.contains { $0.ruleID == "regulation-title" && $0.snippet.contains("条例 》") })
    }
}
