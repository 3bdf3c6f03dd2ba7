import Foundation
import Testing
@testable import ReportLint

/// `--annotate OUT.docx DRAFT.docx`: the clerk's Word copy, with a comment (批注) on each finding's words.
@Suite("Annotated Word copy")
struct AnnotateTests {
    let cli = CLITests()
    static let draft = TestFiles.fixture("annotate-draft.docx")

    /// The draft annotated through the library, with the diagnostics it was annotated with.
    static func annotate(lang: Language = .zh, extra: [Diagnostic] = []) throws -> (DocxAnnotator.Result, [Diagnostic]) {
        let (bytes, document) = try DocxAnnotator.load(path: draft, limits: .default)
        let diagnostics = Linter().lint(document).1 + extra
        return (try DocxAnnotator.annotate(bytes, document: document, diagnostics: diagnostics, lang: lang), diagnostics)
    }

    static func part(_ name: String, of bytes: [UInt8]) throws -> [UInt8] {
        let zip = try ZipArchive(bytes, limits: .default)
        var budget = Int.max
        return try zip.contents(of: try #require(zip.entry(named: name)), budget: &budget)
    }

    /// What each comment of a document.xml is anchored on: the text of the w:t between its range start and end.
    static func anchoredText(_ documentXML: [UInt8]) throws -> [String: String] {
        var open: [String: String] = [:], closed: [String: String] = [:]
        var inText = false
        var events = DocxXML(part: "word/document.xml", bytes: documentXML, maxDepth: 256).events()
        while let event = try events.next() {
            switch event {
            case .start(.commentRangeStart?): open[events.attribute("w:id") ?? ""] = ""
            case .start(.commentRangeEnd?):
                let id = events.attribute("w:id") ?? ""
                closed[id] = open.removeValue(forKey: id)
            case .start(.t?): inText = true
            case .end(.t?): inText = false
            case .text where inText: for id in open.keys { open[id]! += events.text() }
            default: break
            }
        }
        return closed
    }

    /// The comments of a comments.xml by id: their paragraphs joined by "\n".
    static func comments(_ bytes: [UInt8]) throws -> [String: String] {
        let xml = DocxXML(part: "word/comments.xml", bytes: try part("word/comments.xml", of: bytes), maxDepth: 256)
        return Dictionary(uniqueKeysWithValues: try DocxComments.read(xml).map { ($0.id, $0.text) })
    }

    /// Each finding's comment is anchored on exactly the finding's words; the fix is offered; the draft's
    /// own comments (a reviewer's note, the suppressions) stay with their anchors.
    @Test func eachCommentIsAnchoredOnItsFindingsWords() throws {
        let (result, diagnostics) = try Self.annotate()
        #expect(result.inexact.isEmpty)
        #expect(Set(diagnostics.map(\.ruleID)) == ["regulation-title", "punctuation", "unused-suppression"])
        let anchored = try Self.anchoredText(try Self.part("word/document.xml", of: result.bytes))
        let comments = try Self.comments(result.bytes)
        for d in diagnostics {
            let id = try #require(comments.first { $0.value.hasPrefix("\(d.severity.label(.zh)): \(d.message.zh) [\(d.ruleID)]") }?.key,
                                  "no comment for \(d.ruleID)")
            #expect(anchored[id] == d.snippet, "\(d.ruleID): anchored on “\(anchored[id] ?? "nothing")”, finding is on “\(d.snippet)”")
        }
        let regulation = try #require(comments.values.first { $0.contains("[regulation-title]") })
        #expect(regulation.hasSuffix("建议改为：《中华人民共和国政府信息公开条例》"))
        // The misnamed regulation runs over three runs, the first bold: the comment holds all three.
        #expect(anchored.values.contains("《中华人民共和国信息公开条例》"))
        #expect(comments["2"] == "请核对专栏名称" && anchored["2"] == "完善镇政府信息公开专栏")
        #expect(comments["1"]?.hasPrefix("xxgk-lint-disable repeated-word") == true)
        #expect(comments.count == 3 + diagnostics.count)
        // The copy reads as the draft does (DocxAnnotator checks it too; here through the public loader).
        let copy = try DocumentLoader().load(bytes: result.bytes, path: "copy.docx", format: .docx)
        #expect(copy.lines.map(\.text) == (try DocumentLoader().load(path: Self.draft)).lines.map(\.text))
    }

    /// Every part but the four that carry comments is copied byte for byte, stored bytes and all.
    @Test func otherPartsAreCopiedByteForByte() throws {
        let (result, _) = try Self.annotate()
        let original = try ZipArchive(try TestFiles.bytes(Self.draft), limits: .default)
        let copy = try ZipArchive(result.bytes, limits: .default)
        let changed: Set<String> = ["word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"]
        #expect(copy.entries.map(\.name) == original.entries.map(\.name))
        for entry in original.entries where !changed.contains(entry.name) {
            let other = try #require(copy.entry(named: entry.name))
            #expect(copy.storedBytes(of: other) == original.storedBytes(of: entry) && other.crc32 == entry.crc32, "\(entry.name) changed")
        }
    }

    /// A finding whose place cannot be found (it starts on a list number Word generates) goes on its
    /// paragraph, and its comment says so.
    @Test func unmappableFindingGoesOnItsParagraph() throws {
        let document = try DocumentLoader().load(path: Self.draft)
        let line = try #require(document.lines.firstIndex { $0.text.hasPrefix("1.加强业务培训") }) + 1
        let onLabel = Diagnostic(ruleID: "section-order", severity: .warning, message: Localized(zh: "编号有误", en: "wrong number"),
                                 path: Self.draft, line: line, column: 1, endColumn: 3, snippet: "1.")
        let (result, _) = try Self.annotate(lang: .en, extra: [onLabel])
        #expect(result.inexact == [onLabel])
        let comments = try Self.comments(result.bytes)
        let id = try #require(comments.first { $0.value.contains("wrong number") }?.key)
        #expect(comments[id]?.contains("the exact words could not be found; this comment is on their paragraph") == true)
        #expect(try Self.anchoredText(try Self.part("word/document.xml", of: result.bytes))[id] == "加强业务培训，每季度组织一次培训。")
        #expect(comments.values.contains { $0.hasSuffix("write instead: ，") })
    }

    /// The command line: the copy written, the draft untouched, the exit status of a lint, OUT = draft refused.
    @Test func commandLineWritesTheCopyAndLeavesTheDraft() throws {
        let dir = try TestSupport.folder("annotate", copying: ["draft.docx": "Tests/Fixtures/annotate-draft.docx"])
        let draft = dir.appendingPathComponent("draft.docx")
        let before = try Data(contentsOf: draft)
        let run = try cli.run(["--annotate", "out.docx", "draft.docx"], cwd: dir)
        #expect(run.status == 1 && run.stdout.contains("[regulation-title]") && run.stderr.contains("已写入加批注的副本（4 条批注）"), "\(run)")
        #expect(try Data(contentsOf: draft) == before)
        let out = try TestFiles.bytes(dir.appendingPathComponent("out.docx").path)
        #expect(try Self.comments(out).count == 7)
        // The draft itself as OUT: refused, nothing written.
        let same = try cli.run(["--annotate", "draft.docx", "draft.docx"], cwd: dir)
        #expect(same.status == 2 && same.stderr.contains("就是输入文件"), "\(same)")
        #expect(try Data(contentsOf: draft) == before)
        let notDocx = try cli.run(["--annotate", "out.docx", TestSupport.root.appendingPathComponent(CLITests.seed).path], cwd: dir)
        #expect(notDocx.status == 2 && notDocx.stderr.contains("只用于一个 .docx"), "\(notDocx)")
        // python3's zipfile reads the copy whole (CRCs checked), where python3 is installed.
        if let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: python)
            p.arguments = ["-c", "import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)", dir.appendingPathComponent("out.docx").path]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
    }

    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].first(where: FileManager.default.isExecutableFile)

    /// LibreOffice opens the copy and shows every comment: converted to PDF, each comment's text is found —
    /// in the page text (pdftotext) where LibreOffice puts comments in the margin (7.6 and later), else in the
    /// PDF's comment annotations (LibreOffice 7.4 exports them only so).
    @Test(.enabled(if: soffice != nil, "LibreOffice (soffice) not installed"))
    func libreOfficeShowsEveryComment() throws {
        let (result, diagnostics) = try Self.annotate()
        let dir = try TestSupport.folder("annotate-pdf")
        let copy = dir.appendingPathComponent("copy.docx")
        try Data(result.bytes).write(to: copy)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.soffice!)
        p.arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to",
                       #"pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}"#, "--outdir", dir.path, copy.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let pdf = try Data(contentsOf: dir.appendingPathComponent("copy.pdf"))
        var notes = Self.annotationTexts(pdf)
        if let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: FileManager.default.isExecutableFile) {
            let t = Process(), out = Pipe()
            t.executableURL = URL(fileURLWithPath: pdftotext)
            t.arguments = [dir.appendingPathComponent("copy.pdf").path, "-"]
            t.standardOutput = out
            t.standardError = FileHandle.nullDevice
            try t.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            t.waitUntilExit()
            // Margin text is wrapped: compare without line ends.
            notes.append(text.replacingOccurrences(of: "\n", with: ""))
        }
        for d in diagnostics {
            #expect(notes.contains { $0.contains(d.message.zh) && $0.contains("[\(d.ruleID)]") }, "no PDF comment for \(d.ruleID): \(notes)")
        }
        #expect(notes.contains("请核对专栏名称"))
    }

    /// The `/Contents <FEFF…>` of the PDF's annotations, decoded (UTF-16BE, as LibreOffice writes them).
    static func annotationTexts(_ pdf: Data) -> [String] {
        let text = String(decoding: pdf, as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: "/Contents\\s*<FEFF([0-9A-Fa-f]*)>")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            guard let r = Range(m.range(at: 1), in: text) else { return nil }
            let hex = Array(text[r].utf8)
            var units: [UInt16] = []
            var i = 0
            while i + 4 <= hex.count {
                units.append(UInt16(String(decoding: hex[i..<(i + 4)], as: UTF8.self), radix: 16) ?? 0xFFFD)
                i += 4
            }
            return String(decoding: units, as: UTF16.self)
        }
    }
}
