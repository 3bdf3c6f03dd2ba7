import Foundation
import Testing
@testable import ReportLint

/// pdftotext's `-tsv` output comes from any PDF, so the loader takes it as hostile: malformed rows, impossible
/// coordinates, huge or degenerate tables. Nothing may trap or take long (the `pdf-tsv` fuzz harness runs the
/// same path for hours; these are its quick deterministic cousins for `swift test`).
@Suite("PDF word positions, hostile")
struct PDFTSVRobustnessTests {
    static let header = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"

    static func word(_ x: String, _ y: String, _ w: String, _ h: String, _ text: String, page: Int = 1) -> String {
        "5\t\(page)\t0\t0\t0\t0\t\(x)\t\(y)\t\(w)\t\(h)\t100\t\(text)\n"
    }

    /// Loads and lints within `seconds`; a refusal must be a LoadError.
    static func survive(_ tsv: String, seconds: Double = 5, _ name: String) {
        let clock = ContinuousClock(), start = clock.now
        if let document = try? PDFLoader.document(fromTSV: Array(tsv.utf8), path: "a.pdf") {
            FuzzRegressionTests.run(document)
        }
        #expect(clock.now - start < .seconds(seconds), "\(name) took \(clock.now - start)")
    }

    @Test func malformedRowsAndCoordinates() {
        let page = "1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n"
        let cases: [(String, String)] = [
            ("empty", ""),
            ("header only", Self.header),
            ("words before any page", Self.word("10", "10", "5", "5", "一、本年新收") + Self.word("80", "10", "5", "5", "3")),
            ("short rows", "5\t1\t0\n5\t\t\t\t\t\t\t\t\t\t\t\n\t\t\t\n"),
            ("not numbers", page + Self.word("x", "1e5", "nan", "inf", "3") + Self.word("-", ".", "..", "1.2.3", "4")),
            ("huge and negative", page + Self.word("-999999", "999999", "999999", "0.000001", "7") + Self.word("1e308", "1", "1", "1", "8")),
            ("zero and negative sizes", page + Self.word("10", "10", "0", "0", "9") + Self.word("10", "10", "-5", "-5", "10")),
            ("tabs and controls in text", page + "5\t1\t0\t0\t0\t0\t10\t10\t5\t5\t100\t总\t计\u{0}\u{0C}\r\n"),
            ("invalid UTF-8", page + "5\t1\t0\t0\t0\t0\t10\t10\t5\t5\t100\t\u{FFFD}\n"),
            ("level overflow", "99999999999999999999\t1\t0\t0\t0\t0\t1\t1\t1\t1\t1\tx\n"),
        ]
        for (name, tsv) in cases { Self.survive(tsv, name) }
        #expect(PDFWords.pages(fromTSV: Array((page + Self.word("-999999", "5", "1", "1", "x")).utf8)).first?.words.count == 1)
        #expect(PDFWords.pages(fromTSV: Array((page + Self.word("1e5", "5", "1", "1", "x")).utf8)).first?.words.isEmpty == true)
    }

    /// Degenerate tables: every word on one spot, a grid of thousands of figures, one line of a thousand figures,
    /// a tower of single characters: each stays near-linear.
    @Test func degenerateTables() {
        var sameSpot = "1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n"
        for i in 0..<3000 { sameSpot += Self.word("100", "100", "10", "10", i % 3 == 0 ? "一、本" : "\(i)") }
        Self.survive(sameSpot, "all words on one spot")

        var grid = "1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n"
        for r in 0..<600 {
            grid += Self.word("10", "\(20 + r * 12)", "40", "10", r % 7 == 0 ? "（\(r)）不" : "第\(r)行")
            for c in 0..<8 { grid += Self.word("\(100 + c * 30)", "\(20 + r * 12)", "8", "10", "\(r * c)") }
        }
        Self.survive(grid, seconds: 10, "600 rows of 8 figures")

        var wide = "1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n" + Self.word("0", "100", "20", "10", "总计")
        for c in 0..<1000 { wide += Self.word("\(30 + c * 12)", "100", "8", "10", "\(c)") }
        Self.survive(wide, "one line of a thousand figures")

        var tower = "1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###\n"
        for r in 0..<2000 {
            tower += Self.word("10", "\(Double(r) * 10.5)", "10", "10", "年")
            if r % 3 == 0 { tower += Self.word("200", "\(Double(r) * 10.5)", "8", "10", "\(r)") + Self.word("300", "\(Double(r) * 10.5)", "8", "10", "1") }
        }
        Self.survive(tower, seconds: 10, "a tower of single characters beside rows")
    }

    /// The fixtures' real TSV, mutated: bytes flipped, lines shuffled, fields swapped (seeded, reproducible).
    @Test(.enabled(if: PDFLoaderTests.hasPdftotext)) func mutatedRealOutput() throws {
        let pdf = try Array(Data(contentsOf: URL(fileURLWithPath: TestFiles.fixture("filled-template-2024.pdf"))))
        let tsv = try Array(ExternalTool.run(ExternalTool.find("pdftotext")!, arguments: ["-tsv", "-enc", "UTF-8", "{in}", "{out}"],
                                             input: pdf, timeout: 30))
        var rng = TableFixtures.Seeded(11)
        for round in 0..<40 {
            var bytes = tsv
            for _ in 0..<(1 + round * 3) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch round % 4 {
                case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes[i] = [0x09, 0x0A, 0x2D, 0x2E, 0x30, 0x39][Int.random(in: 0..<6, using: &rng)]
                case 2: bytes.insert(contentsOf: Array("\t-0.0\t".utf8), at: i)
                default: bytes.removeSubrange(i..<min(bytes.count, i + Int.random(in: 1...40, using: &rng)))
                }
            }
            var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            if round % 5 == 4 { lines.shuffle(using: &rng) }
            Self.survive(lines.joined(separator: "\n"), "mutation round \(round)")
        }
    }
}
