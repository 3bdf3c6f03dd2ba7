import Foundation
import Testing
@testable import ReportLint

/// What a user reading the .docx in Word sees must be what the text view holds.
@Suite("docx content")
struct DocxContentTests {
    static let template = TestFiles.shared("corpus/real/official-template-2021-blank.docx")
    static let d001 = TestFiles.shared("corpus/generated/single/d001.docx")

    func loadFile(_ path: String) throws -> Document {
        try DocumentLoader().load(path: path)
    }

    /// The official 2021 template: 表三's three header rows are merged cells, 表四 has 15 columns.
    @Test(.enabled(if: TestFiles.exists(template), "shared corpus absent: ../shared/corpus/real/official-template-2021-blank.docx"))
    func officialTemplateTablesComeOutAsGrids() throws {
        let document = try loadFile(Self.template)
        #expect(document.lines.first?.text == "政府信息公开工作年度报告格式模板")
        let headings = document.sectionLines
        #expect(headings == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"])

        let table3 = document.table(2)
        #expect(table3.count == 28)
        let header = table3.prefix(3).map { $0.cells ?? [] }
        #expect(header.allSatisfy { $0.count == 10 })
        // Row 1: the label cell spans three grid columns, 申请人情况 starts after it.
        #expect(header[0][0].hasPrefix("（本列数据的勾稽关系为"))
        #expect(header[0][3] == "申请人情况")
        // Row 2: 自然人 and 总计 head their columns; 法人或其他组织 spans five.
        #expect(header[1][3] == "自然人" && header[1][4] == "法人或其他组织" && header[1][9] == "总计")
        // Row 3: the five kinds of organisation under 法人或其他组织; merged cells above are empty.
        #expect(Array(header[2][4...8]) == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
        #expect(header[2][3] == "" && header[2][9] == "")
        // The row label of 不予公开 sits in the first row it spans, with its first item beside it.
        #expect(table3.contains { $0.cells?[1] == "（三）不予公开" && $0.cells?[2] == "1.属于国家秘密" })

        let table4 = document.table(3)
        #expect(table4.allSatisfy { $0.cells?.count == 15 })
        #expect(table4[0].cells?[0] == "行政复议" && table4[0].cells?[5] == "行政诉讼")
        #expect(table4[2].cells?[5...9] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
        // Header cells written with a manual line break (结果⏎维持) read as one word.
        #expect(!document.text.contains("结果 维持"))
        // No text inside a table shows up again as a paragraph line.
        #expect(!document.lines.contains { $0.kind == .paragraph && $0.text == "商业企业" })
    }

    /// d001: paragraphs in order, six section headings, three tables as tab rows — the shape the .txt
    /// version of the same draft has.
    @Test(.enabled(if: TestFiles.exists(d001), "shared corpus absent: ../shared/corpus/generated/single/d001.docx"))
    func generatedDraftReadsLikeItsTextVersion() throws {
        let document = try loadFile(Self.d001)
        let texts = document.nonEmptyTexts
        #expect(texts.first == "剑川县教育体育局2024年政府信息公开工作年度报告")
        #expect(document.sectionLines.map { String($0.prefix(2)) } == ["一、", "二、", "三、", "四、", "五、", "六、"])
        #expect(texts.contains("（一）主动公开。2024年，我局通过政府门户网站、政务新媒体和公开栏等渠道共主动公开政府信息1137条。工作动态427条，占37.55%；通知公告375条，占32.98%；政策文件335条，占29.46%。"))
        #expect(Set(document.lines.compactMap(\.tableID)) == [1, 2, 3])
        #expect(document.table(1).map { $0.cells?.count } == Array(repeating: 4, count: 14))
        #expect(document.table(2).allSatisfy { $0.cells?.count == 8 })
        #expect(document.table(3).allSatisfy { $0.cells?.count == 15 })
        #expect(texts.contains("（七）总计\t11\t0\t0\t0\t4\t0\t15"))
        #expect(texts.contains("行政许可\t37\t\t"))
        // Tables sit between the headings that introduce them.
        let lineOf = { (prefix: String) in document.lines.firstIndex { $0.text.hasPrefix(prefix) } ?? -1 }
        #expect(lineOf("二、") < lineOf("第二十条第（一）项") && lineOf("第二十条第（一）项") < lineOf("三、"))
    }

    @Test func mergedCellsFollowTheGrid() throws {
        let document = try loadFile(TestFiles.fixture("merged-cells.docx"))
        let rows = document.table(1).map { $0.cells ?? [] }
        #expect(rows.count == 5 && rows.allSatisfy { $0.count == 8 })
        #expect(rows[0][1] == "申请人情况" && rows[0][2...].allSatisfy(\.isEmpty))
        #expect(rows[1] == ["", "自然人", "法人或其他组织", "", "", "", "", "总计"])
        #expect(rows[2] == ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
        #expect(rows[3] == ["一、本年新收政府信息公开申请数量", "10", "2", "0", "1", "0", "0", "13"])
        // Two paragraphs / a line break: nothing between Chinese, a space between Latin words;
        // a nested table is flattened into its cell.
        #expect(Array(rows[4][0...3]) == ["结果纠正", "Total count", "其他结果", "内表"])
        #expect(document.lines[1].text == rows[0].joined(separator: "\t"))
        #expect(document.nonEmptyTexts.first == "三、收到和处理政府信息公开申请情况")
        #expect(document.nonEmptyTexts.last == "表后文字")
    }

    @Test func trackedChangesFieldsAndHiddenText() throws {
        let texts = try loadFile(TestFiles.fixture("tracked-changes-fields.docx")).lines.map(\.text)
        #expect(texts == [
            "本年度共收到申请17件。",          // insertion kept, deletion dropped
            "编制日期：2024年3月1日",          // simple field: its result
            "第3页",                          // complex field: result, not the PAGE instruction
            "结果纠正；Line one line two",     // w:br: nothing between CJK, a space between words
            "项目\t数量",                      // w:tab
            "可见",                           // w:vanish hidden text dropped
            "正文",                           // text box content skipped
            "",                               // three empty paragraphs collapse to one
            "空行之后",
            "项目\t数量",                      // table; the deleted row is gone
            "保留行\t1",
        ])
    }

    /// Automatic numbering appears as Word shows it (checked against LibreOffice's rendering of the same file).
    @Test func listNumberingIsWrittenOut() throws {
        let document = try loadFile(TestFiles.fixture("numbering-headings.docx"))
        #expect(document.lines.map(\.text) == [
            "某县2024年政府信息公开工作年度报告",
            "一、总体情况", "（一）主动公开", "1.第一项", "2.第二项", "（二）依申请公开", "1.重新从一开始", "①圆圈编号",
            "二、主动公开政府信息情况", "三、第三节", "（一）（一）后的子项",
            "甲、天干编号", "项目符号", "无编号", "第九条条款", "5.覆盖起始值",
            "中文名标题", "继承的大纲级别", "英文标题样式",
        ])
        let kinds = document.lines.map(\.kind)
        #expect(kinds[0] == .heading(level: 1))    // Title style
        #expect(kinds[1] == .heading(level: 1))    // Heading 1
        #expect(kinds[2] == .paragraph)
        #expect(kinds[8] == .heading(level: 1))    // custom style with outline level 0
        #expect(kinds[16] == .heading(level: 2))   // id "a7", named 标题 2
        #expect(kinds[17] == .heading(level: 3))   // outline level inherited through w:basedOn
        #expect(kinds[18] == .heading(level: 3))   // Heading 3
    }

    @Test func chineseCountersMatchWord() {
        let chinese = { (n: Int) in ListNumberFormat.render(n, format: "chineseCounting") }
        #expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000].map(chinese) ==
                ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一千"])
        #expect(ListNumberFormat.render(11, format: "chineseLegalSimplified") == "壹拾壹")
        #expect(ListNumberFormat.render(3, format: "ideographTraditional") == "丙")
        #expect(ListNumberFormat.render(12, format: "decimalFullWidth") == "１２")
        #expect(ListNumberFormat.render(27, format: "lowerLetter") == "aa")
        #expect(ListNumberFormat.render(14, format: "upperRoman") == "XIV")
        #expect(ListNumberFormat.render(1, format: "bullet") == nil)
    }

    @Test func documentWithAnotherNamespacePrefixReadsTheSame() throws {
        var zip = ZipBuilder()
        zip.add("word/document.xml", """
            <ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body>
            <ns0:p><ns0:r><ns0:t>一、总体情况</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>
            """)
        #expect(try load(zip.build(), as: .docx).get().lines.map(\.text) == ["一、总体情况"])
    }

    /// Another prefix takes the String path for names and attributes (the bytes of "w:" names are compared
    /// directly otherwise): attributes, hidden runs and table spans must read the same through it.
    @Test func anotherNamespacePrefixReadsAttributesAndTables() throws {
        var zip = ZipBuilder()
        zip.add("word/document.xml", """
            <ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body>
            <ns0:p><ns0:r><ns0:t>甲</ns0:t><ns0:tab/><ns0:t>乙</ns0:t></ns0:r>\
            <ns0:r><ns0:rPr><ns0:vanish/></ns0:rPr><ns0:t>隐藏</ns0:t></ns0:r>\
            <ns0:r><ns0:rPr><ns0:vanish ns0:val="0"/></ns0:rPr><ns0:t>丁</ns0:t></ns0:r></ns0:p>
            <ns0:tbl><ns0:tr><ns0:tc><ns0:tcPr><ns0:gridSpan ns0:val="2"/></ns0:tcPr><ns0:p><ns0:r><ns0:t>合并</ns0:t></ns0:r></ns0:p></ns0:tc>\
            <ns0:tc><ns0:p><ns0:r><ns0:t>丙</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr></ns0:tbl></ns0:body></ns0:document>
            """)
        let lines = try load(zip.build(), as: .docx).get().lines
        #expect(lines.map(\.text) == ["甲\t乙丁", "合并\t\t丙"])
        #expect(lines.last?.cells == ["合并", "", "丙"])
    }

    @Test func textDecodesReferencesAndKeepsCDATALiteral() throws {
        let document = try load(makeDocx(body: "<w:p><w:r><w:t>A&amp;B&#20013;<![CDATA[<C>&amp;]]></w:t></w:r></w:p>"), as: .docx).get()
        #expect(document.lines.map(\.text) == ["A&B中<C>&amp;"])
    }

    @Test func mismatchedEndTagsAreNamedInTheError() {
        #expect(loadError(makeDocx(body: "<w:p><w:r></w:p>"), as: .docx)
                == .malformedMarkup("word/document.xml: </w:p> does not close <w:r>"))
        var zip = ZipBuilder()
        zip.add("word/document.xml", """
            <ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:p></ns0:body>
            """)
        #expect(loadError(zip.build(), as: .docx) == .malformedMarkup("word/document.xml: </ns0:body> does not close <w:p>"))
        var cut = ZipBuilder()
        cut.add("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>正文")
        #expect(loadError(cut.build(), as: .docx) == .malformedMarkup("word/document.xml ends inside <w:t> (truncated?)"))
    }
}
