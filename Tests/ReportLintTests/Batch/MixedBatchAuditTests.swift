import Foundation
import Testing
@testable import ReportLint

/// The county's audit as it runs it: one command over a folder of 300 drafts in four formats (100 bodies, three
/// years each, carry-overs consistent) with one carry-over slip planted and one corrupt file; a CSV read back by
/// python3's csv module, an HTML overview as Chromium builds it, and a summary — from the same run.
@Suite("County audit of 300 mixed-format drafts")
struct MixedBatchAuditTests {
    let cli = CLITests()

    /// The text as a .docx: lines with tabs become table rows (one table per run of them), the rest paragraphs.
    static func docx(_ text: String) throws -> [UInt8] {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func paragraph(_ s: String) -> String { "<w:p>" + (s.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(escape(s))</w:t></w:r>") + "</w:p>" }
        var body = "", table: [String] = []
        func flush() {
            guard !table.isEmpty else { return }
            let width = table.map { $0.components(separatedBy: "\t").count }.max() ?? 1
            body += "<w:tbl>" + table.map { row in
                let cells = row.components(separatedBy: "\t")
                return "<w:tr>" + (0..<width).map { "<w:tc>" + paragraph($0 < cells.count ? cells[$0] : "") + "</w:tc>" }.joined() + "</w:tr>"
            }.joined() + "</w:tbl>"
            table = []
        }
        for line in text.components(separatedBy: "\n") {
            if line.contains("\t") { table.append(line) } else { flush(); body += paragraph(line) }
        }
        flush()
        var zip = ZipWriter()
        let parts = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#),
            ("word/document.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"# + body + "<w:sectPr/></w:body></w:document>"),
        ]
        for (name, text) in parts { try zip.add(name: name, contents: Array(text.utf8), time: 0, date: 0x5A21) }
        return try zip.finish()
    }

    /// The text as a web page: paragraphs and tables.
    static func html(_ text: String) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        var body = "", table: [String] = []
        func flush() {
            guard !table.isEmpty else { return }
            body += "<table>" + table.map { "<tr>" + $0.components(separatedBy: "\t").map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined() + "</table>\n"
            table = []
        }
        for line in text.components(separatedBy: "\n") {
            if line.contains("\t") { table.append(line) } else { flush(); if !line.isEmpty { body += "<p>\(escape(line))</p>\n" } }
        }
        flush()
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>\n\(body)</body></html>\n"
    }

    @Test(.enabled(if: OverviewFormatTests.hasPython)) func oneCommandAuditsTheFolder() throws {
        let dir = try TestSupport.folder("county-audit")
        let formats = ["txt", "docx", "html", "txt"]
        var names: [String] = [], slipped = ""
        for body in 0..<100 {
            var files = BatchFixtures.series(body: body, years: 2021...2023, seed: 11)
            if body == 7 {  // this year's 上年结转 for 自然人 is 3 more than last year's 结转下年度继续办理 said
                let label = "二、上年结转政府信息公开申请数量\t"
                files[2].text = files[2].text.components(separatedBy: "\n").map { line in
                    guard line.hasPrefix(label) else { return line }
                    var cells = line.components(separatedBy: "\t")
                    cells[1] = String(Int(cells[1])! + 3)
                    return cells.joined(separator: "\t")
                }.joined(separator: "\n")
            }
            for (k, file) in files.enumerated() {
                let ext = formats[(body + k) % formats.count]
                let name = (file.name as NSString).deletingPathExtension + "." + ext
                let url = dir.appendingPathComponent(name)
                switch ext {
                case "docx": try Data(try Self.docx(file.text)).write(to: url)
                case "html": try Self.html(file.text).write(to: url, atomically: true, encoding: .utf8)
                default: try file.text.write(to: url, atomically: true, encoding: .utf8)
                }
                names.append(name)
                if body == 7 && k == 2 { slipped = name }
            }
        }
        try Data("PK\u{03}\u{04} not a zip".utf8).write(to: dir.appendingPathComponent("损坏的草稿.docx"))
        #expect(names.count == 300)

        let run = try cli.run(["--format", "csv", "--output", "audit.csv", "--format", "html", "--output", "audit.html",
                               "--format", "summary", "."], cwd: dir)
        #expect(run.status == 2, "an unreadable file makes the run exit 2: \(run.stderr.prefix(300))")
        #expect(run.stderr.contains("损坏的草稿.docx"))

        // The CSV, as Excel users will open it: one row per file, the corrupt one with its reason.
        let rows = try OverviewFormatTests.pythonRows(Array(try Data(contentsOf: dir.appendingPathComponent("audit.csv"))))
        let header = try #require(rows.first)
        let byFile = Dictionary(rows.dropFirst().map { ($0[0].replacingOccurrences(of: "./", with: ""), $0) }) { a, _ in a }
        #expect(rows.count == 302 && byFile.count == 301, "header + 301 rows")
        let carry = try #require(header.firstIndex(of: "carry-over-mismatch")), errors = 6
        let broken = try #require(byFile["损坏的草稿.docx"])
        #expect(!broken.last!.isEmpty, "the corrupt file's row gives the reason")
        for name in names {
            guard let row = byFile[name] else { Issue.record("no row for \(name)"); continue }
            #expect(row[1].hasPrefix("测试县") || !row[1].isEmpty, "\(name): a body")
            #expect(row[carry] == (name == slipped ? "1" : "0"), "\(name): carry-over-mismatch \(row[carry])")
            if name != slipped { #expect(row[errors] == "0", "\(name): \(zip(header, row).filter { $0.1 != "0" && $0.1 != "" }.map { "\($0.0)=\($0.1)" })") }
        }

        // The summary on the terminal names the rule that fired.
        #expect(run.stdout.contains("carry-over-mismatch"))

        // The HTML overview as Chromium builds it: a matrix row per report, the slipped one needing fixes.
        guard HTMLChromiumTests.chromium != nil else { return }
        let dom = try HTMLChromiumTests.dom(try String(contentsOf: dir.appendingPathComponent("audit.html"), encoding: .utf8))
        let matrixRows = dom.components(separatedBy: "<tr data-path=\"").dropFirst()
        #expect(matrixRows.count == 300, "a matrix row per report read")
        let slippedRow = try #require(matrixRows.first { $0.hasPrefix(slipped) || $0.contains("/\(slipped)\"") })
        #expect(HTMLChromiumTests.plain(slippedRow.prefix(4000)).contains("需修改"))
    }
}
