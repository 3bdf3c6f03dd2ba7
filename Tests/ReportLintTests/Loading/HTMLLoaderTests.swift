import Foundation
import Testing
@testable import ReportLint

/// Saved government pages: the report comes out of the website chrome as a reader sees it.
@Suite("html")
struct HTMLLoaderTests {
    func html(_ source: String) throws -> Document { try load(Array(source.utf8), as: .html).get() }

    static let d003 = TestFiles.shared("corpus/generated/single/d003.html")
    static let d022 = TestFiles.shared("corpus/generated/single/d022.html")

    @Test(.enabled(if: TestFiles.exists(d003) && TestFiles.exists(d022), "shared corpus absent: ../shared/corpus/generated/single/d0{03,22}.html"))
    func generatedPagesLoseTheirChromeAndKeepTheReport() throws {
        for (path, title, date) in [(Self.d003, "洱源县教育体育局2022年政府信息公开工作年度报告", "2023-01-27"),
                                    (Self.d022, "祥云县柳溪街道办事处2023年政府信息公开工作年度报告", "2024-03-12")] {
            let document = try DocumentLoader().load(path: path)
            #expect(document.lines.first == DocumentLine(title, kind: .heading(level: 1)))
            #expect(document.sectionLines.map { String($0.prefix(2)) } == ["一、", "二、", "三、", "四、", "五、", "六、"])
            #expect(document.lines.filter { $0.tableID != nil }.map { $0.cells?.count } .allSatisfy { [4, 8, 15].contains($0) })
            #expect(Set(document.lines.compactMap(\.tableID)) == [1, 2, 3])
            #expect(document.metadata.publicationDate == date)
            #expect(document.metadata.encoding == "UTF-8")
            // Breadcrumbs, the meta table and the footer are not part of the report.
            #expect(!document.text.contains("当前位置") && !document.text.contains("索引号") && !document.text.contains("网站标识码"))
            // The signature (the body's name) closes the report; the footer after it is gone.
            #expect(title.hasPrefix(document.nonEmptyTexts.last ?? "-"))
        }
    }

    /// The same report as .docx and as a web page gives the same text view.
    @Test(.enabled(if: TestFiles.exists(DocxContentTests.d001), "shared corpus absent: ../shared/corpus/generated/single/d001.docx"))
    func docxAndHTMLOfOneReportGiveTheSameView() throws {
        let docx = try DocumentLoader().load(path: DocxContentTests.d001)
        var page = "<html><head><title>\(docx.lines[0].text)_某县人民政府</title></head><body><div class=nav>首页</div><div id=zoom>"
        var openTable: Int?
        for line in docx.lines {
            if openTable != line.tableID { page += openTable == nil ? "" : "</table>"; page += line.tableID == nil ? "" : "<table>" }
            openTable = line.tableID
            if let cells = line.cells { page += "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>" } else { page += "<p>\(line.text)</p>" }
        }
        page += "</div><div class=footer>主办单位</div></body></html>"
        #expect(try html(page).lines == docx.lines)
    }

    @Test func gb2312PageIsDecodedAndItsMetaTableRead() throws {
        let document = try DocumentLoader().load(path: TestFiles.fixture("gb2312-page.html"))
        #expect(document.metadata == DocumentMetadata(encoding: "GB18030", publicationDate: "2024-01-22", publisher: "某县教育局"))
        #expect(document.lines.map(\.text) == [
            "某县教育局2023年政府信息公开工作年度报告",
            "本报告由某县教育局编制，局长王堃审定。",   // 堃 is GBK, not GB2312
            "一、总体情况",
            "2023年，我局主动公开政府信息 120条。",
        ])
        #expect(!document.text.contains("脚本") && !document.text.contains("分享"))
    }

    @Test func entitiesAreDecoded() throws {
        let document = try html("<p>&ldquo;三安全一稳定&rdquo;&mdash;&hellip;&middot;&lt;条例&gt;&amp;&quot;&#20844;&#x5F00;&nbsp;A&emsp;B&#147;x&#148;&unknown;&amp</p>")
        #expect(document.lines.map(\.text) == ["“三安全一稳定”—…·<条例>&\"公开 A\u{2003}B“x”&unknown;&"])
    }

    @Test func spannedCellsFormAGrid() throws {
        let document = try html("""
            <table>
              <tr><td rowspan="3">说明</td><td colspan="7">申请人情况</td></tr>
              <tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>
              <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
              <tr><td>一、本年新收<br>政府信息公开申请数量</td><td>1<td>2<td>3<td>4<td>5<td>6<td>21
            </table>
            """)
        #expect(document.lines.map { $0.cells ?? [] } == [
            ["说明", "申请人情况", "", "", "", "", "", ""],
            ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
            ["一、本年新收政府信息公开申请数量", "1", "2", "3", "4", "5", "6", "21"],
        ])
        #expect(document.lines.allSatisfy { $0.kind == .tableRow && $0.tableID == 1 })
    }

    @Test func pageWithoutBodyStillWorks() throws {
        let document = try html("<title>某镇2019年政府信息公开工作年度报告</title>一、总体情况<br>二、主动公开情况")
        #expect(document.lines.map(\.text) == ["某镇2019年政府信息公开工作年度报告", "一、总体情况", "二、主动公开情况"])
    }

    @Test func pageWithoutTextIsRefused() {
        let error = loadError(Array("<html><head><title></title><script>var a='报告';</script></head><body><img src=x></body></html>".utf8), as: .html)
        #expect(error == .noText("the page contains no visible text"))
    }

    @Test func blocksBreaksHeadingsAndWhiteSpace() throws {
        let document = try html("""
            <body><div class="TRS_Editor"><h2>一、总体情况</h2><p>第一行<br/>第二行</p>
            <p>跨行
            的句子</p><p>spaced   words</p><p>报  告</p><p>&nbsp;</p><p></p><p>&nbsp;</p><ul><li>条目一<li>条目二</ul>
            <div>未闭合<p>段落</div>
            </div></body>
            """)
        #expect(document.lines.map(\.text) == ["一、总体情况", "第一行", "第二行", "跨行的句子", "spaced words", "报 告", "", "条目一", "条目二", "未闭合", "段落"])
        #expect(document.lines[0].kind == .heading(level: 2))
    }

    @Test func articleContainerIsPreferredAndTitleAdded() throws {
        let page = """
            <html><head><meta name="PubDate" content="2024-02-01 09:30"><title>某乡2023年政府信息公开工作年度报告 - 某县政府网</title></head>
            <body><ul class="menu"><li>首页</li><li>新闻中心新闻中心新闻中心</li></ul>
            <div class="main"><div class="list">相关文章：某乡2022年政府信息公开工作年度报告</div>
            <div class="conTxt"><p>一、总体情况</p><p>2023年，我乡认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息56条。</p></div></div>
            <div class="footer">网站地图 | 联系我们 | 版权所有</div></body></html>
            """
        let document = try html(page)
        #expect(document.lines.map(\.text) == ["某乡2023年政府信息公开工作年度报告", "一、总体情况",
                                               "2023年，我乡认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息56条。"])
        #expect(document.metadata.publicationDate == "2024-02-01")
    }

    @Test func withoutHintsTheDensestElementWins() throws {
        let page = """
            <body><div><a>首页</a><a>机构概况</a><a>政务公开</a></div>
            <table><tr><td><a>导航</a></td><td>
              <p>一、总体情况</p><p>本年度共主动公开政府信息一百二十条，其中工作动态六十条。</p><p>二、主动公开政府信息情况</p>
            </td></tr></table><div>联系电话：0872-0000000 地址：某县某路1号</div></body>
            """
        #expect(try html(page).lines.map(\.text) == ["一、总体情况", "本年度共主动公开政府信息一百二十条，其中工作动态六十条。", "二、主动公开政府信息情况"])
    }

    @Test func layoutTablesAreReadAsText() throws {
        let page = "<body><table><tr><td><table><tr><td>表内</td><td>数据</td></tr></table><p>说明文字</p></td></tr></table></body>"
        let document = try html(page)
        #expect(document.lines.map(\.text) == ["表内\t数据", "说明文字"])
        #expect(document.lines[0].kind == .tableRow)
    }

    @Test func hostileMarkupDoesNotCrash() throws {
        let deep = String(repeating: "<div><span>", count: 20_000) + "深层文字" + String(repeating: "</span></div>", count: 20_000)
        #expect(try html(deep).lines.map(\.text) == ["深层文字"])
        let spans = "<table><tr><td rowspan=99999999 colspan=99999999>x</td></tr><tr><td>y</td></tr></table>"
        #expect(try html(spans).lines.count == 2)
        for junk in ["<", "<a", "<p <p>文字", "</", "<!--", "<![CDATA[", "&#xFFFFFFFF;文字", "<td>孤立单元格</td>", "<tr><td>a"] {
            _ = load(Array(junk.utf8), as: .html)
        }
    }

    @Test func charsetDeclarationsAreFound() {
        #expect(HTMLCharset.declaredCharset(Array("<meta charset=\"GBK\">".utf8)) == "gbk")
        #expect(HTMLCharset.declaredCharset(Array("<meta http-equiv=Content-Type content='text/html; charset = gb2312'>".utf8)) == "gb2312")
        #expect(HTMLCharset.declaredCharset(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8)) == "utf-8")
        #expect(HTMLCharset.canonicalName("gb2312") == "GB18030")
    }
}
