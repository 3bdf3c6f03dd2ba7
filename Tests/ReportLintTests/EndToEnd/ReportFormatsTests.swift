import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReportLint

/// The CI formats as CI reads them, and several reports from one run.
@Suite("CI formats and several outputs")
struct ReportFormatsTests {
    let cli = CLITests()

    func folder() throws -> URL {
        let dir = try TestSupport.folder("formats", copying: ["shexi-2019.txt": "reports/shexi-2019.txt", "correct-2023.txt": "reports/correct-2023.txt"])
        try Data([0, 1, 2, 0xFF]).write(to: dir.appendingPathComponent("broken.txt"))
        return dir
    }

    /// Counts of the JUnit elements a CI service reads.
    final class JUnitCounts: NSObject, XMLParserDelegate {
        var suites = 0, cases = 0, failures = 0, errors = 0
        var failureMessages: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "testsuite": suites += 1
            case "testcase": cases += 1
            case "failure": failures += 1; failureMessages.append(attributes["message"] ?? "")
            case "error": errors += 1
            default: break
            }
        }
    }

    @Test func junitIsReadBackByAnXMLParser() throws {
        let dir = try folder()
        let r = try cli.run(["--format", "junit", "shexi-2019.txt", "correct-2023.txt", "broken.txt"], cwd: dir)
        #expect(r.status == 2)
        let counts = JUnitCounts()
        let parser = XMLParser(data: Data(r.stdout.utf8))
        parser.delegate = counts
        #expect(parser.parse(), "well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counts.suites == 3, "one suite per draft, the unreadable one too")
        #expect(counts.errors == 1)
        let human = try cli.run(["shexi-2019.txt"], cwd: dir)
        let shown = human.stdout.split(separator: "\n").filter { $0.contains(": 错误: ") || $0.contains(": 警告: ") }.count
        #expect(counts.failures == shown, "every error and warning is a failing case")
        #expect(counts.failureMessages.contains { $0.contains("2018年度") })
    }

    @Test func githubAnnotationsAreOneLineEach() throws {
        let dir = try folder()
        let r = try cli.run(["--format", "github", "--lang", "en", "shexi-2019.txt", "broken.txt"], cwd: dir)
        let lines = r.stdout.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(lines.contains { $0.hasPrefix("::error file=shexi-2019.txt,line=21,col=50,") && $0.contains("title=xxgk-lint year-mismatch::") })
        #expect(lines.contains { $0.hasPrefix("::error file=broken.txt,title=xxgk-lint::") })
    }

    @Test func severalReportsFromOneRun() throws {
        let dir = try folder()
        let r = try cli.run(["--format", "sarif", "--output", "a.sarif", "--format", "human", "--format", "junit", "-o", "a.xml",
                             "shexi-2019.txt"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("shexi-2019.txt:21:50: 错误:"), "human on standard output")
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("a.sarif"))) as? [String: Any]
        #expect((sarif?["version"] as? String) == "2.1.0")
        #expect(try String(contentsOf: dir.appendingPathComponent("a.xml"), encoding: .utf8).contains("<testsuites"))
        let twoOnStdout = try cli.run(["--format", "sarif", "--format", "json", "shexi-2019.txt"], cwd: dir)
        #expect(twoOnStdout.status == 2 && twoOnStdout.stderr.contains("标准输出"))
        #expect(try cli.run(["--format", "xml", "shexi-2019.txt"], cwd: dir).stderr.contains("human、sarif、json、github、junit"))
    }
}
