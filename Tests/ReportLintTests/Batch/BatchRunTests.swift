import Foundation
import Testing
@testable import ReportLint

/// The batch as a county office runs it: folders on disk, labelled corpus batches, a corrupt file among the
/// drafts, SARIF, and the command line over folders with configurations of their own.
@Suite("Batch runs")
struct BatchRunTests {
    static let batchRules: Set<String> = ["carry-over-mismatch", "duplicate-content", "identical-tables", "peer-outlier",
                                          "report-version-conflict", "ambiguous-body"]

    /// A series with this year's 上年结转 off by one (自然人 and 总计).
    static func inconsistentSeries(body: Int) -> [BatchFixtures.File] {
        var files = BatchFixtures.series(body: body, years: 2022...2023)
        var lines = files[1].text.components(separatedBy: "\n")
        let at = lines.firstIndex { $0.hasPrefix("二、上年结转") }!
        var cells = lines[at].components(separatedBy: "\t")
        cells[1] = String(Int(cells[1])! + 1)
        cells[7] = String(Int(cells[7])! + 1)
        lines[at] = cells.joined(separator: "\t")
        files[1].text = lines.joined(separator: "\n")
        return files
    }

    @Test func labelledCorpusBatchesBehaveAsLabelled() throws {
        guard TestSupport.hasShared else { return }
        let corpus = TestSupport.shared.appendingPathComponent("corpus/generated")
        let labels = try JSONSerialization.jsonObject(with: Data(contentsOf: corpus.appendingPathComponent("labels.json"))) as! [String: [String: Any]]
        let folders = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("batch").path).sorted()
        #expect(!folders.isEmpty)
        for folder in folders {
            let dir = corpus.appendingPathComponent("batch/\(folder)").path
            let results = Runner(linter: Linter(), jobs: 2).run(Runner.expand([dir]).map { .path($0) })
            #expect(results.failures.isEmpty)
            for file in results.files {
                let key = "batch/\(folder)/" + BatchText.file(file.path)
                let expected = Set(((labels[key]?["expect"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
                let fired = Set(file.diagnostics.filter { Self.batchRules.contains($0.ruleID) && $0.severity >= .warning }.map(\.ruleID))
                #expect(fired == expected.intersection(Self.batchRules), "\(key): fired \(fired.sorted()), labelled \(expected.sorted())")
            }
        }
    }

    @Test func aCorruptFileCostsOnlyThatFile() throws {
        let files = Self.inconsistentSeries(body: 3) + BatchFixtures.series(body: 4, years: 2022...2023)
        var texts: [String: String] = [:]
        for f in files { texts[f.name] = f.text }
        let dir = try TestSupport.folder("batch-corrupt", writing: texts)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A Word file that is not one, sorted between the two years of body 3.
        try Data("PK\u{3}\u{4}broken".utf8).write(to: dir.appendingPathComponent(files[0].name.replacingOccurrences(of: "-2022.txt", with: "-2022a.docx")))
        let results = Runner(linter: Linter(), jobs: 2).run(Runner.expand([dir.path]).map { .path($0) })
        #expect(results.failures.count == 1 && results.failures[0].path.hasSuffix(".docx"))
        #expect(results.files.count == 4)
        let carry = results.files.flatMap(\.diagnostics).filter { $0.ruleID == "carry-over-mismatch" }
        #expect(carry.count == 1 && carry[0].path.hasSuffix(files[1].name))
    }

    @Test func aSuppressionNamingABatchRuleIsNotCalledUnused() {
        var files = Self.inconsistentSeries(body: 21)
        files[1].text = "<!-- xxgk-lint-disable-file carry-over-mismatch -->\n" + files[1].text
        let found = TestSupport.lintBatch(files)
        #expect(!found.contains { $0.ruleID == "unused-suppression" }, "\(found.filter { $0.ruleID == "unused-suppression" }.map(\.message.zh))")
        // It does not reach the batch finding (said in the README).
        #expect(found.contains { $0.ruleID == "carry-over-mismatch" })
    }

    @Test func factsCrossInTheirByteFormAndGarbledOnesAreDropped() throws {
        let files = Self.inconsistentSeries(body: 30)
        let reports = files.map { TestSupport.report($0.text) }
        for rule in RuleRegistry.makeRules().compactMap(\.collecting) {
            let context = RuleContext(pack: .builtIn)
            let facts = reports.map { rule.collect($0, context) }
            #expect(facts.allSatisfy { $0 != nil }, "\(rule.descriptor.id)")
            let whole = zip(zip(files, reports), facts).map { BatchEntry(path: $0.0.name, stamp: ReportStamp($0.1), facts: ArraySlice($1!)) }
            // Cut short, each report's facts are left out rather than misread (and nothing traps).
            let cut = whole.map { BatchEntry(path: $0.path, stamp: $0.stamp, facts: $0.facts.prefix($0.facts.count / 2)) }
            #expect(rule.checkAll(cut, nil, context).isEmpty, "\(rule.descriptor.id)")
            if rule.descriptor.id == "carry-over-mismatch" { #expect(rule.checkAll(whole, nil, context).count == 1) }
        }
        // A report's frame (its stamp and every rule's facts) cut short: the report is left out of the batch.
        let linter = Linter()
        let frames = zip(files, reports).map { (path: $0.name, facts: linter.batchFacts($1)) }
        #expect(linter.checkBatch(frames).contains { $0.ruleID == "carry-over-mismatch" })
        let cut = frames.map { (path: $0.path, facts: $0.facts.mapValues { $0.prefix($0.count / 2) }) }
        #expect(linter.checkBatch(cut).isEmpty)
    }

    @Test func rulesSharingTheBatchsBodiesFindWhatEachFindsAlone() {
        // The rules see different reports: a name that could be either of two bodies, and drafts without tables.
        let short = "一、总体情况\n\n全年主动公开政府信息120条。"
        let files = Self.inconsistentSeries(body: 30) + BatchFixtures.series(body: 31, years: 2022...2023) + [
            (name: "太平镇-2023.txt", text: "太平镇人民政府2023年政府信息公开工作年度报告\n\n" + short),
            (name: "鹤庆县太平镇-2022.txt", text: "鹤庆县太平镇人民政府2022年政府信息公开工作年度报告\n\n" + short),
            (name: "宾川县太平镇-2022.txt", text: "宾川县太平镇人民政府2022年政府信息公开工作年度报告\n\n" + short),
        ]
        let reports = files.map { TestSupport.report($0.text) }
        let context = RuleContext(pack: .builtIn), shared = BatchMemo()
        let described = { (found: [Finding]) in found.map { "\($0.location.path ?? "")|\($0.span.line)|\($0.message.zh)" } }
        for rule in RuleRegistry.makeRules().compactMap(\.collecting) {
            let entries = zip(files, reports).compactMap { file, report in
                rule.collect(report, context).map { BatchEntry(path: file.name, stamp: ReportStamp(report), facts: ArraySlice($0)) }
            }
            let alone = described(rule.checkAll(entries, nil, context))
            #expect(described(rule.checkAll(entries, shared, context)) == alone, "\(rule.descriptor.id)")
            if ["carry-over-mismatch", "ambiguous-body"].contains(rule.descriptor.id) { #expect(alone.count == 1, "\(rule.descriptor.id)") }
        }
    }

    @Test func sarifNamesTheCounterpartInRelatedLocations() throws {
        let files = Self.inconsistentSeries(body: 8)
        let inputs = files.map { Runner.Input.bytes(Array($0.text.utf8), name: "drafts/" + $0.name, format: .text) }
        let results = Runner(linter: Linter(), jobs: 2).run(inputs)
        let sarif = SARIFReporter(options: ReporterOptions(language: .zh, color: false, baseDirectory: "/work/county")).render(results)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any]
        let run = (log["runs"] as! [[String: Any]])[0]
        let result = try #require((run["results"] as! [[String: Any]]).first { $0["ruleId"] as? String == "carry-over-mismatch" })
        let uri = { (location: [String: Any]) in ((location["physicalLocation"] as! [String: Any])["artifactLocation"] as! [String: Any])["uri"] as? String }
        #expect(uri((result["locations"] as! [[String: Any]])[0])?.hasSuffix("2023.txt") == true)
        let related = try #require(result["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 2 && related.allSatisfy { uri($0)?.hasSuffix("2022.txt") == true })
    }

    @Test func theCommandLineComparesFoldersWithTheirOwnConfigurations() throws {
        guard CLITests.executable != nil else { return }
        let files = Self.inconsistentSeries(body: 12)
        let root = try TestSupport.folder("batch-cli")
        defer { try? FileManager.default.removeItem(at: root) }
        // Last year's report in one folder, this year's in another, each with a configuration file.
        for (i, f) in files.enumerated() {
            let dir = root.appendingPathComponent(i == 0 ? "2022" : "2023")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try f.text.write(to: dir.appendingPathComponent(f.name), atomically: true, encoding: .utf8)
            try #"{"rules": {"vague-figure": "off"}}"#.write(to: dir.appendingPathComponent(".xxgk-lint.json"), atomically: true, encoding: .utf8)
        }
        let r = try CLITests().run(["--format", "json", "2022", "2023"], cwd: root)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("carry-over-mismatch"), "\(r.stdout.prefix(400))")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let entries = json["files"] as! [[String: Any]]
        let carry = entries.flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }.filter { $0["rule"] as? String == "carry-over-mismatch" }
        #expect(carry.count == 1)
        // The counterpart, in the other folder, is in the JSON too.
        let related = (carry.first?["related"] as? [[String: Any]]) ?? []
        #expect(!related.isEmpty && related.allSatisfy { ($0["path"] as? String)?.hasPrefix("2022/") == true }, "\(related)")
    }
}
