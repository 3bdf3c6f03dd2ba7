import Foundation

/// What the collecting rules keep of one report, as it crosses from a worker and waits for the batch: one frame
/// with the report's stamp (`ReportStamp`) once, then each rule's facts under the rule's id. Every built-in batch
/// rule starts from the stamp: decoding it again for each rule (its strings made six times over), and a frame
/// of its own for each rule, cost more than most rules' checks.
///
/// Layout (`OutcomeCodec`'s integers and strings): the stamp as an optional, a count, then for each rule its id
/// and its facts' bytes. A rule's `CompactFacts` leave the stamp out, and are given it back when read.
enum FactsFrame {
    /// The frame's key among a report's facts (`Linter.batchFacts`).
    static let key = "batch"

    static func encode(stamp: ReportStamp?, _ facts: [(id: String, bytes: [UInt8])]) -> Data {
        var w = OutcomeCodec.Writer()
        w.optional(stamp) { $0.stamp($1) }
        w.count(facts.count)
        for f in facts {
            w.string(f.id)
            w.bytes(f.bytes)
        }
        return Data(w.out)
    }

    /// A report's frame read: its stamp, and for each rule of `ids` (rule ids as UTF-8) the rule's facts, if the
    /// report has some (ids not among `ids` — another configuration's rules — are passed over). Nil for a garbled
    /// frame: the report is left out of the batch rather than misread.
    static func decode(_ frame: Data, ids: [[UInt8]]) -> (stamp: ReportStamp?, facts: [(rule: Int, bytes: ArraySlice<UInt8>)])? {
        var r = OutcomeCodec.Reader(bytes: ArraySlice(frame))
        do throws(OutcomeCodec.Malformed) {
            let stamp = try r.optional { (r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) in try r.stamp() }
            var facts: [(rule: Int, bytes: ArraySlice<UInt8>)] = []
            let n = try r.count()
            facts.reserveCapacity(n)
            for _ in 0..<n {
                // The id compared as bytes (no String made for it).
                let id = try r.slice()
                let bytes = try r.slice()
                if let rule = ids.firstIndex(where: { $0.elementsEqual(id) }) { facts.append((rule, bytes)) }
            }
            return r.atEnd ? (stamp, facts) : nil
        } catch {
            return nil
        }
    }
}

/// One report's facts for one collecting rule of a batch: the report's path and stamp, and the rule's facts as bytes.
struct BatchEntry: Sendable {
    var path: String
    var stamp: ReportStamp?
    var facts: ArraySlice<UInt8>
}

extension OutcomeCodec.Reader {
    /// A length and that many bytes, as a view of the frame (not copied).
    mutating func slice() throws(OutcomeCodec.Malformed) -> ArraySlice<UInt8> {
        let n = try count()
        defer { position += n }
        return data[position..<(position + n)]
    }
}
