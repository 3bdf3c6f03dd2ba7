import Foundation

/// Facts with a byte form of their own (`OutcomeCodec`'s integers and strings), used instead of JSON between
/// a report and its batch: every report of a province-size batch leaves facts for six rules, and JSON's
/// generic coding cost more than collecting them. The stamp is the report's (`ReportStamp(report)`, as
/// `StampedCollectingRule` gives it): it is not written with the facts but once in the report's frame
/// (`FactsFrame`), and handed back when they are read.
protocol CompactFacts: Stamped {
    /// The facts but their stamp.
    func write(_ w: inout OutcomeCodec.Writer)
    init(stamp: ReportStamp, _ r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed)
}

extension OutcomeCodec.Writer {
    mutating func span(_ s: TextSpan) { int(s.line); int(s.start); int(s.end) }
    mutating func double(_ v: Double) { uint(v.bitPattern) }
    mutating func cell(_ c: KeptCell?) { optional(c) { w, c in w.double(c.value); w.span(c.span) } }
    mutating func stamp(_ s: ReportStamp) {
        optional(s.body) { $0.string($1) }
        optional(s.identity) { $0.string($1.key) }
        optional(s.year) { $0.int($1) }
        string(s.level.rawValue)
        span(s.anchor)
        string(s.anchorText)
    }
}

extension OutcomeCodec.Reader {
    mutating func span() throws(OutcomeCodec.Malformed) -> TextSpan { TextSpan(line: try int(), start: try int(), end: try int()) }
    mutating func double() throws(OutcomeCodec.Malformed) -> Double { Double(bitPattern: try uint()) }
    mutating func cell() throws(OutcomeCodec.Malformed) -> KeptCell? {
        try optional { (r: inout Self) throws(OutcomeCodec.Malformed) in KeptCell(value: try r.double(), span: try r.span()) }
    }
    mutating func stamp() throws(OutcomeCodec.Malformed) -> ReportStamp {
        let body = try optional { (r: inout Self) throws(OutcomeCodec.Malformed) in try r.string() }
        let key = try optional { (r: inout Self) throws(OutcomeCodec.Malformed) in try r.string() }
        let year = try optional { (r: inout Self) throws(OutcomeCodec.Malformed) in try r.int() }
        guard let level = BodyLevel(rawValue: try string()) else { throw OutcomeCodec.Malformed() }
        return ReportStamp(body: body, identity: key.map { BodyIdentity(rawKey: $0) }, year: year, level: level,
                           anchor: try span(), anchorText: try string())
    }
    mutating func list<T>(_ read: (inout Self) throws(OutcomeCodec.Malformed) -> T) throws(OutcomeCodec.Malformed) -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }
}

extension CarryOverMismatchRule.Facts: CompactFacts {
    func write(_ w: inout OutcomeCodec.Writer) {
        for cells in [carried, forward] { w.count(cells.count); for c in cells { w.cell(c) } }
        w.count(documents.count)
        for d in documents { w.string(d.row); w.cell(d.issued); w.cell(d.repealed); w.cell(d.inForce) }
    }

    init(stamp: ReportStamp, _ r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) {
        self.stamp = stamp
        carried = try r.list { (r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) in try r.cell() }
        forward = try r.list { (r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) in try r.cell() }
        documents = try r.list { (r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) in
            CarryOverMismatchRule.DocumentRow(row: try r.string(), issued: try r.cell(), repealed: try r.cell(), inForce: try r.cell())
        }
    }
}

extension DuplicateContentRule.Facts: CompactFacts {
    func write(_ w: inout OutcomeCodec.Writer) {
        w.bytes(sketch.text)
        for bytes in [sketch.piecesPacked.bytes, sketch.sentencesPacked.bytes, sketch.samples] { w.bytes(bytes) }
    }

    init(stamp: ReportStamp, _ r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) {
        self.stamp = stamp
        sketch = NarrativeSketch(text: try r.bytes(), piecesPacked: PackedIntegers(bytes: try r.bytes()),
                                 sentencesPacked: PackedIntegers(bytes: try r.bytes()), samples: try r.bytes())
    }
}

extension IdenticalTablesRule.Facts: CompactFacts {
    func write(_ w: inout OutcomeCodec.Writer) {
        w.bytes(cells.bytes)
        w.int(nonZero)
        w.span(at)
        w.string(atText)
    }

    init(stamp: ReportStamp, _ r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) {
        self.init(stamp: stamp, cells: PackedIntegers(bytes: try r.bytes()), nonZero: try r.int(), at: try r.span(), atText: try r.string())
    }
}

extension PeerOutlierRule.Facts: CompactFacts {
    func write(_ w: inout OutcomeCodec.Writer) {
        w.count(figures.count)
        for f in figures { w.string(f.key); w.double(f.value); w.span(f.span); w.string(f.text) }
    }

    init(stamp: ReportStamp, _ r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) {
        self.stamp = stamp
        figures = try r.list { (r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) in
            PeerOutlierRule.Kept(key: try r.string(), value: try r.double(), span: try r.span(), text: try r.string())
        }
    }
}

extension ReportVersionConflictRule.Facts: CompactFacts {
    func write(_ w: inout OutcomeCodec.Writer) {
        w.uint(wording)
        w.uint(figures)
    }

    init(stamp: ReportStamp, _ r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) {
        self.init(stamp: stamp, wording: try r.uint(), figures: try r.uint())
    }
}

extension AmbiguousBodyRule.Facts: CompactFacts {
    func write(_ w: inout OutcomeCodec.Writer) {}
    init(stamp: ReportStamp, _ r: inout OutcomeCodec.Reader) throws(OutcomeCodec.Malformed) { self.init(stamp: stamp) }
}
