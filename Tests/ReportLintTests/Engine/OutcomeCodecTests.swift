import Foundation
import Testing
@testable import ReportLint

/// Outcomes cross from worker processes and through the batch spool in `OutcomeCodec`'s binary form: what
/// comes out must be what went in, and a damaged frame must be an error, not a crash.
@Suite("Outcome codec")
struct OutcomeCodecTests {
    static func outcomes() -> [Runner.Outcome] {
        let files = ["reports/shexi-2019.txt", "reports/table-errors-2022.txt", "reports/correct-2020.md",
                     "Tests/Fixtures/merged-cells.docx", "Tests/Fixtures/no-such-file.txt"]
        let runner = Runner(linter: Linter(), jobs: 1)
        var result = files.map { runner.process(.path(TestSupport.root.appendingPathComponent($0).path)) }
        var whole = runner
        whole.keepsFullText = true  // a lone draft for the html page: every line travels with it
        result.append(whole.process(.path(TestSupport.root.appendingPathComponent(files[0]).path)))
        let fact = Data("{\"year\":2023}".utf8)
        result.append(.checked(.init(path: "b.txt", report: nil, diagnostics: []), facts: ["carry-over-mismatch": fact, "a": Data()]))
        result.append(.failed(.init(path: "c.docx", error: .toolMissing(tool: "pdftotext", package: "poppler-utils"))))
        return result
    }

    /// The outcome as JSON (Codable), to compare two outcomes whole.
    static func json(_ o: Runner.Outcome) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(o), as: UTF8.self)
    }

    @Test func roundTripKeepsEverything() throws {
        let outcomes = Self.outcomes()
        let diagnostics = outcomes.reduce(0) { n, o in if case .checked(let f, _) = o { n + f.diagnostics.count } else { n } }
        #expect(diagnostics > 10, "the sample outcomes carry diagnostics with fixes and related locations")
        #expect(outcomes.contains { if case .checked(let f, _) = $0 { (f.report?.fullText?.count ?? 0) > 30 } else { false } })
        for o in outcomes {
            let decoded = try OutcomeCodec.decode(OutcomeCodec.encode(o)[...])
            #expect(try Self.json(decoded) == Self.json(o))
        }
    }

    @Test func damagedFramesAreErrors() {
        for o in Self.outcomes() {
            let bytes = OutcomeCodec.encode(o)
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
                #expect(throws: OutcomeCodec.Malformed.self) { try OutcomeCodec.decode(bytes[..<cut]) }
            }
            #expect(throws: OutcomeCodec.Malformed.self) { try OutcomeCodec.decode((bytes + [0])[...]) }
            var flipped = bytes
            flipped[0] = 7
            #expect(throws: OutcomeCodec.Malformed.self) { try OutcomeCodec.decode(flipped[...]) }
        }
    }
}
