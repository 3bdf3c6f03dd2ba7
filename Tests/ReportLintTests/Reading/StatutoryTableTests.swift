import Foundation
import Testing
@testable import ReportLint

/// Reading 表二、表三、表四 by their labels, from every shape drafts have.
@Suite("Reading the statutory tables")
struct StatutoryTableTests {
    static let table3 = RulePack.builtIn.table(.table3)!

    /// The figures of a table by "row/column", for comparing readings of different shapes.
    static func figures(_ t: StatutoryTable?) -> [String: Double] {
        var result: [String: Double] = [:]
        for (k, v) in t?.cells ?? [:] { if let n = v.number { result["\(k.row)/\(k.column)"] = n } }
        return result
    }

    /// Each label cell's part of a row's compact label is that cell compacted alone: the table namer searches
    /// the parts for what each cell names.
    @Test func labelCellPartsOfTheCompactLabel() {
        let text = Array("（三）不予公开 | 1. 属于 国家秘密(含**附件**) | 3 | 0".unicodeScalars)
        let row = TableRowCells(line: 0, text: text, cells: TableFinder.split(text) { $0 == "|" }, aligned: true)
        var parts: [[Unicode.Scalar]] = []
        row.forEachCompactLabelCell { parts.append(Array(row.compactLabel[$0])) }
        let cells = row.cells[..<row.labelEnd].filter { !$0.isEmpty }
        #expect(parts.count == 2)
        #expect(parts == cells.map { LabelText.compact(Array(text[$0])) })
        #expect(parts[1].string == "1.属于国家秘密（含附件）")
    }

    @Test func sampleReportsOfBothEras() throws {
        let r2020 = ReportReader().read(try DocumentLoader().load(path: TestSupport.root.appendingPathComponent("reports/correct-2020.md").path))
        let r2023 = ReportReader().read(try DocumentLoader().load(path: TestSupport.root.appendingPathComponent("reports/correct-2023.txt").path))
        for (report, era) in [(r2020, Era.y2019), (r2023, Era.y2021)] {
            #expect(report.statutoryTables.map(\.kind) == [.table2, .table3, .table4])
            #expect(report.statutoryTable(.table2)?.layout == era)
            #expect(report.statutoryTable(.table3)?.layout == era)
            for t in report.statutoryTables { #expect(t.isWellRead, "\(t.kind): unmapped rows \(t.unmappedRows)") }
        }
        #expect(r2020.statutoryTable(.table3)?["other", "natural"]?.number == 0)
        #expect(r2020.statutoryTable(.table2)?["change", "change"] == nil)
        #expect(r2020.statutoryTable(.table2)?["licensing", "change"]?.number == -1)
        #expect(r2020.statutoryTable(.table2)?["procurement", "procurementAmount"] == .number(36.5, unit: "万元", span: TextSpan(line: 36, start: 15, end: 21)))
        #expect(r2023.statutoryTable(.table3)?["new", "business"]?.number == 1)
        #expect(r2023.statutoryTable(.table3)?["other.other", "total"]?.number == 1)
        #expect(r2023.statutoryTable(.table2)?["fees", "feeAmount"] == .number(0, unit: "万元", span: TextSpan(line: 31, start: 8, end: 9)))
        #expect(r2023.statutoryTable(.table4)?["review", "upheld"]?.number == 1)
    }

    /// pdftotext -layout: columns of spaces, a row label wrapped over two lines, the group label
    /// “三、本年度办理结果” one character per line, a page footer inside the table.
    @Test func pdfLayoutTextWithWrappedLabels() throws {
        let text = """
        三、收到和处理政府信息公开申请情况
                                            申请人情况
                          自然人    法人或其他组织                                         总计
                                    商业企业  科研机构  社会公益组织  法律服务机构  其他
        一、本年新收政府信息公开申请数量      10      1       0        0         0       0      11
        二、上年结转政府信息公开申请数量       2      0       0        0         0       0       2
        三、
        本
        年
        度
                                    - 5 -
        办
        理
        结
        果
        （一）予以公开                         5      1       0        0         0       0       6
        （二）部分公开（区分处理的，只计这一情
        形，不计其他情形）                     1      0       0        0         0       0       1
        （三）不
        予公开     1.属于国家秘密              0      0       0        0         0       0       0
        （七）总计                             6      1       0        0         0       0       7
        四、结转下年度继续办理                 6      0       0        0         0       0       6
        """
        let t = try #require(TestSupport.report(text, year: 2021).statutoryTable(.table3))
        #expect(t.unmappedRows.isEmpty)
        #expect(t.rowKeys == ["new", "carried", "granted", "partial", "denied.stateSecret", "outcomeTotal", "carriedForward"])
        #expect(t["partial", "natural"]?.number == 1)
        #expect(t["new", "total"]?.number == 11)
        #expect(t["carriedForward", "natural"]?.number == 6)
    }

    /// Rows from Word or HTML (cells given by the loader, merged cells once and then blank) read like text rows.
    @Test func structuredRowsWithMergedCells() throws {
        var rng = TableFixtures.Seeded(7)
        let grid = TableFixtures.consistentTable3(.y2021, &rng)
        let fromText = TestSupport.report(TableFixtures.report(year: 2023, table3: TableFixtures.render(grid, .tabs), table4: ""))
        // The Word table: the group label （三） merged down its rows in a column of its own.
        var rows: [[String]] = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况", "", "", "", "", "", ""],
                                ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
                                ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
        var lastGroup = ""
        for row in grid.rows {
            let parts = row.label.components(separatedBy: " ")
            let group = parts.count > 1 ? parts[0] : ""
            let first = parts.count > 1 ? (group == lastGroup ? "" : group) : row.label
            lastGroup = group
            rows.append([first, parts.count > 1 ? parts[1] : ""] + row.values.map(String.init))
        }
        let lines = [DocumentLine("某镇人民政府2023年政府信息公开工作年度报告"), DocumentLine(""),
                     DocumentLine("三、收到和处理政府信息公开申请情况", kind: .heading(level: 1))]
            + rows.map { DocumentLine($0.joined(separator: "\t"), kind: .tableRow, cells: $0, tableID: 1) }
        let fromWord = ReportReader().read(Document(path: "a.docx", format: .docx, lines: lines))
        let word = try #require(fromWord.statutoryTable(.table3))
        #expect(word.unmappedRows.isEmpty)
        #expect(word.layout == .y2021)
        #expect(Self.figures(word) == Self.figures(fromText.statutoryTable(.table3)))
        #expect(Self.figures(word).count == grid.rows.count * 7)
    }

    @Test func notStatedCellsAndUnits() throws {
        let text = """
        第二十条第（九）项
        信息内容\t采购项目数量\t采购总金额（万元）
        政府集中采购\t/\t251000元
        第二十条第（一）项
        信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
        规章\t-\t—\t无
        规范性文件\t\t2\t约5
        """
        let t = try #require(TestSupport.report(text, year: 2020).statutoryTable(.table2))
        if case .notStated = t["procurement", "procurementItems"] {} else { Issue.record("“/” is not stated") }
        #expect(t["procurement", "procurementAmount"]?.number == 251000)
        if case .number(_, let unit, _) = t["procurement", "procurementAmount"] { #expect(unit == "元") }
        for c in ["newMade", "newPublished", "totalPublished"] {
            if case .notStated = t["regulations", c] {} else { Issue.record("规章/\(c) is not stated") }
        }
        if case .notStated = t["normativeDocs", "newMade"] {} else { Issue.record("a blank cell is not stated") }
        if case .unreadable = t["normativeDocs", "totalPublished"] {} else { Issue.record("“约5” is not a figure") }
        #expect(t.layout == .y2019)
    }

    @Test func placeholderHeadersAreNotGuessed() {
        let text = """
        | 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
        |---|---|---|---|---|---|---|---|
        | 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |
        | 上年结转政府信息公开申请数量 | 36 | 0 | 0 | 0 | 0 | 0 | 36 |
        """
        let t = TestSupport.report(text, year: 2025).statutoryTable(.table3)
        #expect(t != nil && t!.cells.isEmpty && t!.unmappedRows.count == 2)
        #expect(t?.isWellRead == false)
    }

    /// 表四 as three small tables under captions (行政复议 / 行政诉讼（未经复议直接起诉） / …).
    @Test func table4InPiecesUnderCaptions() throws {
        let text = """
        ### 行政复议
        | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
        |---|---|---|---|---|
        | 27 | 10 | 9 | 15 | 61 |

        ### 行政诉讼（未经复议直接起诉）
        | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
        |---|---|---|---|---|
        | 3 | 0 | 0 | 0 | 3 |

        ### 行政诉讼（复议后起诉）
        | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
        |---|---|---|---|---|
        | 8 | 0 | 1 | 1 | 10 |
        """
        let t = try #require(ReportReader(yearOverride: 2025).read(TestSupport.document(text, path: "a.md")).statutoryTable(.table4))
        #expect(t.isWellRead)
        #expect(t["review", "total"]?.number == 61 && t["direct", "total"]?.number == 3 && t["afterReview", "otherResult"]?.number == 1)
    }

    @Test(.enabled(if: TestSupport.hasShared)) func realTable3ExtractWithoutInventedRows() throws {
        let path = TestSupport.shared.appendingPathComponent("corpus/real/table3-pdf-extract.txt").path
        let report = ReportReader().read(try DocumentLoader().load(path: path))
        let t = try #require(report.statutoryTable(.table3))
        let expected = ["new", "carried", "granted", "partial"] + Self.table3.rows.map(\.key).filter { $0.hasPrefix("denied.") } + ["unable.notHeld"]
        #expect(t.rowKeys == Set(expected))
        #expect(t.unmappedRows.isEmpty)
        #expect(t.columnKeys.count == 7)
        #expect(t["partial", "natural"]?.number == 447)
        #expect(t["unable.notHeld", "total"]?.number == 769)
        #expect(t["new", "legalService"]?.number == 61)
    }

    /// Real reports whose tables came through OCR or PDF extraction broken: what can be read is read, nothing is guessed.
    @Test(.enabled(if: TestSupport.hasShared)) func realReportsWithBrokenTablesStaySilent() throws {
        let real = TestSupport.shared.appendingPathComponent("corpus/real")
        let shuyang = ReportReader().read(try DocumentLoader().load(path: real.appendingPathComponent("shuyang-county-2025.txt").path))
        #expect(shuyang.statutoryTable(.table3)?.cells.isEmpty == true, "placeholder headers 数据1…数据6: no columns")
        #expect(shuyang.statutoryTable(.table4)?["review", "total"]?.number == 61)
        for name in ["shuyang-county-2025.txt", "shanghai-office-2025.md"] {
            let d = try TestSupport.lint(file: real.appendingPathComponent(name).path)
                .filter { ["table-identity", "table-missing", "text-table-mismatch"].contains($0.ruleID) }
            #expect(d.isEmpty, "\(name): \(d.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.zh)" })")
        }
    }

    @Test func sampleReportsAreClean() throws {
        for name in ["reports/correct-2020.md", "reports/correct-2023.txt"] {
            let d = try TestSupport.lint(file: TestSupport.root.appendingPathComponent(name).path).filter { $0.severity >= .warning }
            #expect(d.isEmpty, "\(name): \(d.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.zh)" })")
        }
    }
}

/// The table rules' own examples, rendered as Word and HTML (tables as real tables), find what they find as text.
@Suite("Table rule examples in every format")
struct TableRuleFormatTests {
    static let rules = ["table-identity", "table-missing", "text-table-mismatch", "count-plausibility", "table-unread"]

    @Test(arguments: rules)
    func sameFindings(_ id: String) throws {
        let d = try #require(RuleRegistry.descriptor(id))
        for example in d.triggering + d.nonTriggering {
            let lines = example.cleaned.text.components(separatedBy: "\n")
            var configuration = Configuration()
            configuration.yearOverride = example.year
            for other in RuleRegistry.descriptors where other.id != id { configuration.severities[other.id] = .some(nil) }
            let linter = Linter(configuration: configuration)
            func messages(_ bytes: [UInt8], _ format: InputFormat) throws -> [String] {
                let document = try DocumentLoader().load(bytes: bytes, path: "x.\(format.rawValue)", format: format)
                return linter.lint(document).1.map(\.message.zh).sorted()
            }
            let text = try messages(Array(lines.joined(separator: "\n").utf8), .text)
            #expect(try messages(CrossFormatTests.Render.docx(lines), .docx) == text, "\(id) docx: \(example.text)")
            #expect(try messages(Array(CrossFormatTests.Render.html(lines).utf8), .html) == text, "\(id) html: \(example.text)")
        }
    }
}
