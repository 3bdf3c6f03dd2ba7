import Testing
@testable import ReportLint

/// Issue 17: the softer and harder cases of the new and widened rules carry the severity the rule promises
/// (the examples test only where a rule fires), and messages exist in both languages.
@Suite("Severities of the issue-17 checks")
struct NewCheckSeverityTests {
    func severities(_ text: String, _ rule: String, year: Int = 2022) -> [Severity] {
        TestSupport.lint(text, year: year, rule: rule).map(\.severity)
    }

    @Test func nearMissShareIsAWarningAndAWrongShareAnError() {
        #expect(severities("共收到政府信息公开申请1046件，其中自然人申请1033件，占比98.8%；法人或其他组织申请13件，占比1.3%。", "percent-share") == [.warning])
        #expect(severities("共收到政府信息公开申请1046件，其中自然人申请1033件，占比98.8%；法人或其他组织申请13件，占比1.9%。", "percent-share") == [.error])
    }

    @Test func partOverTotalIsAnErrorAndAShortCompleteListAWarning() {
        #expect(severities("共主动公开政府信息378条，其中通过网站公开400条，通过微信公众号公开120条。", "sum-mismatch", year: 2024) == [.error])
        #expect(severities("全年主动公开信息378条，其中政府职能25条，乡村振兴72条，其他信息45条。", "sum-mismatch", year: 2024) == [.warning])
        // 等 ends a list that names only some parts.
        #expect(severities("全年主动公开信息378条，其中政府职能25条，乡村振兴72条，其他信息45条等。", "sum-mismatch", year: 2024).isEmpty)
    }

    @Test func dateDefects() {
        #expect(severities("于2022年2月30日召开专题会议。", "date-format") == [.error])
        #expect(severities("二0一七年，我镇进一步加强政务公开工作。", "date-format", year: 2017) == [.warning])
        // The garbled period is statistics-period's, once.
        #expect(severities("本报告起止时间为2020年1月1日至20201231日。", "statistics-period", year: 2020) == [.error])
    }

    @Test func templateNoteInTheTableIsANote() {
        #expect(severities("| 规章（设区的市、自治州人民政府应提供相关数据） | 0 | 0 | 0 |", "template-leftover", year: 2020) == [.note])
        #expect(severities("本镇（设区的市、自治州人民政府应提供相关数据）无相关数据。", "template-leftover", year: 2020) == [.error])
    }

    @Test func decreeFormsAreWarnings() {
        let found = TestSupport.lint("根据《中华人民共和国政府信息公开条例》（国务院492号令）编制。", year: 2009, rule: "regulation-title")
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.fix?.replacement == "国务院令第492号")
        #expect(found.first.map { !$0.message.en.isEmpty && $0.message.en != $0.message.zh } == true)
    }

    @Test func documentNumberFix() {
        let found = TestSupport.lint("按照梅政办[2007] 197号文件精神，制定本办法。", year: 2008, rule: "document-number")
        #expect(found.first?.fix?.replacement == "〔2007〕197号")
        #expect(found.first?.message.zh.contains("空格") == true)
    }

    @Test func mobileNumbersAreMaskedInMessages() {
        let found = TestSupport.lint("如有疑问请联系工作人员，手机13912345678。", year: 2021, rule: "personal-data")
        #expect(found.count == 1 && found[0].message.zh.contains("139****5678") && !found[0].message.zh.contains("13912345678"))
    }

    /// Fragments cut at every awkward place — long digit runs before 年/月/日/号/部分, marks at the end of the
    /// text, brackets left open — run through every rule without trapping.
    @Test func awkwardFragmentsDoNotTrap() {
        let digits = String(repeating: "9", count: 40)
        let fragments = ["2023\(digits)月\(digits)日", "2023年\(digits)月\(digits)", "\(digits)部分", "由总体情况、\(digits)个部分",
                         "某政发[2013]\(digits)", "某政发[", "截至\(digits)年12月31日", "二0", "年", "为至", "国务院\(digits)号令",
                         "国务院令", "条例\(digits)版", "身份证\(digits)X", "1391234567", "139-1234-", "共\(digits)条，其中其他\(digits)条",
                         "占比", "\"", "《", "二〇二四年四月", "2024年2月30", "\(digits)余条", "约"]
        for f in fragments {
            _ = TestSupport.lint(f, year: 2022)
            _ = TestSupport.lint("某县财政局2022年政府信息公开工作年度报告\n" + f, year: 2022)
        }
    }
}
