import Foundation
import Testing
@testable import ReportLint

/// Suppression in a .docx: a Word comment (批注) beginning `xxgk-lint-disable RULE` silences that rule on the
/// paragraph it is anchored on; one that silences nothing is reported, as in .txt/.md.
@Suite("Word comment suppression")
struct WordCommentSuppressionTests {
    let cli = CLITests()

    /// The annotate-draft fixture with its three comments' texts replaced (ids 1, 2, 3), written into `dir`
    /// as a.docx. The fixture's own: 1 “xxgk-lint-disable repeated-word -- …” on the paragraph with a repeated
    /// subject, 2 a reviewer's note, 3 “xxgk-lint-disable percent-sum” on a paragraph without shares.
    static func draft(comments texts: [String]? = nil, in dir: URL) throws {
        let bytes = try TestFiles.bytes(TestFiles.fixture("annotate-draft.docx"))
        guard let texts else { return try Data(bytes).write(to: dir.appendingPathComponent("a.docx")) }
        let zip = try ZipArchive(bytes, limits: .default)
        var writer = ZipWriter()
        for entry in zip.entries {
            if entry.name == "word/comments.xml" {
                let part = texts.enumerated().map { DocxPackageParts.comment(id: $0.offset + 1, paragraphs: [$0.element]) }
                try writer.add(name: entry.name, contents: try DocxPackageParts.comments(part, existing: Array(
                    "<w:comments xmlns:w=\"\(DocxPackageParts.wordNamespace)\"></w:comments>".utf8)), time: 0, date: 0x21)
            } else {
                try writer.copy(entry, from: zip)
            }
        }
        try Data(try writer.finish()).write(to: dir.appendingPathComponent("a.docx"))
    }

    @Test func aCommentSilencesItsRuleOnItsParagraph() throws {
        let dir = try TestSupport.folder("docx-suppress")
        try Self.draft(in: dir)
        let r = try cli.run(["a.docx"], cwd: dir)
        #expect(!r.stdout.contains("[repeated-word]"), "\(r.stdout)")
        #expect(r.stdout.contains("a.docx:7:1: 提示: 这条抑制注释没有抑制任何问题（percent-sum），可以删除 [unused-suppression]"), "\(r.stdout)")
        let en = try cli.run(["--lang", "en", "a.docx"], cwd: dir)
        #expect(en.stdout.contains("a.docx:7:1: note: this suppression silences nothing (percent-sum); remove it [unused-suppression]"), "\(en.stdout)")
        // The same paragraph under a comment that is no suppression: the repeated subject is reported there.
        try Self.draft(comments: ["原文如此", "请核对专栏名称", "请核实"], in: dir)
        let plain = try cli.run(["a.docx"], cwd: dir)
        #expect(plain.stdout.contains("a.docx:6:19: 警告: 同一分句中主语“我镇”重复 [repeated-word]"), "\(plain.stdout)")
        #expect(!plain.stdout.contains("[unused-suppression]"))
    }

    @Test func aCommentWithoutRulesSilencesAllAndAMistypedRuleIsReported() throws {
        let dir = try TestSupport.folder("docx-suppress-all")
        try Self.draft(comments: ["xxgk-lint-disable", "请核对专栏名称", "xxgk-lint-disable punctuaton"], in: dir)
        let r = try cli.run(["a.docx"], cwd: dir)
        #expect(!r.stdout.contains("[repeated-word]"), "\(r.stdout)")
        #expect(r.stdout.contains("a.docx:7:1: 提示: 抑制注释中的规则“punctuaton”不存在，是否想写“punctuation”？"), "\(r.stdout)")
        // Suppression is a comment's first word, not a mention of it in a reviewer's note.
        try Self.draft(comments: ["请勿写 xxgk-lint-disable", "x", "xxgk-lint-disable-next-line repeated-word"], in: dir)
        #expect(try cli.run(["a.docx"], cwd: dir).stdout.contains("[repeated-word]"))
    }
}
