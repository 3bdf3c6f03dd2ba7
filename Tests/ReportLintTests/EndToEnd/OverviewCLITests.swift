import Foundation
import Testing
@testable import ReportLint

/// The overview formats and the progress line through the command line: a lone draft's page carries its
/// whole text and a batch's does not; the progress line shows on a terminal only, and never inside a line of
/// the report.
@Suite("Overviews on the command line")
struct OverviewCLITests {
    let cli = CLITests()

    @Test func singleDraftPageHasItsWholeTextAndABatchPageDoesNot() throws {
        let text = try cli.run(["text", CLITests.seed])
        let lineCount = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.count
        let single = try cli.run(["--format", "html", CLITests.seed])
        #expect(single.status == 1)
        #expect(single.stdout.contains("<div class=\"draft\">"))
        let shown = single.stdout.components(separatedBy: "<div class=\"l").count - 1
        #expect(shown >= lineCount - 2 && shown > 30, "the text view, numbered (\(shown) lines for \(lineCount))")
        #expect(single.stdout.contains("id=\"m0-0\""), "the first finding is marked in the text")

        let batch = try cli.run(["--format", "html", "reports/"])
        #expect(!batch.stdout.contains("<div class=\"draft\">"), "a batch keeps only the lines findings are on")
        #expect(batch.stdout.contains("<table class=\"matrix\">"))
        #expect(batch.stdout.hasSuffix("</html>\n"))
    }

    @Test func csvAndSummaryFromTheCommandLine() throws {
        let csv = try cli.run(["--format", "csv", "--lang", "en", "reports/"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}path,body,year,format,era,verdict,errors,warnings,notes,"))
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 5, "a header and four drafts")
        let summary = try cli.run(["--format", "summary", "reports/"])
        #expect(summary.stdout.contains("各规则的问题") && summary.stdout.contains("需修改") && summary.stdout.contains("共检查 4 个文件"))
        #expect(!summary.stdout.contains("\u{1B}["), "no colour in a pipe")
    }

    @Test func noProgressLineWhenStandardErrorIsNoTerminal() throws {
        let r = try cli.run(["--format", "json", "reports/"], env: ["XXGK_LINT_PROGRESS_AFTER": "0"])
        #expect(!r.stderr.contains("\r") && !r.stderr.contains("已检查"))
    }

    static let script = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// What a terminal receives when the command runs on one (util-linux `script` gives it a pseudo-terminal).
    func onTerminal(_ command: String) throws -> String {
        let exe = try #require(CLITests.executable).path
        let r = try TestSupport.run(try #require(Self.script), ["-qec", "'\(exe)' \(command)", "/dev/null"],
                                    env: ["XXGK_LINT_PROGRESS_AFTER": "0", "NO_COLOR": "1"])
        return String(decoding: r.stdout, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test(.enabled(if: script != nil)) func progressOnATerminalIsRewrittenAndCleared() throws {
        // Only standard error on the terminal: the report goes to /dev/null.
        let transcript = try onTerminal("--format json reports/ > /dev/null")
        let frames = transcript.components(separatedBy: "\r\u{1B}[2K").filter { !$0.isEmpty }
        #expect(frames.contains { $0.hasPrefix("已检查 4/4 个文件，发现 ") }, "the last frame counts every file")
        #expect(frames.allSatisfy { $0.hasPrefix("已检查 ") && !$0.contains("\n") }, "one line, rewritten: \(frames)")
        #expect(transcript.hasSuffix("\r\u{1B}[2K"), "cleared at the end")

        let english = try onTerminal("--lang en --format json reports/ > /dev/null")
        #expect(english.contains("checked 4/4 files"))

        let quiet = try onTerminal("--quiet --format json reports/ > /dev/null")
        #expect(!quiet.contains("已检查"), "none with --quiet")
    }

    @Test(.enabled(if: script != nil)) func progressNeverLandsInsideALineOfTheReport() throws {
        // Report and progress on the same terminal: what the terminal shows of each line (after its last
        // carriage return) is either a report line or the progress line, never both.
        let transcript = try onTerminal("reports/")
        let shown = transcript.split(separator: "\n").map { $0.components(separatedBy: "\r").last ?? "" }
        let reportLines = shown.filter { $0.contains(": 错误: ") || $0.contains(": 警告: ") }
        #expect(reportLines.count >= 10)
        #expect(reportLines.allSatisfy { !$0.contains("已检查") })
        #expect(transcript.contains("已检查 "), "the progress line was shown")
    }
}
