/// A Word comment (批注) of a .docx: its text from word/comments.xml and the lines of the text view it is
/// anchored on. A comment beginning `xxgk-lint-disable` suppresses findings there (`SuppressionFilter`).
public struct WordComment: Sendable, Equatable {
    public var id: String
    public var author: String?
    /// The comment's paragraphs, joined by "\n".
    public var text: String
    /// The lines (0-based) of the text view between the comment's range start and end; nil when it is
    /// anchored nowhere the view shows (in deleted text, in a text box).
    public var lines: ClosedRange<Int>?
}

enum DocxComments {
    /// The comments of word/comments.xml, in the order written, without their anchors.
    static func read(_ xml: DocxXML) throws(LoadError) -> [WordComment] {
        var comments: [WordComment] = []
        var current: WordComment?
        var paragraphs: [String] = []
        var inText = false
        var events = xml.events()
        while let event = try events.next() {
            switch event {
            case .start(.comment?):
                current = WordComment(id: events.attribute("w:id") ?? "", author: events.attribute("w:author"), text: "")
                paragraphs = []
            case .start(.p?) where current != nil: paragraphs.append("")
            case .start(.t?): inText = true
            case .end(.t?): inText = false
            case .text where inText && current != nil && !paragraphs.isEmpty:
                paragraphs[paragraphs.count - 1] += events.text()
            case .end(.comment?):
                if var c = current {
                    c.text = paragraphs.joined(separator: "\n")
                    comments.append(c)
                }
                current = nil
            default: break
            }
        }
        return comments
    }

    /// Each comment with the lines its anchors fall on (`DocxLineSource.comments`).
    static func anchor(_ comments: [WordComment], in lines: [DocumentLine]) -> [WordComment] {
        var ranges: [String: ClosedRange<Int>] = [:]
        for (i, line) in lines.enumerated() {
            for id in line.docxSource?.comments ?? [] {
                ranges[id] = ranges[id].map { min($0.lowerBound, i)...max($0.upperBound, i) } ?? i...i
            }
        }
        return comments.map { c in
            var c = c
            c.lines = ranges[c.id]
            return c
        }
    }
}
