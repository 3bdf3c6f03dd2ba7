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
    /// Whether each report's facts for the batch rules are gathered (not when there is no batch).
    var gathersFacts = true
    /// How many outcomes of a batch wait in memory for the batch rules before the rest go to the spool on disk.
    var heldOutcomes = 5_000
    /// Keep every line of each report's text view (`ReportSummary.fullText`), for a format that shows a lone
    /// draft whole. The command line sets it only for a single input: a batch keeps only the lines findings are on.
    public var keepsFullText = false

    /// Checking in worker processes: the executable to start as a worker, and the per-file time budget.
    public struct Isolation: Sendable {
        public var executable: String
        public var arguments: [String]
        public var timeout: Double
        /// Isolate a single input too (one of several runs of a batch; a lone file is guarded by a watchdog).
        public var evenForOne: Bool

        public init(executable: String, arguments: [String], timeout: Double, evenForOne: Bool = false) {
            self.executable = executable
            self.arguments = arguments
            self.timeout = timeout
            self.evenForOne = evenForOne
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

    /// Lints every input and returns all results (tests, small runs; the command line streams with
    /// `run(_:deliver:)`).
    public func run(_ inputs: [Input]) -> LintResults {
        var results = LintResults(files: [], failures: [])
        run(inputs) { outcome in
            switch outcome {
            case .checked(let file, _): results.files.append(file)
            case .failed(let failure): results.failures.append(failure)
            }
        }
        return results
    }

    /// Lints every input and hands each outcome to `deliver` in input order, as soon as it is ready, with the
    /// batch rules' findings already added — so the caller can write it out and forget it.
    ///
    /// With batch rules, files cannot be handed on before every report's facts are in: the outcomes wait —
    /// the first five thousand in memory, the rest in a spool on disk — and are handed on after the batch rules have run. `checked` sees each
    /// outcome as soon as the file is checked, before the batch rules (for a progress line).
    public func run(_ inputs: [Input], checked: ((Outcome) -> Void)? = nil, deliver: (Outcome) -> Void) {
        Self.run([(self, inputs)], checked: checked, deliver: deliver)
    }

    /// Lints several runs — the files of one command line, each group with its own configuration — as one
    /// batch: each file is checked by its own run, and the batch rules of each run see the facts of every report
    /// of every run (a county's folders with a configuration each are still compared year against year), their
    /// findings kept for that run's own files and filtered by its configuration. Outcomes are handed on in order,
    /// run after run.
    public static func run(_ runs: [(Runner, [Input])], checked: ((Outcome) -> Void)? = nil, deliver: (Outcome) -> Void) {
        // One report has nothing to be compared with: its batch facts are not even gathered (a third of a lone
        // draft's checking).
        let total = runs.reduce(0) { $0 + $1.1.count }
        guard total > 1, runs.contains(where: { $0.0.linter.collects && !$0.1.isEmpty }) else {
            for (runner, inputs) in runs where !inputs.isEmpty {
                var alone = runner
                alone.gathersFacts = false
                alone.produce(inputs) { checked?($0); deliver($0) }
            }
            return
        }
        // Each collecting run's batch, gathered as the files are checked (each run's rules see every report).
        var batches = runs.map { $0.0.linter.collects ? $0.0.linter.gathering() : nil }
        var reportsWithFacts = 0
        var owner: [String: Int] = [:]  // path → run
        // The first outcomes wait in memory as they are; the rest in a spool on disk (made when first needed),
        // so that a province's batch stays flat in memory while a county's is not encoded and decoded again.
        var held: [Outcome] = [], spool: Spool?
        for (r, (runner, inputs)) in runs.enumerated() where !inputs.isEmpty {
            runner.produce(inputs) { outcome in
                checked?(outcome)
                var kept = outcome
                if case .checked(let file, let f) = outcome {
                    if !f.isEmpty {
                        reportsWithFacts += 1
                        for b in batches.indices where batches[b] != nil { runs[b].0.linter.gather(file.path, f, into: &batches[b]!) }
                    }
                    owner[file.path] = r
                    kept = .checked(file, facts: [:])
                }
                if held.count < runner.heldOutcomes {
                    held.append(kept)
                } else {
                    if spool == nil { spool = Spool() }
                    spool?.append(OutcomeCodec.encode(kept))
                }
            }
        }
        var batch: [String: [Diagnostic]] = [:]
        if reportsWithFacts > 1 {
            for (r, (runner, _)) in runs.enumerated() {
                guard let gathered = batches[r] else { continue }
                for d in runner.linter.checkBatch(gathered) where owner[d.path] == r { batch[d.path, default: []].append(d) }
            }
        }
        func handOn(_ outcome: Outcome) {
            var outcome = outcome
            if case .checked(var file, let f) = outcome, let extra = batch[file.path] {
                file.diagnostics += extra
                file.diagnostics.sort(by: Diagnostic.documentOrder)
                outcome = .checked(file, facts: f)
            }
            deliver(outcome)
        }
        for outcome in held { handOn(outcome) }
        held = []
        spool?.replay { frame in
            handOn((try? OutcomeCodec.decode(frame))
                   ?? .failed(.init(path: "?", error: .unreadable("spool damaged"))))  // only if the temp file was tampered with
        }
    }

    /// Checks the inputs on `jobs` threads (in worker processes with `isolation`, standard input among
    /// them), in input order. A single input is checked here: the command line guards it with a watchdog.
    func produce(_ inputs: [Input], _ deliver: (Outcome) -> Void) {
        if let isolation, inputs.count > 1 || isolation.evenForOne {
            let supervisor = Supervisor(isolation: isolation)
            OrderedParallel.run(count: inputs.count, jobs: jobs, body: { next, store in
                supervisor.serve(inputs, next: next, store: store)
            }, deliver: deliver)
        } else {
            let runner = self
            OrderedParallel.run(count: inputs.count, jobs: jobs, body: { next, store in
                while let i = next() { store(i, runner.process(inputs[i])) }
            }, deliver: deliver)
        }
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
            return .checked(.init(path: input.name, report: Self.summary(report, diagnostics, fullText: keepsFullText),
                                  diagnostics: diagnostics),
                            facts: gathersFacts ? linter.batchFacts(report) : [:])
        } catch {
            return .failed(.init(path: input.name, error: error))
        }
    }

    /// What the reporters need of a report: its identity, and the text of the lines the diagnostics point at.
    static func summary(_ r: Report, _ diagnostics: [Diagnostic], fullText: Bool = false) -> LintResults.ReportSummary {
        var sourceLines: [Int: String] = [:]
        for d in diagnostics where d.line - 1 < r.document.lines.count {
            sourceLines[d.line] = r.document.lines[d.line - 1].text
        }
        return .init(title: r.title?.text, body: r.body, bodySource: r.bodySource?.rawValue, year: r.year?.value,
                     yearSource: r.year?.source.rawValue, era: r.era?.rawValue,
                     format: r.document.format.rawValue, sourceLines: sourceLines,
                     fullText: fullText ? r.document.lines.map(\.text) : nil)
    }

    /// Expands folders recursively into the files xxgk-lint reads (and legacy .doc files, to explain them).
    /// Hidden entries and Word's lock files (~$…) are skipped; a symbolic link counts as what it points to,
    /// but linked folders are not entered. Missing paths are kept, to be reported. A folder's files come
    /// sorted by their path below it.
    public static func expand(_ paths: [String]) -> [String] {
        var result: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                result.append(path)
                continue
            }
            var found: [String] = []
            walk(path, relative: "", into: &found)
            let base = path.hasSuffix("/") ? path : path + "/"
            result += found.sorted().map { base + $0 }
        }
        return result
    }

    /// The files below `directory` (relative paths), with readdir: FileManager's enumerator cost more than
    /// linting a short draft per file found.
    private static func walk(_ directory: String, relative: String, into found: inout [String]) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || name.hasPrefix("~$") { continue }  // also . and ..
            let full = directory + "/" + name, path = relative.isEmpty ? name : relative + "/" + name
            var kind = entry.pointee.d_type
            if kind == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                kind = info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            if kind == UInt8(DT_DIR) {
                walk(full, relative: path, into: &found)
                continue
            }
            let lower = name.lowercased()
            guard InputFormat(path: lower) != nil || lower.hasSuffix(".doc") else { continue }
            if kind == UInt8(DT_LNK) {
                var info = stat()
                guard stat(full, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            }
            found.append(path)  // other kinds (a FIFO…) are kept, for the loader to refuse with a reason
        }
    }
}
