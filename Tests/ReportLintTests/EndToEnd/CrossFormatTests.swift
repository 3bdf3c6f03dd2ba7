import Foundation
import Testing
@testable import ReportLint

/// The same report rendered as .txt, .md, .docx and .html yields the same diagnostics: same rules, same
/// messages and snippets, each at the line of its own text view that holds the snippet.
@Suite("Same report, every format")
struct CrossFormatTests {
    static var sources: [String] {
        var list = ["reports/shexi-2019.txt", "reports/correct-2023.txt"].map { TestSupport.root.appendingPathComponent($0).path }
        if TestSupport.hasShared {
            list += ["d002", "d013", "d016", "d017", "d019", "d027"].map {
                TestSupport.shared.appendingPathComponent("corpus/generated/single/\($0).txt").path
            }
        }
        return list
    }

    @Test("txt, md, docx and html agree", arguments: sources)
    func agree(_ path: String) throws {
        let text = try DocumentLoader().load(path: path)
        let lines = text.lines.map(\.text)
        let renderings: [(InputFormat, [UInt8])] = [
            (.text, Array(lines.joined(separator: "\n").utf8)),
            (.markdown, Array(Render.markdown(lines).utf8)),
            (.docx, Render.docx(lines)),
            (.html, Array(Render.html(lines).utf8)),
        ]
        var outcomes: [(InputFormat, Document, [Diagnostic])] = []
        for (format, bytes) in renderings {
            let document = try DocumentLoader().load(bytes: bytes, path: "draft.\(format.rawValue)", format: format)
            outcomes.append((format, document, Linter().lint(document).1))
        }
        // HTML collapses runs of white space (“报  告” shows as “报 告”), so blanks are folded in the comparison.
        func fold(_ s: String) -> String { s.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).joined(separator: " ") }
        func key(_ d: Diagnostic) -> String { "\(d.ruleID)|\(fold(d.snippet))|\(fold(d.message.zh))" }
        let reference = outcomes[0].2.map(key).sorted()
        #expect(!reference.isEmpty || path.contains("correct") || path.contains("d002"))
        for (format, document, diagnostics) in outcomes.dropFirst() {
            #expect(diagnostics.map(key).sorted() == reference, "\(format.rawValue) differs from txt for \((path as NSString).lastPathComponent)")
            for d in diagnostics {
                let line = document.lines[d.line - 1].text.unicodeScalars
                let start = line.index(line.startIndex, offsetBy: d.column - 1)
                #expect(String(line[start...]).hasPrefix(d.snippet), "\(format.rawValue): \(d.line):\(d.column) does not point at “\(d.snippet)”")
            }
        }
    }

    /// Renders a text view (paragraph lines; tab-separated table rows) in other formats.
    enum Render {
        static func isRow(_ line: String) -> Bool { line.contains("\t") }

        /// Runs of consecutive lines: a table (tab rows and the short captions between them) or one paragraph.
        static func blocks(_ lines: [String]) -> [(table: Bool, lines: [String])] {
            var result: [(Bool, [String])] = []
            for line in lines {
                let row = isRow(line)
                if row, let last = result.last, last.0 { result[result.count - 1].1.append(line) } else { result.append((row, [line])) }
            }
            return result
        }

        static func cells(_ line: String) -> [String] { line.components(separatedBy: "\t") }

        static func markdown(_ lines: [String]) -> String {
            blocks(lines).map { block -> String in
                guard block.table else { return block.lines.joined(separator: "\n") }
                let width = block.lines.map { cells($0).count }.max() ?? 1
                var out: [String] = []
                for (k, line) in block.lines.enumerated() {
                    let c = cells(line) + Array(repeating: "", count: width - cells(line).count)
                    out.append("| " + c.joined(separator: " | ") + " |")
                    if k == 0 { out.append("|" + String(repeating: "---|", count: width)) }
                }
                return out.joined(separator: "\n")
            }.joined(separator: "\n")
        }

        static func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }

        static func html(_ lines: [String]) -> String {
            var body = ""
            for block in blocks(lines) {
                if block.table {
                    body += "<table>" + block.lines.map { "<tr>" + cells($0).map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined() + "</table>\n"
                } else {
                    // Word's HTML export keeps runs of spaces as &nbsp; and empty paragraphs as <p>&nbsp;</p>.
                    body += block.lines.map { "<p>\(escape($0).replacingOccurrences(of: "  ", with: "&nbsp;&nbsp;"))</p>\n" }.joined()
                }
            }
            return """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(escape(lines.first ?? ""))_政府信息公开</title></head><body>
            <div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开</a></div>
            <div class="content">\(body)</div>
            <div class="footer">版权所有：某县人民政府办公室 主办</div></body></html>
            """
        }

        static func docx(_ lines: [String]) -> [UInt8] {
            func run(_ s: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(escape(s))</w:t></w:r>" }
            var body = ""
            for block in blocks(lines) {
                if block.table {
                    body += "<w:tbl>" + block.lines.map { "<w:tr>" + cells($0).map { "<w:tc><w:p>\(run($0))</w:p></w:tc>" }.joined() + "</w:tr>" }.joined() + "</w:tbl>"
                } else {
                    body += block.lines.map { "<w:p>\($0.isEmpty ? "" : run($0))</w:p>" }.joined()
                }
            }
            let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """
            var zip = ZipBuilder()
            zip.add("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#)
            zip.add("word/document.xml", document)
            return zip.build()
        }
    }
}
