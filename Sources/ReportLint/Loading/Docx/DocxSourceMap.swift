/// Where the characters of one line of a .docx text view came from in word/document.xml, so that a
/// finding's span can be put back on the exact words in Word (`--annotate`).
///
/// Recorded only when asked (`DocxLoader(recordingSources: true)`): a plain load keeps no segments. The
/// Word comments anchored on a line (`comments`) are recorded always — they are few, and suppression
/// (`xxgk-lint-disable` in a comment) needs them on every load.
///
/// What maps and what does not:
/// - text of `w:t` (in runs of paragraphs, table cells, hyperlinks, tracked insertions `w:ins`, the
///   result of fields `w:fldSimple` / after a complex field's `separate`): each character to its bytes;
/// - `w:tab`, `w:ptab`, `w:noBreakHyphen`: the one character to the element;
/// - text the loader generates maps to nothing: automatic list numbers ("一、", "（二）"), the space that
///   joins pieces across a line break or between the paragraphs of a cell, the tab between table cells,
///   the empty cells of merged ones. Field codes, deleted text (`w:del`), hidden text and text boxes are
///   not in the view at all.
public struct DocxLineSource: Sendable, Equatable {
    /// The mapped stretches of the line, in order, not overlapping; gaps are generated text.
    var segments: [DocxSourceSegment] = []
    /// Ids of the Word comments (`w:commentRangeStart`/`End`, or a lone `w:commentReference`) on this line.
    var comments: [String] = []

    var isEmpty: Bool { segments.isEmpty && comments.isEmpty }
}

/// `length` characters (scalars) of a line, from `column` (0-based), taken from `bytes` of word/document.xml.
struct DocxSourceSegment: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Character data of a `w:t`, references not decoded (`cdata`: a CDATA section, taken as it is).
        case text(cdata: Bool)
        /// An element that shows as one character (`w:tab`): the whole tag.
        case element
    }
    var column: Int
    var length: Int
    var bytes: Range<Int>
    var kind: Kind
    /// Characters of `bytes` before the first one in the line (white space trimmed from a table cell).
    var skip = 0

    func shifted(by offset: Int) -> DocxSourceSegment {
        var s = self
        s.column += offset
        return s
    }
}

/// The result of mapping a span of the text view back to word/document.xml.
public enum DocxSpanMapping: Sendable, Equatable {
    /// The span starts at byte `start` and ends at byte `end` of word/document.xml: a comment range put
    /// at these two places holds exactly the span's words (with whatever Word does not show in between).
    case mapped(start: Int, end: Int)
    /// The span's first or last character has no place in the file (generated text such as a list
    /// number), or the line was not recorded or lies outside the document.
    case unmapped(UnmappedReason)

    public enum UnmappedReason: Sendable, Equatable {
        case generated
        case notRecorded
        case outOfRange
    }
}

extension Document {
    /// Maps a span of the text view — from (`line`, `column`) to (`endLine`, `endColumn`), 1-based, end
    /// column exclusive, as a `Diagnostic` gives it — back to byte offsets of word/document.xml.
    /// `documentXML` is the part as the loader read it (UTF-8). Never guesses: see `DocxSpanMapping`.
    public func docxSpan(line: Int, column: Int, endLine: Int, endColumn: Int, documentXML: [UInt8]) -> DocxSpanMapping {
        guard line >= 1, endLine >= line, endLine <= lines.count, column >= 1, endColumn >= 1 else { return .unmapped(.outOfRange) }
        let last = endColumn - 2  // the span's last character, 0-based
        guard endLine > line || last >= column - 1 else { return .unmapped(.outOfRange) }
        guard let first = lines[line - 1].docxSource, let final = lines[endLine - 1].docxSource,
              !first.segments.isEmpty, !final.segments.isEmpty else { return .unmapped(.notRecorded) }
        guard let start = Self.offset(of: column - 1, in: first.segments, xml: documentXML, after: false),
              let end = Self.offset(of: last, in: final.segments, xml: documentXML, after: true) else {
            return .unmapped(.generated)
        }
        return .mapped(start: start, end: end)
    }

    /// The whole mapped text of a line (from its first mapped character to its last), for a finding that
    /// cannot be placed more exactly; nil when nothing of the line maps.
    public func docxLineSpan(_ line: Int) -> DocxSpanMapping {
        guard line >= 1, line <= lines.count else { return .unmapped(.outOfRange) }
        guard let segments = lines[line - 1].docxSource?.segments, let first = segments.first, let last = segments.last else {
            return .unmapped(.notRecorded)
        }
        return .mapped(start: first.bytes.lowerBound, end: last.bytes.upperBound)
    }

    /// The byte offset before (or, `after`, behind) the character at `column` of a line.
    static func offset(of column: Int, in segments: [DocxSourceSegment], xml: [UInt8], after: Bool) -> Int? {
        guard let s = segments.first(where: { column >= $0.column && column < $0.column + $0.length }) else { return nil }
        switch s.kind {
        case .element: return after ? s.bytes.upperBound : s.bytes.lowerBound
        case .text(let cdata):
            let starts = Self.scalarOffsets(xml[s.bytes], cdata: cdata)
            // The decoding must give the recorded number of characters, or the bytes are not what was read.
            guard starts.count >= s.skip + s.length else { return nil }
            let k = column - s.column + s.skip
            return after ? (k + 1 < starts.count ? starts[k + 1] : s.bytes.upperBound) : starts[k]
        }
    }

    /// The byte offset where each character of raw XML character data begins, references counting as one
    /// character, as `Entities.decode` reads them (invalid UTF-8 makes the count disagree: then unmapped).
    static func scalarOffsets(_ raw: ArraySlice<UInt8>, cdata: Bool) -> [Int] {
        var starts: [Int] = []
        var i = raw.startIndex
        while i < raw.endIndex {
            starts.append(i)
            let b = raw[i]
            if !cdata, b == UInt8(ascii: "&"), let length = Entities.referenceLength(in: raw, at: i) {
                i += length
            } else if b < 0x80 { i += 1 } else if b >= 0xF0 { i += 4 } else if b >= 0xE0 { i += 3 } else if b >= 0xC0 { i += 2 } else {
                return []  // a continuation byte where a character should begin: not valid UTF-8
            }
        }
        return i == raw.endIndex ? starts : []
    }
}
