import Foundation

/// A compact binary form of `Runner.Outcome`, for the two places an outcome leaves memory: the answer of a
/// worker process to the supervisor, and the spool a batch writes while its batch rules wait for every
/// report. Foundation's JSONEncoder/JSONDecoder did this before and cost more than checking a short draft.
///
/// Layout: unsigned LEB128 integers (zig-zag for signed ones), strings as length + UTF-8, optionals as a
/// 0/1 byte, arrays and dictionaries as a count and their elements. A `LoadError` (rare) goes as JSON inside.
/// Decoding checks every length against the bytes left, so a truncated or garbled frame is an error, never
/// a trap.
enum OutcomeCodec {
    struct Malformed: Error {}

    static func encode(_ outcome: Runner.Outcome) -> [UInt8] {
        var w = Writer()
        switch outcome {
        case .checked(let file, let facts):
            w.byte(0)
            w.file(file)
            w.count(facts.count)
            for (key, value) in facts.sorted(by: { $0.key < $1.key }) {
                w.string(key)
                w.bytes(Array(value))
            }
        case .failed(let failure):
            w.byte(1)
            w.failure(failure)
        }
        return w.out
    }

    static func decode(_ bytes: ArraySlice<UInt8>) throws(Malformed) -> Runner.Outcome {
        var r = Reader(bytes: bytes)
        let outcome: Runner.Outcome
        switch try r.byte() {
        case 0:
            let file = try r.file()
            let n = try r.count()
            var facts = [String: Data](minimumCapacity: n)
            for _ in 0..<n { facts[try r.string()] = Data(try r.slice()) }
            outcome = .checked(file, facts: facts)
        case 1:
            outcome = .failed(try r.failure())
        default:
            throw Malformed()
        }
        guard r.atEnd else { throw Malformed() }
        return outcome
    }

    struct Writer {
        var out: [UInt8] = []

        mutating func byte(_ b: UInt8) { out.append(b) }

        mutating func uint(_ value: UInt64) {
            var v = value
            while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            out.append(UInt8(v))
        }

        mutating func int(_ value: Int) {
            let v = Int64(value)
            uint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
        }

        mutating func count(_ n: Int) { uint(UInt64(n)) }

        mutating func bytes(_ b: [UInt8]) { count(b.count); out.append(contentsOf: b) }

        mutating func string(_ s: String) {
            count(s.utf8.count)
            out.append(contentsOf: s.utf8)
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            guard let value else { byte(0); return }
            byte(1)
            write(&self, value)
        }

        mutating func localized(_ l: Localized) { string(l.zh); string(l.en) }

        mutating func file(_ f: LintResults.File) {
            string(f.path)
            optional(f.report) { w, r in
                w.optional(r.title) { $0.string($1) }
                w.optional(r.body) { $0.string($1) }
                w.optional(r.bodySource) { $0.string($1) }
                w.optional(r.year) { $0.int($1) }
                w.optional(r.yearSource) { $0.string($1) }
                w.optional(r.era) { $0.string($1) }
                w.string(r.format)
                w.count(r.sourceLines.count)
                for (line, text) in r.sourceLines.sorted(by: { $0.key < $1.key }) { w.int(line); w.string(text) }
                w.optional(r.fullText) { w, lines in
                    w.count(lines.count)
                    for line in lines { w.string(line) }
                }
            }
            count(f.diagnostics.count)
            for d in f.diagnostics { diagnostic(d) }
        }

        mutating func diagnostic(_ d: Diagnostic) {
            string(d.ruleID)
            byte(UInt8(d.severity.rank))
            localized(d.message)
            string(d.path)
            int(d.line); int(d.column); int(d.endLine); int(d.endColumn)
            string(d.snippet)
            optional(d.fix) { w, fix in w.localized(fix.description); w.string(fix.replacement) }
            count(d.related.count)
            for r in d.related {
                optional(r.path) { w, p in w.string(p) }
                int(r.line); int(r.column); int(r.endColumn); localized(r.message)
            }
        }

        mutating func failure(_ f: LintResults.Failure) {
            string(f.path)
            bytes(Array((try? JSONEncoder().encode(f.error)) ?? Data()))
        }
    }

    struct Reader {
        let data: ArraySlice<UInt8>
        var position: Int

        init(bytes: ArraySlice<UInt8>) {
            data = bytes
            position = bytes.startIndex
        }

        var atEnd: Bool { position == data.endIndex }

        mutating func byte() throws(Malformed) -> UInt8 {
            guard position < data.endIndex else { throw Malformed() }
            defer { position += 1 }
            return data[position]
        }

        mutating func uint() throws(Malformed) -> UInt64 {
            var value: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw Malformed() }
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
        }

        mutating func int() throws(Malformed) -> Int {
            let u = try uint()
            let v = Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
            guard let i = Int(exactly: v) else { throw Malformed() }
            return i
        }

        /// A count or a length: never more than the bytes left (each element takes at least one byte).
        mutating func count() throws(Malformed) -> Int {
            let n = try uint()
            guard n <= UInt64(data.endIndex - position) else { throw Malformed() }
            return Int(n)
        }

        mutating func bytes() throws(Malformed) -> [UInt8] {
            let n = try count()
            defer { position += n }
            return Array(data[position..<(position + n)])
        }

        mutating func string() throws(Malformed) -> String {
            let n = try count()
            defer { position += n }
            return String(decoding: data[position..<(position + n)], as: UTF8.self)
        }

        mutating func optional<T>(_ read: (inout Reader) throws(Malformed) -> T) throws(Malformed) -> T? {
            switch try byte() {
            case 0: return nil
            case 1: return try read(&self)
            default: throw Malformed()
            }
        }

        mutating func localized() throws(Malformed) -> Localized { Localized(zh: try string(), en: try string()) }

        mutating func file() throws(Malformed) -> LintResults.File {
            let path = try string()
            let report = try optional { (r: inout Reader) throws(Malformed) in
                let title = try r.optional { (r: inout Reader) throws(Malformed) in try r.string() }
                let body = try r.optional { (r: inout Reader) throws(Malformed) in try r.string() }
                let bodySource = try r.optional { (r: inout Reader) throws(Malformed) in try r.string() }
                let year = try r.optional { (r: inout Reader) throws(Malformed) in try r.int() }
                let yearSource = try r.optional { (r: inout Reader) throws(Malformed) in try r.string() }
                let era = try r.optional { (r: inout Reader) throws(Malformed) in try r.string() }
                let format = try r.string()
                var lines: [Int: String] = [:]
                for _ in 0..<(try r.count()) { lines[try r.int()] = try r.string() }
                let fullText = try r.optional { (r: inout Reader) throws(Malformed) in
                    var all: [String] = []
                    for _ in 0..<(try r.count()) { all.append(try r.string()) }
                    return all
                }
                return LintResults.ReportSummary(title: title, body: body, bodySource: bodySource, year: year,
                                                 yearSource: yearSource, era: era, format: format, sourceLines: lines,
                                                 fullText: fullText)
            }
            var diagnostics: [Diagnostic] = []
            for _ in 0..<(try count()) { diagnostics.append(try diagnostic()) }
            return LintResults.File(path: path, report: report, diagnostics: diagnostics)
        }

        mutating func diagnostic() throws(Malformed) -> Diagnostic {
            let rule = try string()
            let rank = Int(try byte())
            guard let severity = Severity.allCases.first(where: { $0.rank == rank }) else { throw Malformed() }
            let message = try localized(), path = try string()
            let line = try int(), column = try int(), endLine = try int(), endColumn = try int()
            let snippet = try string()
            let fix = try optional { (r: inout Reader) throws(Malformed) in Fix(description: try r.localized(), replacement: try r.string()) }
            var related: [RelatedLocation] = []
            for _ in 0..<(try count()) {
                let other = try optional { (r: inout Reader) throws(Malformed) in try r.string() }
                related.append(RelatedLocation(path: other, line: try int(), column: try int(), endColumn: try int(), message: try localized()))
            }
            return Diagnostic(ruleID: rule, severity: severity, message: message, path: path, line: line, column: column,
                              endLine: endLine, endColumn: endColumn, snippet: snippet, fix: fix, related: related)
        }

        mutating func failure() throws(Malformed) -> LintResults.Failure {
            let path = try string()
            guard let error = try? JSONDecoder().decode(LoadError.self, from: Data(try bytes())) else { throw Malformed() }
            return LintResults.Failure(path: path, error: error)
        }
    }
}
