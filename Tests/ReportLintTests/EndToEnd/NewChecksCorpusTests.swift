import Foundation
import Testing
@testable import ReportLint

/// Issue 17: the checks evaluators call for, on the real texts in ../shared. Each file's findings of the new
/// rules are exactly the ones judged real (rule@line) — what labels.md lists of their kinds (r004's running
/// total, r005's 100余条, r015's template note, r001's and r017's announced part names that differ from the headings) and what reading the text confirms (r007's and huaian's
/// 截至目前, r010's 1600多份, huaian's 5500余条) — and none is an error where labels.md sees nothing.
@Suite("New checks on real reports", .enabled(if: TestSupport.hasShared, "../shared/corpus is not beside the repository"))
struct NewChecksCorpusTests {
    static let real = TestSupport.shared.appendingPathComponent("corpus/real")
    static let newRules: Set<String> = ["document-number", "date-format", "part-count", "vague-figure", "template-leftover",
                                        "personal-data", "publication-deadline"]

    static let expected: [String: Set<String>] = [
        // STRUCT: the announced part names against the headings (存在的主要问题及改进情况 / 五、存在问题和改进措施;
        // 概述 / 一、总体情况), at the opening.
        "r001.txt": ["part-count@7"],
        "r017.txt": ["part-count@7"],
        "r004.txt": ["vague-figure@10"],
        "r005.txt": ["vague-figure@10"],
        "r007.txt": ["vague-figure@10"],
        "r010.txt": ["vague-figure@14"],
        "r015.txt": ["template-leftover@18"],
        "huaian-city-2024.pdf": ["vague-figure@17", "vague-figure@50"],
    ]
    /// Files labelled with a defect of a new rule's kind, where an error may stand.
    static let errorsAllowed: Set<String> = []

    static var files: [String] {
        (1...20).map { String(format: "excerpts/r%03d.txt", $0) }
            + ["shanghai-office-2025.md", "shuyang-county-2025.txt", "hongze-district-2024.pdf", "huaian-city-2024.pdf"]
    }

    static func diagnostics(_ file: String) throws -> [Diagnostic]? {
        let path = real.appendingPathComponent(file).path
        if file.hasSuffix(".pdf") { return RealReportTests.hasPdftotext ? try TestSupport.lint(file: path) : nil }
        return try CorpusTests.lintExcerpt(path)
    }

    @Test(arguments: files)
    func findsWhatIsThereAndNothingElse(_ file: String) throws {
        guard let all = try Self.diagnostics(file) else { return }
        let name = (file as NSString).lastPathComponent
        let found = all.filter { Self.newRules.contains($0.ruleID) }
        #expect(Set(found.map { "\($0.ruleID)@\($0.line)" }) == Self.expected[name] ?? [],
                "\(name): \(found.map { "\($0.line):\($0.column) \($0.ruleID) \($0.message.zh)" })")
        if !Self.errorsAllowed.contains(name) {
            #expect(!found.contains { $0.severity == .error }, "\(name): an error where labels.md sees nothing")
        }
    }

    /// The labelled defects of these kinds, by their text.
    @Test func labelledDefectsAreFound() throws {
        func has(_ file: String, _ rule: String, _ needle: String) throws -> Bool {
            try Self.diagnostics(file)?.contains { $0.ruleID == rule && ($0.snippet.contains(needle) || $0.message.zh.contains(needle)) } ?? true
        }
        #expect(try has("excerpts/r004.txt", "vague-figure", "截至2019年12月31日"))
        #expect(try has("excerpts/r005.txt", "vague-figure", "100余条"))
        #expect(try has("excerpts/r015.txt", "template-leftover", "设区的市、自治州人民政府应提供相关数据"))
        #expect(try has("excerpts/r019.txt", "regulation-title", "国务院第492号令"))
    }

    /// The official blank template: its （文字描述） instructions are leftovers, and its author property names a person.
    @Test func officialTemplate() throws {
        let d = try TestSupport.lint(file: Self.real.appendingPathComponent("official-template-2021-blank.docx").path)
        #expect(d.contains { $0.ruleID == "template-leftover" && $0.snippet.contains("文字描述") })
        #expect(d.contains { $0.ruleID == "personal-data" && $0.severity == .note })
    }

}

/// The Word document properties the docx loader reads for `personal-data` (docProps/core.xml).
@Suite("Word document properties")
struct DocxPropertiesTests {
    @Test func creatorAndLastModifiedBy() {
        let xml = Array("<cp:coreProperties><dc:creator> 张三 </dc:creator><cp:lastModifiedBy>A&amp;B</cp:lastModifiedBy></cp:coreProperties>".utf8)
        #expect(DocxLoader.property("dc:creator", in: xml) == "张三")
        #expect(DocxLoader.property("cp:lastModifiedBy", in: xml) == "A&B")
        #expect(DocxLoader.property("dc:title", in: xml) == nil)
        #expect(PersonalDataRule.looksLikePersonalName("张三") && !PersonalDataRule.looksLikePersonalName("某县财政局")
                && !PersonalDataRule.looksLikePersonalName("Administrator"))
    }
}
