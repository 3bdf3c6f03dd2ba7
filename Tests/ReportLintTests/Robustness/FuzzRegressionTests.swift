import Foundation
import Testing
@testable import ReportLint

/// Every input the libFuzzer harnesses of Fuzz/ ever crashed or hung on, kept under
/// Tests/Fixtures/fuzz/<target>/ exactly as the fuzzer wrote it (so `.build-fuzz/bin/<target> FILE`
/// replays it), plus a small deterministic fuzz run of the sample reports, so that CI keeps some fuzz
/// coverage without libFuzzer. See Fuzz/README.md.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let fixtures = TestSupport.root.appendingPathComponent("Tests/Fixtures/fuzz")

    /// The fixtures of one harness, by file name.
    static func inputs(_ target: String) -> [(String, [UInt8])] {
        let dir = fixtures.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            (name, [UInt8]((try? Data(contentsOf: dir.appendingPathComponent(name))) ?? Data()))
        }
    }

    /// Loads, reads and checks with every rule; a refusal must be a `LoadError`, and nothing may take long.
    /// Returns the document when it loaded.
    @discardableResult
    static func pipeline(_ bytes: [UInt8], format: InputFormat, path: String, name: String,
                         seconds: Double = 10) -> Document? {
        let clock = ContinuousClock()
        let start = clock.now
        var document: Document?
        do throws(LoadError) {
            document = try DocumentLoader().load(bytes: bytes, path: path, format: format)
        } catch {
            #expect(!error.message(.en).isEmpty, "\(name)")
        }
        if let document { run(document) }
        let elapsed = clock.now - start
        #expect(elapsed < .seconds(seconds), "\(name) took \(elapsed)")
        return document
    }

    static func run(_ document: Document) {
        let linter = Linter()
        let (report, diagnostics) = linter.lint(document)
        _ = linter.checkBatch([(document.path, linter.batchFacts(report))])
        for d in diagnostics { #expect(d.line >= 1 && d.column >= 1) }
    }

    // MARK: - One test per harness: the same input mapping as Fuzz/<Harness>.swift

    /// Fuzz/LintFuzz.swift: the first byte picks the document shape, the rest is UTF-8 text.
    @Test func lint() {
        for (name, data) in Self.inputs("lint") where !data.isEmpty {
            let clock = ContinuousClock(), start = clock.now
            Self.run(Self.lintDocument(data))
            #expect(clock.now - start < .seconds(10), "\(name)")
        }
    }

    static func lintDocument(_ data: [UInt8]) -> Document {
        let mode = data[0] & 3
        let raw = TextDecoding.splitLines(String(decoding: data.dropFirst(), as: UTF8.self))
        var lines: [DocumentLine] = []
        switch mode {
        case 2:
            var table = 0, inTable = false
            for line in raw {
                if line.contains("\t") {
                    if !inTable { table += 1; inTable = true }
                    let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                    lines.append(DocumentLine(line, kind: .tableRow, cells: cells, tableID: table))
                } else {
                    inTable = false
                    let level = line.prefix(while: { $0 == "#" }).count
                    lines.append(level > 0 ? DocumentLine(String(line.dropFirst(level)), kind: .heading(level: level))
                                           : DocumentLine(line))
                }
            }
        default:
            lines = raw.map { DocumentLine($0) }
        }
        let format: InputFormat = mode == 1 ? .markdown : mode == 2 ? .docx : .text
        return Document(path: "fuzz.\(format.rawValue)", format: format, lines: lines)
    }

    /// Fuzz/TextLoaderFuzz.swift: the first byte picks the encoding the rest is presented in.
    @Test func text() {
        for (name, data) in Self.inputs("text") where !data.isEmpty {
            let mode = data[0] & 7
            let rest = Array(data.dropFirst())
            let text = String(decoding: rest, as: UTF8.self)
            let bytes: [UInt8]
            switch mode {
            case 2: bytes = [0xEF, 0xBB, 0xBF] + rest
            case 3: bytes = [0xFF, 0xFE] + Self.utf16(text, littleEndian: true)
            case 4: bytes = [0xFE, 0xFF] + Self.utf16(text, littleEndian: false)
            case 5: bytes = Self.utf16(text, littleEndian: true)
            case 6: bytes = Self.utf16(text, littleEndian: false)
            case 7: bytes = TextDecoding.iconvConvert(Array(text.utf8), from: "UTF-8", to: "GB18030") ?? rest
            default: bytes = rest
            }
            Self.pipeline(bytes, format: mode == 1 ? .markdown : .text, path: mode == 1 ? "fuzz.md" : "fuzz.txt", name: name)
        }
    }

    /// Fuzz/DocxFuzz.swift: the bytes are the .docx.
    @Test func docx() {
        for (name, data) in Self.inputs("docx") {
            Self.pipeline(data, format: .docx, path: "fuzz.docx", name: name)
        }
    }

    /// Fuzz/DocxXMLFuzz.swift: the bytes, split at the part marker, become document.xml, styles.xml and
    /// numbering.xml of a valid zip.
    @Test func docxXML() {
        let marker = Array("\n<!--PART-->\n".utf8)
        for (name, data) in Self.inputs("docx-xml") {
            var builder = ZipBuilder()
            for (part, piece) in zip(["word/document.xml", "word/styles.xml", "word/numbering.xml"], Self.split(data, on: marker)) {
                builder.add(part, bytes: piece, deflate: false)
            }
            Self.pipeline(builder.build(), format: .docx, path: "fuzz.docx", name: name)
        }
    }

    /// Fuzz/HTMLFuzz.swift: the bytes are the page.
    @Test func html() {
        for (name, data) in Self.inputs("html") {
            Self.pipeline(data, format: .html, path: "fuzz.html", name: name)
        }
    }

    @Test func everyFixtureFolderHasAHarness() throws {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)) ?? []
        for folder in folders where !folder.hasPrefix(".") {
            #expect(["lint", "text", "docx", "docx-xml", "html"].contains(folder), "Tests/Fixtures/fuzz/\(folder)")
        }
    }

    // MARK: - Mini-fuzz: seeded mutations of the sample reports through load + read + lint

    /// 2,000 mutations (byte flips, cuts, insertions of CJK characters, digits, punctuation and table
    /// separators) of windows of reports/*.txt and *.md; deterministic (fixed seed), a few seconds.
    @Test func miniFuzz() throws {
        let reports = TestSupport.root.appendingPathComponent("reports")
        let names = try FileManager.default.contentsOfDirectory(atPath: reports.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        let samples = try names.map { [UInt8](try Data(contentsOf: reports.appendingPathComponent($0))) }
        try #require(!samples.isEmpty)
        var random = SplitMix64(seed: 0x5EED_2024)
        let clock = ContinuousClock()
        var loaded = 0
        var durations: [Duration] = []
        for i in 0..<2_000 {
            let sample = samples[i % samples.count]
            // A window of the report keeps each run short; every 50th run takes the whole report.
            var bytes: [UInt8]
            if i % 50 == 0 {
                bytes = sample
            } else {
                let length = 200 + random.next(below: 1_000)
                let from = Self.boundary(sample, random.next(below: max(1, sample.count - length)))
                bytes = Array(sample[from..<Self.boundary(sample, min(sample.count, from + length))])
            }
            for _ in 0..<(1 + random.next(below: 8)) { Self.mutate(&bytes, &random) }
            let format: InputFormat = i % 7 == 3 ? .markdown : .text
            let start = clock.now
            if Self.pipeline(bytes, format: format, path: "mini.\(format.rawValue)", name: "mutation \(i)") != nil { loaded += 1 }
            durations.append(clock.now - start)
        }
        #expect(loaded > 1_000, "most mutants should still load as text (\(loaded) did)")
        // No mutant may be pathological (a quadratic path, a near-hang): the slowest stays within a hundred times
        // the median — a ratio, so that a loaded machine does not fail the test (speed is the benchmark's job).
        let sorted = durations.sorted(), median = sorted[sorted.count / 2]
        #expect(sorted.last! < max(median * 100, .milliseconds(500)), "slowest mutant \(sorted.last!), median \(median)")
    }

    static let insertions: [[UInt8]] = [
        "一、", "（二）", "件", "条", "%", "％", "。", "，", "、", "：", "2023年", "二〇二三年", "第", "其中", "合计",
        "\t", "|", " | ", "\n", "\r\n", "---", "0", "9", "１", "100", "99999999999999999999", ".", "-", "#", "《", "》",
        "（", "）", "予以公开", "本年新收政府信息公开申请数量", "政府信息公开工作年度报告", "\u{FFFD}", "\u{200B}",
    ].map { Array($0.utf8) }

    /// Mostly edits at character boundaries, so that most mutants are still UTF-8 and reach the reader;
    /// one edit in ten is a raw byte flip or insertion (a damaged or binary file).
    static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let at = boundary(bytes, random.next(below: bytes.count + 1))
        switch random.next(below: 20) {
        case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.next(below: 8))
        case 1: bytes.insert(UInt8(random.next(below: 256)), at: at)
        case 2...6: bytes.removeSubrange(at..<boundary(bytes, min(bytes.count, at + random.next(below: 16))))
        case 7: bytes.removeSubrange(at...)
        default: bytes.insert(contentsOf: insertions[random.next(below: insertions.count)], at: at)
        }
    }

    /// The first UTF-8 character boundary at or after `index`.
    static func boundary(_ bytes: [UInt8], _ index: Int) -> Int {
        var i = index
        while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
        return i
    }

    // MARK: - Helpers

    static func split(_ bytes: [UInt8], on separator: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = [], start = 0, i = 0
        while i + separator.count <= bytes.count {
            if bytes[i..<i + separator.count].elementsEqual(separator) {
                pieces.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(Array(bytes[start...]))
        return pieces
    }

    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { u -> [UInt8] in
            littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
    }
}

/// A small deterministic generator (SplitMix64), so the mini-fuzz is the same run every time.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform enough in 0..<n (n > 0) for fuzzing.
    mutating func next(below n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
