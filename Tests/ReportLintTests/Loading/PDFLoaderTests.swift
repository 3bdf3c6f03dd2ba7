import Foundation
import Testing
@testable import ReportLint

/// PDF through pdftotext. Tests that run the tool are skipped, with a message, where it is not installed
/// (CI installs poppler-utils); the clean-up of its output is tested on text alone.
@Suite("pdf")
struct PDFLoaderTests {
    static let hasPdftotext = ExternalTool.find("pdftotext") != nil

    /// two-pages.pdf is made by scripts/make_docx_fixtures.py --pdf (LibreOffice): a table runs from
    /// page 1 to page 2, and each page has a "— N —" footer.
    @Test(.enabled(if: hasPdftotext, "pdftotext not installed (apt-get install poppler-utils)"))
    func pageFootersVanishAndTheTableContinues() throws {
        let document = try DocumentLoader().load(path: TestFiles.fixture("two-pages.pdf"))
        let texts = document.lines.map(\.text)
        #expect(texts.first == "某镇 2024 年政府信息公开工作年度报告")
        #expect(!texts.contains { $0.contains("—") || $0.contains("\u{0C}") })
        let row16 = try #require(texts.firstIndex { $0.hasPrefix("第 16 行") })
        #expect(texts[row16 + 1].hasPrefix("第 17 行"))
        // Table rows are rebuilt from the words' positions: one line a row, cells joined by tabs.
        let header = try #require(texts.first { $0.hasPrefix("信息内容") })
        #expect(header.components(separatedBy: "\t") == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        #expect(texts[row16].components(separatedBy: "\t") == ["第 16 行", "16", "0", "32"])
        #expect(texts.last == "三、结束")
        #expect(document.format == .pdf)
    }

    @Test(.enabled(if: hasPdftotext, "pdftotext not installed (apt-get install poppler-utils)"))
    func scannedPDFHasNoTextLayer() {
        #expect(loadError(Self.imageOnlyPDF(), as: .pdf) == .noText("the PDF has no text layer; it is probably a scan"))
    }

    @Test(.enabled(if: hasPdftotext, "pdftotext not installed (apt-get install poppler-utils)"))
    func brokenPDFIsAToolFailure() {
        let error = loadError(Array("%PDF-1.4\n this is not really a pdf".utf8), as: .pdf)
        guard case .toolFailed(let tool, _) = error else { Issue.record("expected toolFailed, got \(String(describing: error))"); return }
        #expect(tool == "pdftotext")
    }

    @Test func missingPdftotextNamesThePackage() {
        let loader = PDFLoader(searchPath: "/nonexistent")
        #expect(throws: LoadError.toolMissing(tool: "pdftotext", package: "poppler-utils")) {
            try loader.load(Self.imageOnlyPDF(), path: "a.pdf", limits: .default)
        }
        #expect(LoadError.toolMissing(tool: "pdftotext", package: "poppler-utils").message(.zh).contains("apt-get install poppler-utils"))
    }

    /// An older pdftotext without -tsv (or xpdf's): the -layout text is read instead.
    @Test(.enabled(if: TestFiles.exists("/bin/sh"), "no /bin/sh"))
    func pdftotextWithoutTSVFallsBackToLayout() throws {
        let dir = TestSupport.scratch.appendingPathComponent("old-poppler-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = """
            #!/bin/sh
            if [ "$1" = "-tsv" ]; then echo "pdftotext: unknown option -tsv" >&2; exit 99; fi
            printf '某镇2024年政府信息公开工作年度报告\n\n信息内容      本年制发件数\n规章          0\n' > "$5"
            """
        let tool = dir.appendingPathComponent("pdftotext")
        try script.write(to: tool, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        let document = try PDFLoader(searchPath: dir.path).load(Array("%PDF-1.4".utf8), path: "a.pdf", limits: .default)
        #expect(document.lines.map(\.text) == ["某镇2024年政府信息公开工作年度报告", "", "信息内容      本年制发件数", "规章          0"])
    }

    /// A helper that hangs is stopped at the deadline, not waited for.
    @Test(.enabled(if: TestFiles.exists("/bin/sleep"), "no /bin/sleep"))
    func hangingToolIsStopped() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: LoadError.toolFailed(tool: "sleep", detail: "no result after 1 s; stopped")) {
                try ExternalTool.run("/bin/sleep", arguments: ["30"], input: [], timeout: 1)
            }
        }
        #expect(elapsed < .seconds(5))
    }

    /// A helper that ignores SIGTERM is killed two seconds later; the batch is not held up by it.
    @Test(.enabled(if: TestFiles.exists("/bin/sh"), "no /bin/sh"))
    func toolIgnoringTerminationIsKilled() throws {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: LoadError.toolFailed(tool: "sh", detail: "no result after 1 s; stopped")) {
                try ExternalTool.run("/bin/sh", arguments: ["-c", "trap '' TERM; while :; do sleep 1; done"], input: [], timeout: 1)
            }
        }
        #expect(elapsed < .seconds(8))
    }

    /// A failing helper is reported by the first line it wrote to standard error, else by its exit status;
    /// its input file is there to read and its output comes back whole.
    @Test(.enabled(if: TestFiles.exists("/bin/sh"), "no /bin/sh"))
    func toolFailureAndOutput() throws {
        #expect(throws: LoadError.toolFailed(tool: "sh", detail: "Syntax Error: broken xref")) {
            try ExternalTool.run("/bin/sh", arguments: ["-c", "echo 'Syntax Error: broken xref' >&2; echo more >&2; exit 1"], input: [], timeout: 10)
        }
        #expect(throws: LoadError.toolFailed(tool: "sh", detail: "exit status 3")) {
            try ExternalTool.run("/bin/sh", arguments: ["-c", "exit 3"], input: [], timeout: 10)
        }
        #expect(throws: LoadError.toolFailed(tool: "sh", detail: "no output")) {
            try ExternalTool.run("/bin/sh", arguments: ["-c", "true"], input: [], timeout: 10)
        }
        let input = Array(String(repeating: "表三 一、本年新收政府信息公开申请数量\n", count: 5_000).utf8)
        let copied = try ExternalTool.run("/bin/sh", arguments: ["-c", "cat \"$0\" > \"$1\"", "{in}", "{out}"], input: input, timeout: 10)
        #expect(Array(copied) == input)
        #expect(throws: LoadError.self) {
            try ExternalTool.run("/nonexistent/pdftotext", arguments: [], input: [], timeout: 10)
        }
    }

    @Test func pageNumbersAndPageBreaksAreRemoved() {
        let output = """
            一、总体情况
              （一）主动公开。2024年共主动公开政府信息

                                   -2-
            \u{0C}   120条，其中工作动态60条。
            信息内容      本年制发件数
            规章          0


                                 — 3 —
            \u{0C}行政规范性文件  2
                       第 4 页 共 10 页
            \u{0C}二、主动公开
            2024
            正文
                    5 / 10
            \u{0C}
            """
        #expect(PDFTextCleanup.lines(from: output).map(\.text) == [
            "一、总体情况",
            "  （一）主动公开。2024年共主动公开政府信息",
            "   120条，其中工作动态60条。",
            "信息内容      本年制发件数",
            "规章          0",
            "行政规范性文件  2",
            "二、主动公开",
            "2024",          // a number inside a page is text, not a page number
            "正文",
        ])
    }

    @Test func pageFurnitureForms() {
        for line in ["-2-", "- 4 -", "— 1 —", "－１－", "第3页", "第 3 页 共 10 页", "第3页/共10页", "共10页 第3页", "Page 3 of 10"] {
            #expect(PDFTextCleanup.isPageFurniture(line), "\(line) is a page number")
        }
        for line in ["2024", "一、总体情况", "-2024年-", "第三页", "3-4", "（一）"] {
            #expect(!PDFTextCleanup.isPageFurniture(line), "\(line) is text")
        }
    }

    /// A one-page PDF that draws a filled rectangle and no text — what a scanner's output looks like
    /// to pdftotext.
    static func imageOnlyPDF() -> [UInt8] {
        let content = "0 0 0 rg 100 100 200 200 re f"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }
}

/// A worker killed at its time budget while pdftotext runs cannot remove its temporary folder; the supervisor
/// removes what that process left (folders named after its pid), and nothing of another process.
@Suite("Temporary folders of a killed worker")
struct ExternalToolLeftoverTests {
    @Test func theFoldersOfAKilledProcessAreRemovedAndNoOthers() throws {
        let temporary = FileManager.default.temporaryDirectory
        let pid: pid_t = 999_991
        let left = temporary.appendingPathComponent(ExternalTool.leftoverPrefix(pid) + UUID().uuidString)
        let other = temporary.appendingPathComponent(ExternalTool.leftoverPrefix(pid * 10) + UUID().uuidString)
        for dir in [left, other] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data("%PDF".utf8).write(to: dir.appendingPathComponent("input"))
        }
        defer { try? FileManager.default.removeItem(at: other) }
        ExternalTool.removeLeftovers(ofProcess: pid)
        #expect(!FileManager.default.fileExists(atPath: left.path))
        #expect(FileManager.default.fileExists(atPath: other.appendingPathComponent("input").path))
    }
}

/// The page-number forms are matched by hand (a `Regex` literal is compiled each time it runs); the
/// regular expressions they replaced are the reference here, on lines made of the characters that matter.
@Suite("Page numbers against their regular expressions")
struct PageNumberFormTests {
    static func furniture(_ t: String) -> Bool {
        t.wholeMatch(of: /[-—–－‐_~～]+[0-9０-９]{1,4}[-—–－‐_~～]+/) != nil
            || t.wholeMatch(of: /第[0-9０-９]+页([,，\/／、.。]?共[0-9０-９]+页)?/) != nil
            || t.wholeMatch(of: /共[0-9０-９]+页[,，\/／、.。]?第[0-9０-９]+页/) != nil
            || t.wholeMatch(of: /(?i)page[0-9]+(of[0-9]+)?/) != nil
    }

    static func bare(_ t: String) -> Bool { t.wholeMatch(of: /[0-9０-９]{1,4}([\/／][0-9０-９]{1,4})?/) != nil }

    @Test func knownForms() {
        for line in ["-2-", "— 3 —", "- 4 -", "～12～", "第 3 页 共 10 页", "第3页，共10页", "共10页/第3页", "第 3 页", "Page 3 of 10", "PAGE 7", "－１２－"] {
            #expect(PDFTextCleanup.isPageFurniture(line), "\(line)")
        }
        for line in ["-12345-", "第3页共", "共10页", "第三页", "2024年", "Page", "-a-", "第3页 共10页 附件", "一、总体情况 -2-"] {
            #expect(!PDFTextCleanup.isPageFurniture(line), "\(line)")
        }
        #expect(PDFTextCleanup.isBarePageNumber("3") && PDFTextCleanup.isBarePageNumber(" 5 / 10 ") && PDFTextCleanup.isBarePageNumber("１２"))
        #expect(!PDFTextCleanup.isBarePageNumber("12345") && !PDFTextCleanup.isBarePageNumber("3/") && !PDFTextCleanup.isBarePageNumber("3条"))
    }

    @Test func sameAnswersAsTheRegularExpressions() {
        let alphabet = Array("-—_～0９5第共页，/.Pp aAgGeEoOfF条")
        var random = SplitMix64(seed: 20261204)
        var matched = 0
        for _ in 0..<20_000 {
            let length = Int(random.next() % 12) + 1
            let line = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let squeezed = line.filter { !$0.isWhitespace }
            let expected = !squeezed.isEmpty && squeezed.count <= 24 && Self.furniture(squeezed)
            #expect(PDFTextCleanup.isPageFurniture(line) == expected, "\(line)")
            #expect(PDFTextCleanup.isBarePageNumber(line) == (squeezed.count <= 9 && Self.bare(squeezed)), "\(line)")
            if expected { matched += 1 }
        }
        // Random lines rarely form a page number; the structured ones below make sure each form is tried.
        let parts = [["", "-", "—_", "第", "共"], ["1", "９5", "12345"], ["", "页", "页，", "页/共", "页第"], ["", "2", "２页", "页", "-"]]
        let lines = parts.reduce([""]) { lines, part in lines.flatMap { line in part.map { line + $0 } } }
        for line in lines {
            #expect(PDFTextCleanup.isPageFurniture(line) == Self.furniture(line), "\(line)")
            if Self.furniture(line) { matched += 1 }
        }
        #expect(matched > 20)
    }
}
