/// Puts comment anchors into word/document.xml at byte offsets that `Document.docxSpan` gave: a
/// `w:commentRangeStart` before a span's first character, a `w:commentRangeEnd` and the run holding the
/// `w:commentReference` after its last one.
///
/// Offsets fall inside runs (in the text of a `w:t`, or beside a `w:tab`), where anchors may not stand, so
/// a run holding an offset is split there: the parts repeat the run's tag and properties (`w:rPr`), and
/// the anchor stands between them — as Word itself writes a comment on part of a run. Parts left empty are
/// dropped. Runs without an offset, and everything outside them, are copied byte for byte.
struct DocxCommentMarkers {
    struct Cut {
        var offset: Int
        var commentID: Int
        var isStart: Bool

        var markup: String {
            isStart ? "<w:commentRangeStart w:id=\"\(commentID)\"/>"
                : "<w:commentRangeEnd w:id=\"\(commentID)\"/><w:r><w:commentReference w:id=\"\(commentID)\"/></w:r>"
        }
    }

    enum Failure: Error, Equatable {
        /// An offset fell outside every run (the bytes are not those the view was read from).
        case notInRun(commentID: Int)
    }

    /// What a run holds, as ranges of the part.
    private struct Run {
        var openTag: Range<Int>
        var properties: Range<Int>?
        var children: [Atom] = []
        var childStart = 0
        var inText = false
    }

    private enum Atom {
        case raw(Range<Int>)
        case text(Range<Int>, cdata: Bool)

        var range: Range<Int> { switch self { case .raw(let r), .text(let r, _): r } }
    }

    /// The part with the anchors in. `xml` is the part as `DocxXML` holds it (UTF-8).
    static func insert(_ cuts: [Cut], into xml: DocxXML) throws -> [UInt8] {
        // At one offset: a comment ends before the next begins.
        var pending = cuts.sorted { ($0.offset, $0.isStart ? 1 : 0, $0.commentID) < ($1.offset, $1.isStart ? 1 : 0, $1.commentID) }[...]
        let bytes = xml.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + cuts.count * 80)
        var copied = 0
        var run: Run?
        var runDepth = 0
        var events = xml.events()
        while let event = try events.next() {
            guard var current = run else {
                if case .start(.r?) = event, !events.startIsSelfClosing {
                    run = Run(openTag: events.markupRange)
                    runDepth = events.depth
                }
                continue
            }
            let range = events.markupRange
            switch event {
            case .start(let element) where events.depth == runDepth + 1:
                current.childStart = range.lowerBound
                current.inText = element == .t
            case .text where current.inText && events.depth == runDepth + 1:
                current.children.append(.text(range, cdata: events.isCDATA))
            case .end(let element) where events.depth == runDepth + 1:
                if element == .rPr {
                    current.properties = current.childStart..<range.upperBound
                } else if element != .t {
                    current.children.append(.raw(current.childStart..<range.upperBound))
                }
                current.inText = false
            case .end(.r?) where events.depth == runDepth:
                let whole = current.openTag.lowerBound..<range.upperBound
                run = nil
                guard let next = pending.first, next.offset < whole.upperBound else { continue }
                if next.offset < whole.lowerBound { throw Failure.notInRun(commentID: next.commentID) }
                out += bytes[copied..<whole.lowerBound]
                out += render(current, bytes: bytes, cuts: &pending, end: whole.upperBound)
                copied = whole.upperBound
                continue
            default: break
            }
            run = current
        }
        if let left = pending.first { throw Failure.notInRun(commentID: left.commentID) }
        out += bytes[copied...]
        return out
    }

    /// A run split at the cuts that fall in it (those before `end`), with their anchors between the parts.
    private static func render(_ run: Run, bytes: [UInt8], cuts: inout ArraySlice<Cut>, end: Int) -> [UInt8] {
        var out: [UInt8] = []
        var part: [Atom] = []
        func flush() {
            guard !part.isEmpty else { return }
            out += bytes[run.openTag]
            if let p = run.properties { out += bytes[p] }
            for atom in part {
                switch atom {
                case .raw(let r): out += bytes[r]
                case .text(let r, let cdata):
                    out += Array("<w:t xml:space=\"preserve\">".utf8)
                    out += cdata ? Array("<![CDATA[".utf8) + bytes[r] + Array("]]>".utf8) : Array(bytes[r])
                    out += Array("</w:t>".utf8)
                }
            }
            out += Array("</w:r>".utf8)
            part = []
        }
        func anchor(_ cut: Cut) {
            flush()
            out += Array(cut.markup.utf8)
        }
        for atom in run.children {
            while let cut = cuts.first, cut.offset <= atom.range.lowerBound { anchor(cuts.removeFirst()) }
            guard case .text(let r, let cdata) = atom else { part.append(atom); continue }
            var from = r.lowerBound
            while let cut = cuts.first, cut.offset < r.upperBound {
                if cut.offset > from { part.append(.text(from..<cut.offset, cdata: cdata)) }
                from = max(from, cut.offset)
                anchor(cuts.removeFirst())
            }
            if from < r.upperBound { part.append(.text(from..<r.upperBound, cdata: cdata)) }
        }
        flush()
        while let cut = cuts.first, cut.offset < end { anchor(cuts.removeFirst()) }
        return out
    }
}
