import Foundation
import Testing
@testable import ReportLint

/// Regressions of issue 11 (points 2–4), each on a made-up fragment of the shape real reports have: web-page
/// cells split over paragraphs, the statutory shape guiding a reading without headers, and tables that are there
/// but cannot be read saying so.
@Suite("Statutory table shapes")
struct TableShapeRegressionTests {
    static func lint(_ text: String, path: String = "a.txt", year: Int? = nil) -> [Diagnostic] {
        var configuration = Configuration()
        configuration.yearOverride = year
        let document = try! DocumentLoader().load(bytes: Array(text.utf8), path: path, format: InputFormat(path: path)!)
        return Linter(configuration: configuration).lint(document).1
    }

    static func report(_ text: String, path: String = "a.txt", year: Int? = nil) -> Report {
        let document = try! DocumentLoader().load(bytes: Array(text.utf8), path: path, format: InputFormat(path: path)!)
        return ReportReader(yearOverride: year).read(document)
    }

    // MARK: - 2. Web page cells split over <p> and <br>

    static func page(total: Int = 11) -> String {
        func p(_ parts: String...) -> String { parts.map { "<p>\($0)</p>" }.joined() }
        func figures(_ v: [Int]) -> String { v.map { "<td>\($0)</td>" }.joined() }
        return """
        <html><head><meta charset="utf-8"><title>某县2023年政府信息公开工作年度报告</title></head><body><div class="article">
        <p>三、收到和处理政府信息公开申请情况</p>
        <table border="1">
        <tr><td rowspan="3" colspan="3">\(p("（本列数据的勾稽关系为：第一项加第二项之和，", "等于第三项加第四项之和）"))</td><td colspan="7">\(p("申请人情况"))</td></tr>
        <tr><td rowspan="2">\(p("自然", "人"))</td><td colspan="5">\(p("法人或其他组织"))</td><td rowspan="2">总<br>计</td></tr>
        <tr><td>\(p("商业", "企业"))</td><td>\(p("科研", "机构"))</td><td>\(p("社会", "公益", "组织"))</td><td>\(p("法律", "服务", "机构"))</td><td>其他</td></tr>
        <tr><td colspan="3">\(p("一、本年新收政府信息", "公开申请数量"))</td>\(figures([10, 1, 0, 0, 0, 0, total]))</tr>
        <tr><td colspan="3">\(p("二、上年结转政府信息", "公开申请数量"))</td>\(figures([2, 0, 0, 0, 0, 0, 2]))</tr>
        <tr><td rowspan="3">\(p("三、本", "年度办", "理结果"))</td><td colspan="2">\(p("（一）予以公开"))</td>\(figures([8, 1, 0, 0, 0, 0, 9]))</tr>
        <tr><td colspan="2">\(p("（二）部分公开（区分处理的，只计这一情形，", "不计其他情形）"))</td>\(figures([1, 0, 0, 0, 0, 0, 1]))</tr>
        <tr><td colspan="2">\(p("（七）总计"))</td>\(figures([9, 1, 0, 0, 0, 0, 10]))</tr>
        <tr><td colspan="3">四、结转下年度<br>继续办理</td>\(figures([3, 0, 0, 0, 0, 0, 3]))</tr>
        </table></div></body></html>
        """
    }

    @Test func webCellsSplitOverParagraphsAreOneCell() throws {
        let report = Self.report(Self.page(), path: "a.html", year: 2023)
        let view = report.document.lines.map(\.text)
        #expect(view.contains { $0.hasPrefix("三、本年度办理结果\t（一）予以公开\t") })
        #expect(view.contains { $0.contains("\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他") })
        let t = try #require(report.statutoryTable(.table3))
        #expect(t.isWellRead)
        #expect(t.cells.count == 6 * 7)
        #expect(t["new", "total"]?.number == 11 && t["partial", "natural"]?.number == 1 && t["carriedForward", "total"]?.number == 3)
        #expect(!Self.lint(Self.page(), path: "a.html", year: 2023).contains { $0.ruleID == "table-identity" })
        // One total changed: caught.
        let changed = Self.lint(Self.page(total: 12), path: "a.html", year: 2023).filter { $0.ruleID == "table-identity" }
        #expect(!changed.isEmpty)
    }

    // MARK: - 3. The statutory shape guides the reading

    /// 表四 as `pdftotext -layout` gives it: the header scrambled over lines, the 15 figures on one line below.
    static func table4Layout(total: Int = 3) -> String {
        """
        某区人民政府2023年政府信息公开工作年度报告

        四、政府信息公开行政复议、行政诉讼情况
                 行政复议                         行政诉讼

                                    未经复议直接起诉            复议后起诉

        结果   结果    其他   尚未
                         总 计 结果 结果 其他 尚未    结果 结果 其他 尚未
        维持   纠正    结果   审结                                        总计
                                    总 计
                          维持 纠正 结果 审结    维持 纠正 结果 审结


         2    0     1    0    \(total)   1    0   0   0    1   0   0     0   1   1

        五、存在的主要问题及改进情况
        """
    }

    @Test func fifteenFiguresUnderTable4AreItsCells() throws {
        let t = try #require(Self.report(Self.table4Layout(), year: 2023).statutoryTable(.table4))
        #expect(t.isWellRead)
        #expect(t.cells.count == 15)
        #expect(t["review", "upheld"]?.number == 2 && t["review", "total"]?.number == 3)
        #expect(t["direct", "total"]?.number == 1 && t["afterReview", "pending"]?.number == 1)
        // (表二 and 表三 are missing from this fragment: only what concerns 表四 counts.)
        #expect(!Self.lint(Self.table4Layout(), year: 2023).contains { ["table-identity", "table-missing", "table-unread"].contains($0.ruleID) && $0.message.zh.contains("表四") })
        #expect(Self.lint(Self.table4Layout(total: 4), year: 2023).contains { $0.ruleID == "table-identity" })
    }

    /// A 表三 row whose label is cut short and whose header names no column: seven figures are its seven columns.
    static let table3Short = """
        三、收到和处理政府信息公开申请情况
        申请人情况
        一、本        7      1      0      0      0      0      8
        年新收政府信息公开申请数量
        二、上年结转政府信息公开申请数量        1      0      0      0      0      0      1
        （七）总计        6      1      0      0      0      0      7
        四、结转下年度继续办理        2      0      0      0      0      0      2
        """

    @Test func sevenFiguresOfRowOne() throws {
        let t = try #require(Self.report(Self.table3Short, year: 2023).statutoryTable(.table3))
        #expect(t.unmappedRows.isEmpty)
        #expect(t["new", "natural"]?.number == 7 && t["new", "total"]?.number == 8)
        #expect(t["carriedForward", "total"]?.number == 2)
    }

    /// Six figures where the table has seven columns: not guessed at, and said so.
    @Test func figuresThatDoNotFitAreNotGuessed() throws {
        let text = Self.table3Short.replacingOccurrences(of: "（七）总计        6      1      0      0      0      0      7",
                                                          with: "（七）总计        6      1      0      0      0      7")
        let t = try #require(Self.report(text, year: 2023).statutoryTable(.table3))
        #expect(t.unmappedRows.count == 1)
        #expect(t["outcomeTotal", "total"] == nil)
        #expect(Self.lint(text, year: 2023).contains { $0.ruleID == "table-unread" && $0.severity == .note && $0.message.zh.contains("表三") })
    }

    /// Web mirror copies: cells between pipes without a leading one, empty cells left at the end.
    @Test func pipesWithoutALeadingPipe() throws {
        let text = """
            三、收到和处理政府信息公开申请情况
            (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||
            自然人 | 法人或其他组织 | 总计 | |||||||
            商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||
            一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 | ||
            二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||
            (七)总计 | 5 | 1 | 0 | 0 | 0 | 0 | 6 | ||
            四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||
            """
        let t = try #require(Self.report(text, year: 2021).statutoryTable(.table3))
        #expect(t.isWellRead && t.cells.count == 28)
        #expect(t["new", "business"]?.number == 1 && t["outcomeTotal", "total"]?.number == 6)
        let changed = text.replacingOccurrences(of: "| 5 | ||", with: "| 7 | ||")
        #expect(Self.lint(changed, year: 2021).contains { $0.ruleID == "table-identity" })
    }

    // MARK: - 4. Never silent, never falsely missing

    /// Web text in which each row's figures ran together.
    static let flattened = """
        某镇2023年政府信息公开工作年度报告

        三、收到和处理政府信息公开申请情况

        一、本年新收政府信息公开申请数量1210000013
        二、上年结转政府信息公开申请数量2000002
        （七）总计1310000014
        四、结转下年度继续办理1000001

        四、政府信息公开行政复议、行政诉讼情况
        """

    @Test func flattenedDigitsGetANoteNotTableMissing() {
        let d = Self.lint(Self.flattened, year: 2023)
        #expect(!d.contains { $0.ruleID == "table-missing" && $0.message.zh.contains("表三") })
        let note = d.first { $0.ruleID == "table-unread" && $0.message.zh.contains("表三") }
        #expect(note?.severity == .note)
        #expect(note?.message.zh.contains("1210000013") == true)
    }

    @Test func placeholderHeadersGetANote() {
        let text = """
            三、收到和处理政府信息公开申请情况

            | 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
            |---|---|---|---|---|---|---|---|
            | 本年新收政府信息公开申请数量 | 12 | 1 | 0 | 0 | 0 | 0 | 99 |
            | 上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
            """
        let d = Self.lint(text, path: "a.md", year: 2023)
        #expect(!d.contains { $0.ruleID == "table-identity" }, "placeholder columns are not guessed")
        #expect(d.contains { $0.ruleID == "table-unread" && $0.message.zh.contains("数据1") })
        #expect(TableUnreadRule.numberedPlaceholder("类别统计数据来源数据12数据3") == "数据12")
        #expect(TableUnreadRule.numberedPlaceholder("统计数据：见下表") == nil)
    }
}
