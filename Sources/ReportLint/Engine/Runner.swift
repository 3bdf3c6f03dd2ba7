import Dispatch
import Foundation

/// Lints a list of paths (files and folders) in parallel: load → read → check, then the batch rules over
/// all reports. One unreadable file costs only that file: it is recorded as a failure and the rest go on.
public struct Runner: Sendable {
    public var linter: Linter
    public var loader: DocumentLoader
    public var jobs: Int

    public init(linter: Linter, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.linter = linter
        self.loader = DocumentLoader(limits: linter.configuration.limits)
        self.jobs = max(1, jobs)
    }

    /// An input to lint: a path on disk, or bytes (standard input) with the name to report them under.
    public enum Input: Sendable {
        case path(String)
        case bytes([UInt8], name: String, format: InputFormat)

        var name: String {
            switch self {
            case .path(let p): p
            case .bytes(_, let name, _): name
            }
        }
    }

    public func run(_ inputs: [Input]) -> LintResults {
        let outcomes = ParallelMap.map(inputs, jobs: jobs) { input -> Result<(Report, [Diagnostic]), LoadError> in
            do throws(LoadError) {
                let document: Document
                switch input {
                case .path(let p): document = try loader.load(path: p)
                case .bytes(let b, let name, let format): document = try loader.load(bytes: b, path: name, format: format)
                }
                return .success(linter.lint(document))
            } catch {
                return .failure(error)
            }
        }
        var files: [LintResults.File] = []
        var failures: [LintResults.Failure] = []
        var reports: [Report] = []
        for (input, outcome) in zip(inputs, outcomes) {
            switch outcome {
            case .success(let (report, diagnostics)):
                reports.append(report)
                files.append(.init(path: input.name, report: Self.summary(report), diagnostics: diagnostics))
            case .failure(let error):
                failures.append(.init(path: input.name, error: error))
            }
        }
        if reports.count > 1 {
            let batch = linter.checkBatch(reports)
            for k in files.indices {
                files[k].diagnostics += batch.filter { $0.path == files[k].path }
                files[k].diagnostics.sort { ($0.line, $0.column, $0.ruleID) < ($1.line, $1.column, $1.ruleID) }
            }
        }
        return LintResults(files: files, failures: failures)
    }

    static func summary(_ r: Report) -> LintResults.ReportSummary {
        .init(title: r.title?.text, body: r.body, year: r.year?.value, era: r.era?.rawValue,
              format: r.document.format.rawValue, lines: r.document.lines.map(\.text))
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
