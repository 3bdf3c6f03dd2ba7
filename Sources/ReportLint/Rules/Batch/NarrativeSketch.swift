import Foundation

/// What `duplicate-content` keeps of a report's narrative: the prose (no tables, no headings, no title), cut into
/// sentences, and a sample of each sentence's shingles — hashed runs of `shingle` characters of the sentence
/// made comparable: white space and punctuation dropped, each run of digits one mark, the body's own names and
/// “我镇”, “本机关”… one mark (a report copied from another body has its name and figures changed, and is still a
/// copy). A shingle is kept when its hash falls in one `sampling`-th of the hash space, the same for every
/// report, so two reports keep the same shingles of the text they share.
public struct NarrativeSketch: Codable, Sendable {
    /// The prose, paragraphs joined by line feeds, as UTF-8 (for the snippet of a finding: decoded only then,
    /// for the few reports a finding quotes).
    var text: [UInt8]
    /// Where each joined line starts: offset in `text`, line in the text view, offset in that line (flat triples).
    var piecesPacked: PackedIntegers
    /// Each sentence: start and end offsets in `text`, and its length in comparable characters (flat triples).
    var sentencesPacked: PackedIntegers
    /// The sampled shingles: hash (4 bytes) and sentence index (2 bytes), little-endian.
    var samples: [UInt8]

    static let shingle = 10
    static let sampling: UInt64 = 4
    static let maxScalars = 30_000

    var pieces: [Int] { piecesPacked.values }
    var sentences: [Int] { sentencesPacked.values }
    var sentenceCount: Int { sentences.count / 3 }
    func sentence(_ i: Int) -> (start: Int, end: Int, weight: Int) {
        let s = sentences
        return (s[3 * i], s[3 * i + 1], s[3 * i + 2])
    }

    /// The samples as (hash, sentence).
    var sampleList: [(hash: UInt32, sentence: Int)] {
        var list: [(hash: UInt32, sentence: Int)] = []
        list.reserveCapacity(samples.count / 6)
        for o in stride(from: 0, to: samples.count - 5, by: 6) { list.append((hash(at: o), Int(samples[o + 4]) | Int(samples[o + 5]) << 8)) }
        return list
    }

    /// The samples' hashes, in order (without their sentences: what a batch indexes of every report).
    var sampleHashes: [UInt32] {
        var list: [UInt32] = []
        list.reserveCapacity(samples.count / 6)
        for o in stride(from: 0, to: samples.count - 5, by: 6) { list.append(hash(at: o)) }
        return list
    }

    /// The hash of the sample at byte offset `o` of `samples`.
    private func hash(at o: Int) -> UInt32 {
        UInt32(samples[o]) | UInt32(samples[o + 1]) << 8 | UInt32(samples[o + 2]) << 16 | UInt32(samples[o + 3]) << 24
    }

    /// The place in the text view of offset `at` of `text`, up to `end` on the same line.
    func span(_ at: Int, _ end: Int) -> TextSpan {
        let pieces = self.pieces
        var piece = 0
        while piece + 3 < pieces.count, pieces[piece + 3] <= at { piece += 3 }
        guard pieces.count >= 3 else { return TextSpan(line: 0, start: 0, end: 0) }
        let next = piece + 3 < pieces.count ? pieces[piece + 3] : Int.max
        let start = pieces[piece + 2] + at - pieces[piece]
        return TextSpan(line: pieces[piece + 1], start: start, end: start + max(0, min(end, next) - at))
    }

    /// The text of [start, end), cut at a line feed and after `limit` characters (with “…”).
    func excerpt(_ start: Int, _ end: Int, limit: Int) -> String {
        let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
        let s = max(0, min(start, scalars.count)), e = max(s, min(end, scalars.count))
        var piece = Array(scalars[s..<e])
        if let lf = piece.firstIndex(of: "\n") { piece = Array(piece[..<lf]) }
        return piece.count > limit ? piece.prefix(limit).string + "…" : piece.string
    }
}

extension NarrativeSketch {
    /// The sketch of a report's prose; `names` are the body's own names and the pack's subject words.
    /// Sentences stating the statistics period (`standard`: the pack's period markers) are left out: every report has one.
    init(_ report: Report, names: ComparablePhrases, standard: ComparablePhrases) {
        var builder = Builder(marks: names, standard: standard)
        let titleLines = Set(report.title?.pieces.map(\.line) ?? [])
        for p in report.paragraphs where !p.isHeading && !p.pieces.contains(where: { titleLines.contains($0.line) }) {
            guard builder.count + p.scalars.count < Self.maxScalars else { break }
            builder.add(p)
        }
        text = builder.text
        piecesPacked = PackedIntegers(builder.pieces)
        sentencesPacked = PackedIntegers(builder.sentences)
        samples = builder.samples
    }

    /// The sketch as it is built, paragraph by paragraph. (A struct with mutating methods rather than local
    /// functions closing over local arrays: captured arrays are boxed, and every append then paid for the box.)
    private struct Builder {
        let marks: ComparablePhrases
        let standard: ComparablePhrases
        /// The prose as UTF-8, and its length in scalars (the offsets below count scalars).
        var text: [UInt8] = [], count = 0
        var pieces: [Int] = [], sentences: [Int] = [], samples: [UInt8] = []
        /// The sentence being read: its comparable characters, and the offsets in the paragraph of the first and
        /// the last (only those are kept: an offset for every character was a fifth of `add`).
        var chars: [UInt32] = [], first = 0, last = 0

        /// A sentence is looked up at each of its characters against the standard sentences that start so.
        func isStandard(_ chars: [UInt32]) -> Bool { chars.indices.contains { standard.match(chars, at: $0) != nil } }

        mutating func add(_ p: Paragraph) {
            let base = count
            for piece in p.pieces {
                pieces.append(base + piece.offset)
                pieces.append(piece.line)
                pieces.append(piece.lineOffset)
            }
            // Comparable characters, with where the sentence's first and last come from; a sentence ends at 。！？；
            // and the paragraph's end.
            var inDigits = false
            for (k, u) in p.scalars.enumerated() {
                if let c = NarrativeSketch.comparable(u) {
                    if c == NarrativeSketch.digitMark { if inDigits { continue }; inDigits = true } else { inDigits = false }
                    chars.append(c)
                    if chars.count == 1 { first = k }
                    last = k
                } else {
                    inDigits = false
                    switch u { case "。", "！", "？", "；", "!", "?", ";": close(base) default: break }
                }
            }
            close(base)
            // Encoded into uninitialised storage (four bytes a scalar at most), then appended at once: appending
            // byte by byte to `text` checked its uniqueness and capacity at every byte, two thirds of `add`.
            let bytes = [UInt8](unsafeUninitializedCapacity: 4 * p.scalars.count) { out, n in
                n = 0
                for u in p.scalars { UTF8.encode(u) { out[n] = $0; n += 1 } }
            }
            text.append(contentsOf: bytes)
            text.append(0x0A)
            count += p.scalars.count + 1
        }

        /// Ends the sentence being read: kept with its sampled shingles unless short or standard.
        mutating func close(_ base: Int) {
            defer { chars.removeAll(keepingCapacity: true) }
            let shingle = NarrativeSketch.shingle
            guard chars.count >= shingle, sentences.count / 3 < Int(UInt16.max), !isStandard(chars) else { return }
            let (folded, _) = NarrativeSketch.mark(chars, marks)
            let index = sentences.count / 3
            sentences.append(base + first)
            sentences.append(base + last + 1)
            sentences.append(folded.count)
            guard folded.count >= shingle else { return }
            for i in 0...(folded.count - shingle) {
                let h = NarrativeSketch.hash(folded[i..<(i + shingle)])
                guard (h >> 40) % NarrativeSketch.sampling == 0 else { continue }
                let h32 = UInt32(truncatingIfNeeded: h)
                samples += [UInt8(h32 & 0xFF), UInt8(h32 >> 8 & 0xFF), UInt8(h32 >> 16 & 0xFF), UInt8(h32 >> 24),
                            UInt8(index & 0xFF), UInt8(index >> 8)]
            }
        }
    }

    static let digitMark: UInt32 = 0x23  // “#”
    static let nameMark: UInt32 = 0x40  // “@”

    /// A character as compared: Han and letters (lowercased) as they are, any digit as `digitMark`; nil for the rest.
    static func comparable(_ u: Unicode.Scalar) -> UInt32? {
        if u.isDigitLike { return digitMark }
        if u.isHan { return u.value }
        guard isLetter(u) else { return nil }
        return u.isASCII ? u.value | 0x20 : u.properties.lowercaseMapping.unicodeScalars.first?.value ?? u.value
    }

    /// A text's comparable characters (`comparable`), one for each scalar that has one.
    static func comparableForm(_ text: String) -> [UInt32] {
        var form: [UInt32] = []
        form.reserveCapacity(text.utf8.count / 3 + 1)
        for u in text.unicodeScalars { if let c = comparable(u) { form.append(c) } }
        return form
    }

    /// `properties.isAlphabetic`, answered without the Unicode property lookup for ASCII and for the
    /// punctuation of Chinese text (a sixth of a report's characters, and the lookup cost a hundred
    /// instructions each).
    static func isLetter(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return (0x61...0x7A).contains(u.value | 0x20) }
        switch u.value {
        case 0x3001, 0x3002, 0x3008...0x3011, 0xFF01, 0xFF05, 0xFF08, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F,
             0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7, 0x3000:
            return false  // 、。〈〉《》「」『』【】！％（），．：；？—‘’“”…· and the ideographic space
        default:
            return u.properties.isAlphabetic
        }
    }

    /// The characters with every occurrence of a name replaced by `nameMark`.
    static func mark(_ chars: [UInt32], _ names: ComparablePhrases) -> ([UInt32], Int) {
        guard !names.list.isEmpty else { return (chars, 0) }
        var out: [UInt32] = [], i = 0, replaced = 0
        out.reserveCapacity(chars.count)
        while i < chars.count {
            if let n = names.match(chars, at: i) {
                out.append(nameMark)
                i += n
                replaced += 1
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return (out, replaced)
    }

    /// FNV-1a, 64 bits, over the characters, then mixed (so that the sampled bits are well spread).
    static func hash<C: Collection>(_ chars: C) -> UInt64 where C.Element == UInt32 {
        var h = StreamHash()
        for c in chars { h.add(c) }
        return h.value
    }

    /// `hash` fed one character at a time, for a text too long to gather first (`report-version-conflict`).
    struct StreamHash {
        private var h: UInt64 = 0xCBF2_9CE4_8422_2325

        mutating func add(_ c: UInt32) { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }

        var value: UInt64 {
            var h = self.h
            h ^= h >> 33
            h = h &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 33
            return h
        }
    }

    /// The hashes of every shingle of standard phrases (kept or not: a phrase is shorter than a sample's gap).
    static func shingleHashes(_ phrases: [String], names: [String]) -> Set<UInt32> {
        var set: Set<UInt32> = []
        let marks = ComparablePhrases(names)
        for chars in ComparablePhrases(phrases).list.map({ mark($0, marks).0 }) where chars.count >= shingle {
            for i in 0...(chars.count - shingle) { set.insert(UInt32(truncatingIfNeeded: hash(chars[i..<(i + shingle)]))) }
        }
        return set
    }
}

/// Phrases as `NarrativeSketch` compares them (comparable characters, two or more), longest first, with a mask
/// of the characters they begin with: most characters of a text begin none, and are passed over on one test of
/// the mask rather than a look at every phrase.
struct ComparablePhrases: Sendable {
    let list: [[UInt32]]
    private let firsts: UInt64

    init(_ phrases: [String]) { self.init(forms: phrases.map(NarrativeSketch.comparableForm)) }

    init(forms: [[UInt32]]) {
        list = forms.filter { $0.count >= 2 }.sorted { $0.count > $1.count }
        firsts = list.reduce(0) { $0 | Self.bit($1[0]) }
    }

    /// `forms` and `sorted`'s phrases, longest first: `forms` sorted and merged into `sorted`'s list (the pack's
    /// subject words are sorted once; sorting them again with each report's names cost more than the names).
    init(_ forms: [[UInt32]], adding sorted: ComparablePhrases) {
        let own = forms.filter { $0.count >= 2 }.sorted { $0.count > $1.count }, other = sorted.list
        var list: [[UInt32]] = [], a = 0, b = 0
        list.reserveCapacity(own.count + other.count)
        while a < own.count || b < other.count {
            if b == other.count || (a < own.count && own[a].count >= other[b].count) { list.append(own[a]); a += 1 } else { list.append(other[b]); b += 1 }
        }
        self.list = list
        firsts = own.reduce(sorted.firsts) { $0 | Self.bit($1[0]) }
    }

    /// The length of the longest phrase standing at `i` of `chars`, if one does.
    func match(_ chars: [UInt32], at i: Int) -> Int? {
        guard firsts & Self.bit(chars[i]) != 0 else { return nil }
        for p in list where i + p.count <= chars.count && chars[i] == p[0] && chars[i..<(i + p.count)].elementsEqual(p) { return p.count }
        return nil
    }

    private static func bit(_ c: UInt32) -> UInt64 { 1 << UInt64(c & 63) }
}
