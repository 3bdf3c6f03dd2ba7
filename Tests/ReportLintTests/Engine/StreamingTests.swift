import Foundation
import Testing
@testable import ReportLint

/// A batch is handed on file by file, in input order, while it is checked; with batch rules the files wait
/// in a spool and come back with the batch findings merged in.
@Suite("Streaming a batch")
struct StreamingTests {
    /// A collecting rule for the test: two files with the same report title; each finding names the other file.
    struct SameTitleRule: CollectingRule {
        static let descriptor = RuleDescriptor(
            id: "test-same-title", severity: .warning, name: Localized(zh: "标题相同", en: "same title"),
            summary: Localized(zh: "", en: ""), rationale: Localized(zh: "", en: ""), basis: Localized(zh: "", en: ""),
            triggering: [], nonTriggering: [])
        struct Facts: Codable, Sendable { var title: String; var line: Int }
        func facts(of report: Report, _ context: RuleContext) -> Facts? {
            report.title.map { Facts(title: $0.text, line: ($0.pieces.first?.line ?? 0) + 1) }
        }
        func check(_ entries: [CollectedFacts<Facts>], _ context: RuleContext) -> [Finding] {
            let groups = Dictionary(grouping: entries, by: \.facts.title)
            return entries.compactMap { entry in
                guard let other = groups[entry.facts.title]?.first(where: { $0.path != entry.path }) else { return nil }
                let span = TextSpan(line: entry.facts.line - 1, start: 0, end: 1)
                return Finding(location: .init(path: entry.path, span: span, snippet: entry.facts.title),
                               message: Localized(zh: "标题与另一份相同", en: "same title as another report"),
                               related: [.init(.init(path: other.path, span: TextSpan(line: other.facts.line - 1, start: 0, end: 1)),
                                               message: Localized(zh: "另一份", en: "the other"))])
            }
        }
    }

    @Test func batchFindingsJoinTheirFilesInOrder() throws {
        let seed = try String(contentsOf: TestSupport.root.appendingPathComponent("reports/shexi-2019.txt"), encoding: .utf8)
        let other = try String(contentsOf: TestSupport.root.appendingPathComponent("reports/correct-2023.txt"), encoding: .utf8)
        let inputs: [Runner.Input] = [
            .bytes(Array(seed.utf8), name: "a.txt", format: .text),
            .bytes(Array(other.utf8), name: "b.txt", format: .text),
            .bytes(Array(seed.utf8), name: "c.txt", format: .text),
            .bytes([], name: "d.txt", format: .text),
        ]
        let plain = Runner(linter: Linter(), jobs: 3).run(inputs)
        let batch = Runner(linter: Linter(rules: RuleRegistry.makeRules() + [SameTitleRule()]), jobs: 3).run(inputs)
        // The first outcomes wait in memory, the rest in the spool on disk: the same results either way.
        var spooling = Runner(linter: Linter(rules: RuleRegistry.makeRules() + [SameTitleRule()]), jobs: 3)
        spooling.heldOutcomes = 1
        let spooled = spooling.run(inputs)
        #expect(spooled.files.map(\.path) == batch.files.map(\.path) && spooled.failures.map(\.path) == batch.failures.map(\.path))
        #expect(zip(spooled.files, batch.files).allSatisfy { $0.diagnostics == $1.diagnostics })
        #expect(batch.files.map(\.path) == ["a.txt", "b.txt", "c.txt"])
        #expect(batch.failures.map(\.path) == ["d.txt"])
        for (p, b) in zip(plain.files, batch.files) {
            let added = b.diagnostics.filter { $0.ruleID == "test-same-title" }
            #expect(added.count == (p.path == "b.txt" ? 0 : 1), "\(p.path)")
            // The counterpart is named by its path, through the spool.
            if p.path != "b.txt" { #expect(added.first?.related.first?.path == (p.path == "a.txt" ? "c.txt" : "a.txt")) }
            #expect(b.diagnostics.filter { $0.ruleID != "test-same-title" } == p.diagnostics)
            #expect(b.diagnostics == b.diagnostics.sorted(by: Diagnostic.documentOrder))
        }
    }

    @Test func resultsComeInOrderWithBoundedBacklog() {
        let count = 2_000, window = 16
        let delivered = Locked(0), worstBacklog = Locked(0)
        var seen: [Int] = []
        OrderedParallel.run(count: count, jobs: 4, window: window, body: { next, store in
            while let i = next() {
                let backlog = i - delivered.value
                worstBacklog.update { $0 = max($0, backlog) }
                if i % 97 == 0 { usleep(2_000) }  // a slow file holds the ones after it back
                store(i, i)
            }
        }, deliver: { i in
            seen.append(i)
            delivered.update { $0 += 1 }
        })
        #expect(seen == Array(0..<count))
        #expect(worstBacklog.value <= window, "no thread runs more than `window` items ahead of the output")
    }

    final class Locked<T: Sendable>: @unchecked Sendable {
        private var stored: T
        private let lock = NSLock()
        init(_ value: T) { stored = value }
        var value: T { lock.lock(); defer { lock.unlock() }; return stored }
        func update(_ body: (inout T) -> Void) { lock.lock(); body(&stored); lock.unlock() }
    }
}

/// Which files a folder stands for.
@Suite("Expanding folders")
struct ExpandTests {
    @Test func foldersExpandToReadableFilesInPathOrder() throws {
        let root = TestSupport.scratch.appendingPathComponent("xxgk-expand-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        for dir in ["sub", ".hidden", "~$lock", "sub/deeper"] {
            try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        for file in ["b.txt", "a.DOCX", "sub/c.md", "sub/deeper/d.html", "sub/old.doc", ".hidden/e.txt", "~$lock/f.txt",
                     "~$g.docx", ".h.txt", "picture.png", "notes.pdf"] {
            fm.createFile(atPath: root.appendingPathComponent(file).path, contents: Data("x".utf8))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: root.appendingPathComponent("b.txt").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: root.appendingPathComponent("sub").path)
        let expanded = Runner.expand([root.path, "/no/such/file.txt"])
        let base = root.path + "/"
        #expect(expanded == ["a.DOCX", "b.txt", "link.txt", "notes.pdf", "sub/c.md", "sub/deeper/d.html", "sub/old.doc"].map { base + $0 }
                + ["/no/such/file.txt"])
    }
}
