import Testing
@testable import ReportLint

/// table-identity as a property: a consistent 表三 (2019 and 2021 layouts) or 表四, rendered as tab text,
/// Markdown pipes or columns of spaces, never fires; changing any single figure always does, at or naming the
/// changed row. Seeded, so every run checks the same few hundred tables.
@Suite("Table identities as a property")
struct TableIdentityPropertyTests {
    typealias F = TableFixtures

    @Test("consistent 表三 never fires; any single-cell change does", arguments: [Era.y2019, .y2021])
    func table3(_ layout: Era) {
        let year = layout == .y2019 ? 2020 : 2023
        for seed in 0..<12 {
            var rng = F.Seeded(UInt64(seed) &* 7919 &+ UInt64(year))
            let grid = F.consistentTable3(layout, &rng)
            for shape in F.Shape.allCases {
                let text = F.report(year: year, table3: F.render(grid, shape), table4: "")
                let clean = TestSupport.lint(text, rule: "table-identity", path: F.path(shape))
                #expect(clean.isEmpty, "\(layout) \(shape) seed \(seed): \(clean.map(\.message.zh))")
                // One changed figure in a random row and column.
                var changed = grid
                let r = Int.random(in: 0..<grid.rows.count, using: &rng), c = Int.random(in: 0..<7, using: &rng)
                changed.rows[r].values[c] += Int.random(in: 1...9, using: &rng)
                let mutated = F.report(year: year, table3: F.render(changed, shape), table4: "")
                expectFires(mutated, shape: shape, row: changed.rows[r].label, context: "\(layout) \(shape) seed \(seed) row \(r) column \(c)")
            }
        }
    }

    @Test("consistent 表四 never fires; any single-cell change does")
    func table4() {
        for seed in 0..<24 {
            var rng = F.Seeded(UInt64(seed) &+ 4242)
            let grid = F.consistentTable4(&rng)
            let shape = F.Shape.allCases[seed % 3]
            let text = F.report(year: 2024, table3: "", table4: F.render(grid, shape))
            #expect(TestSupport.lint(text, rule: "table-identity", path: F.path(shape)).isEmpty, "\(shape) seed \(seed)")
            for cell in 0..<15 where cell % 5 == seed % 5 || cell == seed % 15 {
                var changed = grid
                changed.rows[0].values[cell] += Int.random(in: 1...5, using: &rng)
                let mutated = F.report(year: 2024, table3: "", table4: F.render(changed, shape))
                expectFires(mutated, shape: shape, row: nil, context: "表四 \(shape) seed \(seed) cell \(cell)")
            }
        }
    }

    /// table-identity fires, and one of its findings (or their related cells) is on the changed row's line.
    private func expectFires(_ text: String, shape: F.Shape, row label: String?, context: String) {
        let found = TestSupport.lint(text, rule: "table-identity", path: F.path(shape))
        let lines = text.components(separatedBy: "\n")
        let target: Int? = label.map { l in lines.firstIndex { $0.contains(l) && $0.contains(where: \.isNumber) } }
            ?? lines.lastIndex { $0.split(whereSeparator: { " \t|".contains($0) }).count == 15 }
        #expect(!found.isEmpty, "\(context): no finding")
        guard let target else { Issue.record("\(context): changed row not found"); return }
        let touched = found.flatMap { [$0.line] + $0.related.map(\.line) }
        #expect(touched.contains(target + 1), "\(context): findings at \(touched), changed line \(target + 1)")
    }
}
