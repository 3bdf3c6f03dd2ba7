import Foundation
import Testing
@testable import ReportLint

/// Tables rebuilt from word positions, on made-up pages given as `pdftotext -tsv` output (no pdftotext needed):
/// header cells wrapped over lines, a group label one character a line, a label wrapped around its centred
/// figures, a blank cell, a page number inside the table and the table going on over the page break.
@Suite("PDF tables from word positions")
struct PDFTableGeometryTests {
    /// A page of words: (x, y, text), each 10 points high and 10 points a character wide (figures 6).
    static func page(_ words: [(Double, Double, String)]) -> String {
        var tsv = "1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n"
        for (x, y, text) in words {
            let width = Double(text.unicodeScalars.count) * (text.allSatisfy(\.isNumber) ? 6 : 10)
            tsv += "5\t1\t0\t0\t0\t0\t\(x)\t\(y)\t\(width)\t10\t100\t\(text)\n"
        }
        return tsv
    }

    /// Figures of a row in the seven columns (x = 300, 330, …, 480).
    static func figures(_ y: Double, _ values: [Int?]) -> [(Double, Double, String)] {
        values.enumerated().compactMap { c, v in v.map { (300 + Double(c) * 30, y, String($0)) } }
    }

    static let firstPage: [(Double, Double, String)] = [
        (60, 40, "三、收到和处理政府信息公开申请情况"),
        (330, 70, "申请人情况"),
        (330, 85, "法人或其他组织"),
        (300, 100, "自然"), (300, 112, "人"), (330, 100, "商业"), (330, 112, "企业"), (360, 100, "科研"), (360, 112, "机构"),
        (390, 100, "社会"), (390, 112, "公益"), (390, 124, "组织"), (420, 100, "法律"), (420, 112, "服务"), (420, 124, "机构"),
        (450, 100, "其他"), (480, 100, "总"), (480, 112, "计"),
        (60, 150, "一、本年新收政府信息公开申请数量"),
        (60, 170, "二、上年结转政府信息公开申请数量"),
        // 三、本年度办理结果 one character a line beside the outcome rows
        (60, 190, "三"), (60, 202, "、"), (60, 214, "本"), (60, 226, "年"), (60, 238, "度"), (60, 250, "办"),
        (90, 190, "（一）予以公开"),
        (90, 208, "（二）部分公开（区分处理的，"), (90, 220, "只计这一情形，不计其他情形）"),
        (90, 245, "（三）不予公开"), (170, 245, "1.属于国家秘密"),
        (300, 780, "-3-"),
    ] + figures(150, [10, 1, 0, 0, 0, 0, 11]) + figures(170, [2, 0, 0, 0, 0, 0, 2])
      + figures(190, [5, 1, 0, 0, 0, 0, 6]) + figures(214, [1, 0, 0, nil, 0, 0, 1]) + figures(245, [0, 0, 0, 0, 0, 0, 0])

    static let secondPage: [(Double, Double, String)] = [
        (60, 40, "理"), (60, 52, "结"), (60, 64, "果"),
        (90, 40, "（七）总计"), (60, 80, "四、结转下年度继续办理"),
        (60, 120, "四、政府信息公开行政复议、行政诉讼情况"),
    ] + figures(40, [6, 1, 0, 0, 0, 0, 7]) + figures(80, [6, 0, 0, 0, 0, 0, 6])

    static var tsv: String { page(firstPage) + page(secondPage).replacingOccurrences(of: "\t1\t0\t0\t0\t0\t", with: "\t2\t0\t0\t0\t0\t") }

    @Test func rowsRebuilt() throws {
        let document = try PDFLoader.document(fromTSV: Array(Self.tsv.utf8), path: "a.pdf")
        let view = document.lines.map(\.text)
        #expect(view.contains { $0.hasSuffix("\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计") })
        #expect(view.contains("一、本年新收政府信息公开申请数量\t10\t1\t0\t0\t0\t0\t11"))
        #expect(view.contains("三、本年度办"))
        #expect(view.contains("（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t\t0\t0\t1"), "the blank cell stays in its column")
        #expect(view.contains("（三）不予公开") && view.contains("1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0"), "a group label on a line of its own")
        #expect(!view.contains { $0.contains("-3-") }, "the page number inside the table is gone")
        #expect(view.contains("（七）总计\t6\t1\t0\t0\t0\t0\t7"))

        let report = ReportReader(yearOverride: 2023).read(document)
        let t = try #require(report.statutoryTable(.table3))
        #expect(t.unmappedRows.isEmpty)
        #expect(t["partial", "natural"]?.number == 1)
        if case .notStated = t["partial", "publicInterest"] {} else { Issue.record("the blank cell is not stated") }
        #expect(t["denied.stateSecret", "total"]?.number == 0)
        #expect(t["outcomeTotal", "total"]?.number == 7 && t["carriedForward", "natural"]?.number == 6)
    }
}
