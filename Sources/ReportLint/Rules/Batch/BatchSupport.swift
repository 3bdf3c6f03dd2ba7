import Foundation

/// Who and when a report is, as every batch rule keeps it: the body as named and normalised, the year, the
/// body's level, and where a finding about the whole report points (the title, else the first line).
public struct ReportStamp: Codable, Sendable {
    public var body: String?
    public var identity: BodyIdentity?
    public var year: Int?
    public var level: BodyLevel
    /// The title's first piece (or the first line with text), and its text.
    public var anchor: TextSpan
    public var anchorText: String

    init(body: String?, identity: BodyIdentity?, year: Int?, level: BodyLevel, anchor: TextSpan, anchorText: String) {
        self.body = body
        self.identity = identity
        self.year = year
        self.level = level
        self.anchor = anchor
        self.anchorText = anchorText
    }

    /// Nil for what is no annual report (a README among the drafts): batch rules leave it out.
    public init?(_ report: Report) {
        guard report.looksLikeAnnualReport else { return nil }
        body = report.body
        identity = report.bodyIdentity
        year = report.year?.value
        level = report.level
        let line = report.title?.pieces.first?.line ?? report.lines.firstIndex { !$0.string.trimmedBlanks.isEmpty } ?? 0
        let text = line < report.lines.count ? report.lines[line] : []
        anchor = TextSpan(line: line, start: 0, end: text.count)
        anchorText = text.string
    }

    /// Where a finding about the whole report of `path` stands.
    func location(_ path: String) -> Finding.Location { .init(path: path, span: anchor, snippet: anchorText.isEmpty ? (body ?? "") : anchorText) }
}

/// A value of a table cell with where it stands, as a batch rule keeps it.
public struct KeptCell: Codable, Sendable, Equatable {
    public var value: Double
    public var span: TextSpan

    init(value: Double, span: TextSpan) {
        self.value = value
        self.span = span
    }

    init?(_ value: TableValue?) {
        guard case .number(let v, _, let span) = value else { return nil }
        self.value = v
        self.span = span
    }

    var text: String { NumberText.plain(value) }
    func location(_ path: String) -> Finding.Location { .init(path: path, span: span, snippet: text) }
}

/// Facts that carry a stamp.
protocol Stamped { var stamp: ReportStamp { get } }

/// The reports of a batch by body and year, bodies resolved over the whole batch (`BodyIdentity.Resolver`).
struct BatchIndex<F: Stamped & Sendable> {
    let entries: [CollectedFacts<F>]
    /// The bodies and years of the entries, worked out once for the rules that see the same reports (`BatchMemo`).
    private let bodies: BodyIndex

    init(_ entries: [CollectedFacts<F>]) {
        self.entries = entries
        let key = entries.map { BodyIndex.Entry(identity: $0.facts.stamp.identity, year: $0.facts.stamp.year) }
        bodies = entries.first?.batch?.bodies(key) ?? BodyIndex(key, resolver: BodyIdentity.Resolver(key.compactMap { $0.identity }))
    }

    var resolver: BodyIdentity.Resolver { bodies.resolver }

    /// The body entry `i` is from — nil when it has no name, or a name the batch cannot tie to one body.
    func body(_ i: Int) -> String? { bodies.numbers[i].map { bodies.names[$0] } }

    /// The number of the body entry `i` is from (equal numbers: one body); nil as for `body(_:)`.
    func bodyNumber(_ i: Int) -> Int? { bodies.numbers[i] }

    /// How many bodies the batch has reports of (their numbers are 0..<bodyCount).
    var bodyCount: Int { bodies.names.count }

    /// The same body's reports of the year before entry `i`'s.
    func previousYear(of i: Int) -> [Int] {
        guard let n = bodies.numbers[i], let year = entries[i].facts.stamp.year else { return [] }
        return bodies.byBody[n][year - 1] ?? []
    }

    /// Every (body, year) with more than one report, with its entries, in order of body and year (only these are
    /// sorted: sorting every body's Chinese name was most of report-version-conflict's time).
    var repeatedGroups: [(body: String, year: Int, entries: [Int])] {
        bodies.byBody.indices.flatMap { n in bodies.byBody[n].compactMap { $0.value.count > 1 ? (bodies.names[n], $0.key, $0.value) : nil } }
            .sorted { ($0.body, $0.year) < ($1.body, $1.year) }
    }

    func path(_ i: Int) -> String { entries[i].path }
    func facts(_ i: Int) -> F { entries[i].facts }
}

enum BatchText {
    /// The file name of a path, for messages (the full path is in the related location).
    static func file(_ path: String) -> String {
        // After the last “/” (found on the bytes; splitting every path of a batch was a fifth of carry-over-mismatch).
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), case let name = path[path.utf8.index(after: slash)...], !name.isEmpty {
            return String(name)
        }
        return path.split(separator: "/").last.map(String.init) ?? path
    }

    /// 20 → “20%”.
    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }
}

/// Integers kept as one run of bytes (zig-zag LEB128), which JSON carries as one base64 string: a batch rule's
/// facts cross from worker processes and wait for the batch, and JSON arrays of numbers cost more to write and
/// read than the rule takes to make them.
public struct PackedIntegers: Codable, Sendable, Equatable {
    /// An array rather than `Data`: read, compared and released for every report of a batch, where `Data`'s
    /// generic representation cost more than the bytes.
    var bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    public init(_ values: [Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 2)
        for value in values {
            var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
            while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            out.append(UInt8(v))
        }
        bytes = out
    }

    public var values: [Int] {
        var result: [Int] = [], v: UInt64 = 0, shift: UInt64 = 0
        for b in bytes {
            guard shift < 64 else { return result }  // malformed: stop rather than trap
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 {
                result.append(Int(truncatingIfNeeded: Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)))
                v = 0
                shift = 0
            } else {
                shift += 7
            }
        }
        return result
    }

    public init(from decoder: Decoder) throws { bytes = [UInt8](try decoder.singleValueContainer().decode(Data.self)) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(Data(bytes))
    }
}
