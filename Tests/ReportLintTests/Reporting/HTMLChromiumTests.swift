import Foundation
import Testing
@testable import ReportLint

/// The HTML page as a browser builds it: headless Chromium (Debian `chromium`) loads the page and dumps its
/// DOM; the matrix cells and the marks are read from that DOM, and a hostile draft's script must not have run
/// (it would change the title and add an element). Skipped where Chromium is not installed.
@Suite("HTML page in Chromium")
struct HTMLChromiumTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM Chromium builds from `html`, serialised.
    static func dom(_ html: String) throws -> String {
        let dir = TestSupport.scratch.appendingPathComponent("xxgk-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(try #require(chromium), ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                                             "--user-data-dir=\(dir.path)/profile", "--dump-dom", page.absoluteString])
        return String(decoding: r.stdout, as: UTF8.self)
    }

    /// Text content with tags removed and the entities a serialiser writes decoded.
    static func plain(_ markup: Substring) -> String {
        var text = "", inTag = false
        for c in markup {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&nbsp;", with: "\u{A0}")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func assertNoScriptRan(_ dom: String, title: String) {
        #expect(dom.contains("<title>\(title)</title>"), "the title is unchanged")
        #expect(!dom.contains("<p id=\"pwned\""), "the injected script added no element")
        #expect(!dom.lowercased().contains("<script"), "no script element in the page")
        #expect(dom.contains("&lt;script&gt;"), "the draft's script is shown as text")
    }

    @Test(.enabled(if: chromium != nil)) func batchMatrixAsTheBrowserShowsIt() throws {
        let paths = Runner.expand([TestSupport.root.appendingPathComponent("reports").path])
        var results = Runner(linter: Linter(), jobs: 2).run(paths.map { .path($0) })
        results.files += OverviewFormatTests.lint(OverviewFormatTests.hostileDraft, name: "hostile.txt", fullText: false).files
        results.failures.append(.init(path: "broken.docx", error: .corruptContainer("no end of central directory")))
        let dom = try Self.dom(HTMLReporter(options: ReporterOptions(language: .zh)).render(results))
        Self.assertNoScriptRan(dom, title: "xxgk-lint 检查结果")
        let rows = dom.components(separatedBy: "<tr data-path=\"").dropFirst()
        #expect(rows.count == results.files.count, "a matrix row per report")
        for file in results.files {
            let row = try #require(rows.first { $0.hasPrefix(file.path + "\"") }, "a row for \(file.path)")
            let row1 = row.components(separatedBy: "</tr>")[0]
            let errors = file.diagnostics.filter { $0.severity == .error }.count
            #expect(row1.contains(errors > 0 ? "verdict needs-fixes" : "verdict ready"))
            for id in Set(file.diagnostics.map(\.ruleID)) {
                let count = file.diagnostics.filter { $0.ruleID == id }.count
                #expect(row1.contains("data-rule=\"\(id)\">\(count)</td>"), "\(file.path): \(count) × \(id)")
            }
        }
        #expect(dom.contains("无法读取的文件") && dom.contains("<td>broken.docx</td>"), "the unreadable file is listed")
        // The bars: one per rule that found something, with its total.
        for id in Set(results.diagnostics.map(\.ruleID)) {
            #expect(dom.contains("data-rule=\"\(id)\" data-count=\"\(results.diagnostics.filter { $0.ruleID == id }.count)\""))
        }
    }

    @Test(.enabled(if: chromium != nil)) func singleDraftMarksEachFindingInPlace() throws {
        for (name, text) in [("reports/shexi-2019.txt", try String(contentsOf: TestSupport.root.appendingPathComponent("reports/shexi-2019.txt"), encoding: .utf8)),
                             ("hostile.txt", OverviewFormatTests.hostileDraft)] {
            let results = OverviewFormatTests.lint(text, name: name, fullText: true)
            let file = try #require(results.files.first)
            let lines = try #require(file.report?.fullText)
            let dom = try Self.dom(HTMLReporter(options: ReporterOptions(language: .en)).render(results))
            if name == "hostile.txt" { Self.assertNoScriptRan(dom, title: "xxgk-lint results") }
            #expect(dom.components(separatedBy: "<div class=\"l").count - 1 == lines.count, "every line of the text view")
            #expect(!file.diagnostics.isEmpty)
            for (k, d) in file.diagnostics.enumerated() {
                #expect(dom.contains("<li class=\"f \(d.severity.rawValue)\" id=\"f0-\(k)\">"), "listed: \(d.ruleID)")
                guard d.line <= lines.count else { continue }
                // The mark's first piece: its text is where the span starts, in the line the finding is on.
                let after = try #require(dom.range(of: "id=\"m0-\(k)\""), "marked: \(d.ruleID) at \(d.line):\(d.column)")
                let open = try #require(dom[after.upperBound...].firstIndex(of: ">"))
                let close = try #require(dom[open...].range(of: "</mark>"))
                let marked = Self.plain(dom[dom.index(after: open)..<close.lowerBound])
                let line = Array(lines[d.line - 1].unicodeScalars)
                let expected = TerminalText.visible(String(String.UnicodeScalarView(line[min(d.column - 1, line.count)...])))
                #expect(expected.hasPrefix(marked), "the mark of \(d.ruleID) starts at column \(d.column)")
                #expect(d.column - 1 >= line.count || !marked.isEmpty || d.endColumn == d.column)
            }
        }
    }
}
