import CZlib
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a generated draft in each input format: .txt (UTF-8, or GB18030 as many Windows drafts are),
/// .md with pipe tables, .docx (a real zip with deflated parts) and .html with website chrome around it.
enum DraftWriter {
    static func text(_ d: DraftGenerator.Draft) -> [UInt8] { Array(d.lines.joined(separator: "\n").utf8) }

    static func gb18030(_ d: DraftGenerator.Draft) -> [UInt8] {
        let utf8 = text(d)
        let cd = iconv_open("GB18030", "UTF-8")
        defer { iconv_close(cd) }
        var input = utf8
        var output = [UInt8](repeating: 0, count: utf8.count * 2 + 16)
        let capacity = output.count
        var produced = 0
        input.withUnsafeMutableBytes { i in
            output.withUnsafeMutableBytes { o in
                var ip = i.baseAddress?.assumingMemoryBound(to: CChar.self), il = i.count
                var op = o.baseAddress?.assumingMemoryBound(to: CChar.self), ol = o.count
                _ = iconv(cd, &ip, &il, &op, &ol)
                produced = capacity - ol
            }
        }
        return Array(output[0..<produced])
    }

    static func markdown(_ d: DraftGenerator.Draft) -> [UInt8] {
        var out: [String] = []
        var inTable = false
        for (i, line) in d.lines.enumerated() {
            if d.tableRows.contains(i) {
                let cells = line.components(separatedBy: "\t")
                out.append("| " + cells.joined(separator: " | ") + " |")
                if !inTable { out.append("|" + String(repeating: "---|", count: cells.count)) }
                inTable = true
            } else {
                inTable = false
                out.append(i == 0 ? "# " + line : line.hasPrefix("一、") || line.hasPrefix("二、") ? "## " + line : line)
            }
        }
        return Array(out.joined(separator: "\n").utf8)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Consecutive table rows as one block.
    static func blocks(_ d: DraftGenerator.Draft) -> [(table: Bool, lines: [String])] {
        var result: [(Bool, [String])] = []
        for (i, line) in d.lines.enumerated() {
            let row = d.tableRows.contains(i)
            if row, let last = result.last, last.0 { result[result.count - 1].1.append(line) } else { result.append((row, [line])) }
        }
        return result
    }

    static func html(_ d: DraftGenerator.Draft) -> [UInt8] {
        var body = ""
        for block in blocks(d) {
            if block.table {
                body += "<table border=\"1\">" + block.lines.map { "<tr>" + $0.components(separatedBy: "\t").map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined() + "</table>\n"
            } else {
                body += block.lines.filter { !$0.isEmpty }.map { "<p>\(escape($0))</p>\n" }.joined()
            }
        }
        let page = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(escape(d.lines[0]))_政府信息公开</title>
        <script>var x = 1;</script><style>p{margin:0}</style></head><body>
        <div class="header"><a href="/">首页</a> | <a href="/xxgk">政府信息公开</a> | <a href="/hd">政民互动</a></div>
        <table class="meta"><tr><td>索引号：</td><td>000014349/\(d.year + 1)-00012</td><td>发布机构：</td><td>县人民政府办公室</td></tr>
        <tr><td>发布日期：</td><td>\(d.year + 1)-01-20</td><td>主题分类：</td><td>政府信息公开年报</td></tr></table>
        <div class="TRS_Editor">\(body)</div>
        <div class="footer">主办：县人民政府办公室 备案号：滇ICP备0000000号</div></body></html>
        """
        return Array(page.utf8)
    }

    static func docx(_ d: DraftGenerator.Draft) -> [UInt8] {
        func run(_ s: String) -> String { "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">\(escape(s))</w:t></w:r>" }
        var body = ""
        for block in blocks(d) {
            if block.table {
                body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>" + block.lines.map {
                    "<w:tr>" + $0.components(separatedBy: "\t").map { "<w:tc><w:tcPr><w:tcW w:w=\"800\"/></w:tcPr><w:p>\(run($0))</w:p></w:tc>" }.joined() + "</w:tr>"
                }.joined() + "</w:tbl>"
            } else {
                body += block.lines.map { "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>\($0.isEmpty ? "" : run($0))</w:p>" }.joined()
            }
        }
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#)
        zip.add("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#)
        zip.add("word/document.xml", document)
        return zip.build()
    }
}

/// A minimal zip writer (deflated entries, no zip64): enough to produce .docx files.
struct ZipWriter {
    private var local: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    mutating func add(_ name: String, _ text: String) {
        let data = Array(text.utf8)
        let compressed = Self.deflate(data)
        let crc = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        let nameBytes = Array(name.utf8)
        let offset = local.count
        func header(_ signature: UInt32, central: Bool) -> [UInt8] {
            var h = le32(signature)
            if central { h += le16(20) }
            h += le16(20) + le16(0) + le16(8) + le16(0) + le16(0x21)
            h += le32(crc) + le32(UInt32(compressed.count)) + le32(UInt32(data.count)) + le16(nameBytes.count) + le16(0)
            if central { h += le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) }
            return h + nameBytes
        }
        local += header(0x0403_4b50, central: false) + compressed
        central += header(0x0201_4b50, central: true)
        count += 1
    }

    func build() -> [UInt8] {
        local + central + le32(0x0605_4b50) + le16(0) + le16(0) + le16(count) + le16(count)
            + le32(UInt32(central.count)) + le32(UInt32(local.count)) + le16(0)
    }

    static func deflate(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var source = input
        let produced: Int = source.withUnsafeMutableBufferPointer { inPtr in
            output.withUnsafeMutableBufferPointer { outPtr in
                stream.next_in = inPtr.baseAddress
                stream.avail_in = uInt(inPtr.count)
                stream.next_out = outPtr.baseAddress
                stream.avail_out = uInt(outPtr.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return outPtr.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<produced])
    }

    private func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> ($0 * 8)) & 0xFF) } }
}
