import Testing
@testable import ReportLint

/// The shortcuts the reader takes for speed answer as the long way round did.
@Suite("Reader shortcuts")
struct ReaderShortcutTests {
    private static let text = """
        某县某镇人民政府2024年政府信息公开工作年度报告

        一、总体情况

        本年度共主动公开政府信息120条，其中工作动态80条，通知公告40条。

        共收到政府信息公开申请16件，其中自然人申请14件，法人或其他组织申请2件。

        二、其他需要报告的事项

        本年度无收取信息处理费情况。
        """

    /// Each paragraph's figures, in the order listed, as grouping the whole list by paragraph gives them —
    /// also when the list is not in paragraph order (a report made by hand).
    @Test func figuresByParagraphGroupInListedOrder() {
        var report = TestSupport.report(Self.text)
        #expect(report.figures.count >= 6)
        for figures in [report.figures, report.figures.reversed()] {
            report.figures = Array(figures)
            let grouped = FiguresByParagraph(report)
            for p in report.paragraphs.indices {
                let expected = report.figures.filter { $0.paragraph == p }
                #expect(grouped[p].map(\.start) == expected.map(\.start), "paragraph \(p)")
                #expect(grouped[p].map(\.value) == expected.map(\.value), "paragraph \(p)")
            }
        }
    }

    /// A heading names one of the format's parts by the deduplicated accept phrases exactly when some era's
    /// section template matches it.
    @Test func acceptPhrasesAnswerAsTheSectionTemplates() {
        let knowledge = Knowledge.builtIn
        let templates = knowledge.pack.eras.values.flatMap(\.sections)
        let phrases = knowledge.phrases.sectionAcceptPhrases
        #expect(!phrases.isEmpty)
        var headings = ["总体情况", "其他需要报告的事项", "本年度工作要点", "三月份", ""]
        for phrase in templates.flatMap(\.accept) { headings += [phrase, "一、" + phrase + "情况", String(phrase.dropLast())] }
        for heading in headings {
            #expect(phrases.contains { heading.containsText($0) } == templates.contains { $0.matches(heading) }, "\(heading)")
        }
    }
}
