/// The words of a PDF with their positions, as `pdftotext -tsv` prints them: one word a line, with its page and
/// its box (left, top, width, height in points, y growing downwards).
///
/// The output of an external program run on an untrusted file is itself untrusted: every field is checked, a
/// line that does not parse is skipped, coordinates must be finite and of a page's magnitude, and the number of
/// words is bounded. Nothing here can trap on any input (the loader is fuzzed).
struct PDFWord: Equatable {
    var text: [Unicode.Scalar]
    var x0: Double, y0: Double, x1: Double, y1: Double

    var height: Double { y1 - y0 }
    var width: Double { x1 - x0 }
    var centerY: Double { (y0 + y1) / 2 }
}

/// One page's words, in the order pdftotext gave them.
struct PDFPage {
    var words: [PDFWord] = []
}

enum PDFWords {
    /// At most this many words are kept (a 5-page report has about 2,000): beyond it the text is cut short
    /// rather than memory or time growing without bound.
    static let maximumWords = 2_000_000
    /// Coordinates beyond this many points are not of any real page.
    static let maximumCoordinate = 1.0e6

    /// Parses `pdftotext -tsv` output: level-1 rows start pages, level-5 rows are words.
    static func pages(fromTSV bytes: [UInt8]) -> [PDFPage] {
        var pages: [PDFPage] = []
        var count = 0
        var lineStart = 0
        var fields: [Range<Int>] = []
        fields.reserveCapacity(12)
        while lineStart < bytes.count, count < maximumWords {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            // Split into at most 12 fields: the 12th (the text) keeps any further tab.
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for i in lineStart..<lineEnd where bytes[i] == 0x09 && fields.count < 11 {
                fields.append(fieldStart..<i)
                fieldStart = i + 1
            }
            fields.append(fieldStart..<lineEnd)
            guard fields.count == 12, let level = integer(bytes[fields[0]]) else { continue }
            if level == 1 {
                pages.append(PDFPage())
                continue
            }
            guard level == 5,
                  let left = number(bytes[fields[6]]), let top = number(bytes[fields[7]]),
                  let width = number(bytes[fields[8]]), let height = number(bytes[fields[9]]),
                  width >= 0, height > 0 else { continue }
            var textBytes = bytes[fields[11]]
            if textBytes.last == 0x0D { textBytes = textBytes.dropLast() }
            let text = Array(String(decoding: textBytes, as: UTF8.self).unicodeScalars.filter { !$0.properties.isWhitespace })
            guard !text.isEmpty else { continue }
            if pages.isEmpty { pages.append(PDFPage()) }
            pages[pages.count - 1].words.append(PDFWord(text: text, x0: left, y0: top, x1: left + width, y1: top + height))
            count += 1
        }
        return pages
    }

    /// A small non-negative decimal integer, or nil.
    private static func integer(_ b: ArraySlice<UInt8>) -> Int? {
        guard !b.isEmpty, b.count <= 9 else { return nil }
        var v = 0
        for c in b {
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    /// A finite decimal number of a page's magnitude ("81.000000", "-3.5"), or nil.
    private static func number(_ b: ArraySlice<UInt8>) -> Double? {
        guard !b.isEmpty, b.count <= 32 else { return nil }
        var i = b.startIndex, negative = false
        if b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var value = 0.0, scale = 0.0, digits = 0
        while i < b.endIndex {
            let c = b[i]
            if c >= 0x30, c <= 0x39 {
                if scale > 0 { value += Double(c - 0x30) * scale; scale /= 10 } else { value = value * 10 + Double(c - 0x30) }
                digits += 1
            } else if c == UInt8(ascii: "."), scale == 0 {
                scale = 0.1
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, value.isFinite, value <= maximumCoordinate else { return nil }
        return negative ? -value : value
    }
}
