import Dispatch
import Foundation

/// Lints a list of inputs: load → read → check for each, in parallel, then the batch rules over what each
/// report left behind. One unreadable file costs only that file: it is recorded as a failure and the rest go
/// on. With `isolation`, files are checked in worker processes, so that even a crash or a hang on one file
/// costs only that file.
public struct Runner: Sendable {
    public var linter: Linter
    public var loader: DocumentLoader
    public var jobs: Int
    public var isolation: Isolation?

    /// Checking in worker processes: the executable to start as a worker, and the per-file time budget.
    public struct Isolation: Sendable {
        public var executable: String
        public var arguments: [String]
        public var timeout: Double

        public init(executable: String, arguments: [String], timeout: Double) {
            self.executable = executable
            self.arguments = arguments
            self.timeout = timeout
        }
    }

    public init(linter: Linter, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, isolation: Isolation? = nil) {
        self.linter = linter
        self.loader = DocumentLoader(limits: linter.configuration.limits)
        self.jobs = max(1, jobs)
        self.isolation = isolation
    }

    /// An input to lint: a path on disk, or bytes (standard input) with the name to report them under.
    public enum Input: Sendable {
        case path(String)
        case bytes([UInt8], name: String, format: InputFormat)

        public var name: String {
            switch self {
            case .path(let p): p
            case .bytes(_, let name, _): name
            }
        }
    }

    /// What checking one input leaves behind: its diagnostics and the batch rules' facts, or why it failed.
    public enum Outcome: Sendable, Codable {
        case checked(LintResults.File, facts: [String: Data])
        case failed(LintResults.Failure)
    }

    public func run(_ inputs: [Input]) -> LintResults {
        let outcomes: [Outcome]
        if let isolation, inputs.count > 1, inputs.allSatisfy({ if case .path = $0 { true } else { false } }) {
            outcomes = Supervisor(isolation: isolation, workers: min(jobs, inputs.count)).run(inputs.map(\.name))
        } else {
            outcomes = ParallelMap.map(inputs, jobs: jobs) { process($0) }
        }
        var files: [LintResults.File] = []
        var failures: [LintResults.Failure] = []
        var facts: [(path: String, facts: [String: Data])] = []
        for outcome in outcomes {
            switch outcome {
            case .checked(let file, let f):
                files.append(file)
                if !f.isEmpty { facts.append((file.path, f)) }
            case .failed(let failure):
                failures.append(failure)
            }
        }
        if facts.count > 1 {
            let batch = linter.checkBatch(facts)
            for k in files.indices {
                files[k].diagnostics += batch.filter { $0.path == files[k].path }
                files[k].diagnostics.sort(by: Diagnostic.documentOrder)
            }
        }
        return LintResults(files: files, failures: failures)
    }

    /// Checks one input in this process.
    public func process(_ input: Input) -> Outcome {
        do throws(LoadError) {
            let document: Document
            switch input {
            case .path(let p): document = try loader.load(path: p)
            case .bytes(let b, let name, let format): document = try loader.load(bytes: b, path: name, format: format)
            }
            let (report, diagnostics) = linter.lint(document)
            return .checked(.init(path: input.name, report: Self.summary(report, diagnostics), diagnostics: diagnostics),
                            facts: linter.batchFacts(report))
        } catch {
            return .failed(.init(path: input.name, error: error))
        }
    }

    /// What the reporters need of a report: its identity, and the text of the lines the diagnostics point at.
    static func summary(_ r: Report, _ diagnostics: [Diagnostic]) -> LintResults.ReportSummary {
        var sourceLines: [Int: String] = [:]
        for d in diagnostics where d.line - 1 < r.document.lines.count {
            sourceLines[d.line] = r.document.lines[d.line - 1].text
        }
        return .init(title: r.title?.text, body: r.body, year: r.year?.value, era: r.era?.rawValue,
                     format: r.document.format.rawValue, sourceLines: sourceLines)
    }

    /// Expands folders recursively into the files xxgk-lint reads (and legacy .doc files, to explain them).
    /// Hidden entries and Word's lock files (~$…) are skipped. Missing paths are kept, to be reported.
    public static func expand(_ paths: [String]) -> [String] {
        var result: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                result.append(path)
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasPrefix("~$") {
                    if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                    continue
                }
                let lower = name.lowercased()
                if InputFormat(path: lower) != nil || lower.hasSuffix(".doc") {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
                }
            }
            result += found.sorted()
        }
        return result
    }
}

/// Maps over a list on a fixed number of threads, keeping the order of results.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ transform: @Sendable (T) -> R) -> [R] {
        if jobs <= 1 || items.count <= 1 { return items.map(transform) }
        let box = ResultBox<R>(count: items.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
            while let i = next.take(below: items.count) {
                box.set(i, transform(items[i]))
            }
        }
        return box.values()
    }

    final class ResultBox<R: Sendable>: @unchecked Sendable {
        private var storage: [R?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: R) { lock.lock(); storage[i] = value; lock.unlock() }
        func values() -> [R] { lock.lock(); defer { lock.unlock() }; return storage.map { $0! } }
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func take(below limit: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}
