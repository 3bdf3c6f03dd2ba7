import Testing
@testable import ReportLint

/// Every rule's own examples are its unit tests: triggering examples fire exactly at their ↓ markers,
/// non-triggering ones stay silent — as written, with an astral character before the marker on its line
/// (column arithmetic in code points), and with CRLF line ends.
@Suite("Rule examples")
struct RuleExampleTests {
    static let descriptors = RuleRegistry.descriptors

    @Test("triggering examples fire at their markers", arguments: descriptors.map(\.id))
    func triggering(_ id: String) {
        let d = RuleRegistry.descriptor(id)!
        #expect(!d.triggering.isEmpty, "\(id) has no triggering example")
        for example in d.triggering {
            let (text, markers) = example.cleaned
            #expect(!markers.isEmpty, "\(id): triggering example without ↓ marker: \(example.text)")
            check(id, text, year: example.year, expect: markers, variant: "plain", at: example)
            check(id, text.replacingOccurrences(of: "\n", with: "\r\n"), year: example.year, expect: markers, variant: "CRLF", at: example)
            // 𠮷 (U+20BB7, two UTF-16 units) at the start of each marker line shifts those markers by one column.
            let markerLines = Set(markers.map(\.line))
            if markers.allSatisfy({ $0.column > 1 }) {
                let shifted = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                    .map { markerLines.contains($0.offset + 1) ? "𠮷" + $0.element : String($0.element) }
                    .joined(separator: "\n")
                check(id, shifted, year: example.year, expect: markers.map { ($0.line, $0.column + 1) }, variant: "astral", at: example)
            }
        }
    }

    @Test("non-triggering examples stay silent", arguments: descriptors.map(\.id))
    func nonTriggering(_ id: String) {
        let d = RuleRegistry.descriptor(id)!
        #expect(!d.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        for example in d.nonTriggering {
            for text in [example.text, example.text.replacingOccurrences(of: "\n", with: "\r\n"), Self.astralPrefixed(example.text)] {
                let found = Self.lint(example, text, rule: id).filter { $0.path == example.name }
                #expect(found.isEmpty, "\(id) fired on a non-triggering example: \(found.map { "\($0.line):\($0.column) \($0.message.zh)" }) in \(example.text)",
                        sourceLocation: example.sourceLocation)
            }
        }
    }

    @Test("every rule has names, messages and a basis in both languages", arguments: descriptors.map(\.id))
    func bilingual(_ id: String) {
        let d = RuleRegistry.descriptor(id)!
        for text in [d.name, d.summary, d.rationale, d.basis] {
            #expect(!text.zh.isEmpty && !text.en.isEmpty)
            #expect(text.zh.unicodeScalars.contains { $0.isHan }, "\(id): Chinese text without Chinese")
        }
    }

    /// An example linted alone, or — a collecting rule's — with the other reports of its batch.
    static func lint(_ example: RuleExample, _ text: String, rule id: String) -> [Diagnostic] {
        guard !example.batch.isEmpty else { return TestSupport.lint(text, year: example.year, rule: id, path: example.name) }
        return TestSupport.lintBatch([(example.name, text)] + example.batch, year: example.year, rule: id)
    }

    /// 𠮷 before every prose line (not headings, not the title), so columns shift but structure does not.
    static func astralPrefixed(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let first = line.unicodeScalars.first, first.isHan, !ChineseNumerals.isNumeral(first),
                  !line.contains("报告") else { return String(line) }
            return "𠮷" + line
        }.joined(separator: "\n")
    }

    private func check(_ id: String, _ text: String, year: Int?, expect markers: [(line: Int, column: Int)], variant: String,
                       at example: RuleExample) {
        let found = Self.lint(example, text, rule: id).filter { $0.path == example.name }
        let starts = Set(found.map { "\($0.line):\($0.column)" })
        let wanted = Set(markers.map { "\($0.line):\($0.column)" })
        #expect(starts == wanted, "\(id) [\(variant)]: fired at \(starts.sorted()) but markers are at \(wanted.sorted()) in \(text)",
                sourceLocation: example.sourceLocation)
        for d in found {
            #expect(!d.message.zh.isEmpty && !d.message.en.isEmpty)
            #expect(!d.snippet.isEmpty)
        }
    }
}

extension RuleExample {
    /// The example's own line in its rule file: a failing example is reported there, as SwiftLint's are.
    var sourceLocation: SourceLocation {
        SourceLocation(fileID: "ReportLint/" + (file.split(separator: "/").last.map(String.init) ?? file), filePath: file,
                       line: line, column: 1)
    }
}
