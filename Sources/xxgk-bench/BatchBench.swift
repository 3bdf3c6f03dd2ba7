import Dispatch
import Foundation
import ReportLint

/// `xxgk-bench --batch [N]`: the batch rules over a province-size batch. N distinct drafts (N/4 bodies — towns,
/// townships, sub-districts, departments of made-up counties — four years each, 2021–2024, carry-overs agreeing),
/// with copies and carry-over slips planted in a few: the CLI with and without the batch rules (wall time, peak
/// RSS, the ratio), the batch rules alone in this process (each one's time), and what they found against what was
/// planted.
enum BatchBench {
    static let batchRules = ["carry-over-mismatch", "duplicate-content", "identical-tables", "peer-outlier",
                             "report-version-conflict", "ambiguous-body"]

    static func run(cli: String, count: Int, keep: String?) -> Int32 {
        let dir = URL(fileURLWithPath: keep ?? NSTemporaryDirectory()).appendingPathComponent("xxgk-bench-batch-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: dir) } }
        let generated = Date()
        let (paths, planted) = write(count: count, into: dir)
        print("xxgk-lint batch benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores; \(paths.count) drafts of \(paths.count / 4) bodies in \(dir.path) "
              + String(format: "(generated in %.1f s)", Date().timeIntervalSince(generated)))
        print("planted: \(planted.copies.count) reports sharing their narrative with another body's, \(planted.carry.count) carry-over slips")

        // The CLI as a county office runs it, with and without the batch rules.
        let with = spawn([cli, "--quiet", "--format", "json", "--output", "/dev/null", dir.path])
        let without = spawn([cli, "--quiet", "--format", "json", "--output", "/dev/null", "--disable", batchRules.joined(separator: ","), dir.path])
        row("CLI, every rule", String(format: "%.1f s, peak %d MB", with.seconds, with.peakKB / 1024))
        row("CLI, without the batch rules", String(format: "%.1f s, peak %d MB", without.seconds, without.peakKB / 1024))
        row("  ratio with / without batch rules", String(format: "%.2f×", with.seconds / max(without.seconds, 0.001)))

        // What each batch rule's facts cost a report (collecting and encoding), on the first 500.
        let sample = paths.prefix(500).compactMap { try? DocumentLoader().load(path: $0) }.map { Linter().reader.read($0) }
        for id in batchRules {
            var configuration = Configuration()
            for other in RuleRegistry.descriptors.map(\.id) where other != id { configuration.severities[other] = .some(nil) }
            let alone = Linter(configuration: configuration)
            let t = seconds { for r in sample { _ = alone.batchFacts(r) } }
            row("  facts of \(id), per report", String(format: "%.0f µs", t / Double(max(sample.count, 1)) * 1e6))
        }

        // The batch rules alone, in this process, over every report's facts.
        let linter = Linter()
        let runner = Runner(linter: linter, jobs: 1)
        let facts = Locked([(path: String, facts: [String: Data])?](repeating: nil, count: paths.count))
        let read = seconds {
            DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { worker in
                var i = worker
                while i < paths.count {
                    if case .checked(_, let f) = runner.process(.path(paths[i])) { facts.withLock { $0[i] = (paths[i], f) } }
                    i += ProcessInfo.processInfo.activeProcessorCount
                }
            }
        }
        let all = facts.withLock { $0.compactMap { $0 } }
        let factBytes = all.reduce(0) { $0 + $1.facts.values.reduce(0) { $0 + $1.count } }
        row("read + per-report rules + facts, in-process", String(format: "%.1f s", read))
        row("facts kept for the batch rules", "\(factBytes / 1024 / 1024) MB (\(factBytes / max(all.count, 1)) B a report)")
        var diagnostics: [Diagnostic] = []
        let total = seconds { diagnostics = linter.checkBatch(all) }
        row("batch rules, all together", String(format: "%.2f s", total), target: "≤ 60 s", ok: total <= 60)
        for id in batchRules {
            var configuration = Configuration()
            for other in batchRules where other != id { configuration.severities[other] = .some(nil) }
            let alone = Linter(configuration: configuration)
            row("  \(id)", String(format: "%.2f s", seconds { _ = alone.checkBatch(all) }))
        }
        row("peak RSS of the CLI run", "\(with.peakKB / 1024) MB", target: "≤ 1024 MB", ok: with.peakKB / 1024 <= 1024)

        // What was found, against what was planted.
        let byRule = Dictionary(grouping: diagnostics, by: \.ruleID)
        for id in batchRules { row("  findings: \(id)", "\(byRule[id]?.count ?? 0)") }
        let copies = Set(byRule["duplicate-content"]?.map(\.path) ?? [])
        let carry = Set(byRule["carry-over-mismatch"]?.map(\.path) ?? [])
        row("copies found / planted (others reported)", "\(copies.intersection(planted.copies).count) / \(planted.copies.count) (\(copies.subtracting(planted.copies).count))")
        row("carry-over slips found / planted (others)", "\(carry.intersection(planted.carry).count) / \(planted.carry.count) (\(carry.subtracting(planted.carry).count))")
        return 0
    }

    /// N/4 bodies × 2021–2024. Every 50th body (from the 7th) takes the next body's 2024 narrative; every 50th
    /// (from the 13th) misstates its 2024 上年结转.
    static func write(count: Int, into dir: URL) -> (paths: [String], planted: (copies: Set<String>, carry: Set<String>)) {
        var paths: [String] = [], copies: Set<String> = [], carry: Set<String> = []
        func narrative(_ body: Int, _ year: Int) -> [String] {
            var random = SampleBatch.Random(seed: UInt64(body) &* 10_007 &+ UInt64(year))
            return SampleBatch.sentences(&random, count: 10, we: SampleBatch.body(body).we)
        }
        for b in 0..<(count / 4) {
            let (name, we) = SampleBatch.body(b)
            var random = SampleBatch.Random(seed: UInt64(b) &* 7_919)
            var carried = [Int](repeating: 0, count: 6), inForce = 5 + random.next(20)
            for year in 2021...2024 {
                var own = narrative(b, year)
                if year == 2024, b % 50 == 7 {
                    own = narrative(b + 1, year).map { $0.replacingOccurrences(of: SampleBatch.body(b + 1).we, with: we) }
                }
                if year == 2024, b % 50 == 13 { carried[0] += 1 }
                let r = SampleBatch.report(body: name, we: we, year: year, own: own, carried: carried, inForceBefore: inForce, &random)
                carried = r.forward
                inForce = r.inForce
                let path = dir.appendingPathComponent("\(name)-\(year).txt").path
                _ = FileManager.default.createFile(atPath: path, contents: Data(r.text.utf8))
                paths.append(path)
                if year == 2024, b % 50 == 7 { copies.insert(path) }
                if year == 2024, b % 50 == 8 { copies.insert(path) }
                if year == 2024, b % 50 == 13 { carry.insert(path) }
            }
        }
        return (paths, (copies, carry))
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func row(_ name: String, _ value: String, target: String = "", ok: Bool? = nil) {
        print(name.padding(toLength: 52, withPad: " ", startingAt: 0) + value.padding(toLength: 30, withPad: " ", startingAt: 0)
              + target.padding(toLength: 12, withPad: " ", startingAt: 0) + (ok.map { $0 ? "ok" : "MISSED" } ?? ""))
    }
}

/// A value shared between threads.
final class Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func withLock<R>(_ body: (inout T) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&value) }
}
