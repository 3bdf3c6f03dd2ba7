import Foundation
import ReportLint

/// Where the report goes: standard output, or a file written atomically (it appears whole at the end; see
/// `AtomicFile`).
final class Output: @unchecked Sendable {
    private let file: AtomicFile.Writer?
    private let interactive: Bool
    private var broken = false
    private var fileError: Error?

    init(path: String?) throws {
        file = try path.map { try AtomicFile.Writer(path: $0) }
        interactive = path == nil && isatty(STDOUT_FILENO) == 1
    }

    /// Writes out and empties `buffer` when it is large, on a terminal, or with `force`.
    func write(_ buffer: inout [UInt8], force: Bool = false) {
        guard !buffer.isEmpty, force || interactive || buffer.count >= 1 << 16 else { return }
        if let file {
            if !broken { do { try file.write(buffer) } catch { broken = true; fileError = error } }
        } else if !broken, !Descriptor.writeAll(buffer, to: STDOUT_FILENO) {
            broken = true  // a closed pipe (`| head`): stop writing, keep checking for the exit status
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        guard let file else { return }
        if let fileError { file.abandon(); throw fileError }
        try file.commit()
    }
}

/// One report being written: a format, where it goes, and what waits to be written.
final class Sink {
    let reporter: any Reporter
    let output: Output
    let path: String?
    private var buffer: [UInt8] = []

    init(_ reporter: any Reporter, _ output: Output, path: String?) {
        self.reporter = reporter
        self.output = output
        self.path = path
    }

    func begin() { reporter.begin(into: &buffer) }

    func file(_ file: LintResults.File, after totals: LintTotals) {
        reporter.file(file, after: totals, into: &buffer)
        output.write(&buffer)
    }

    func flush() { output.write(&buffer, force: true) }

    func end(_ totals: LintTotals, failures: [LintResults.Failure]) throws {
        reporter.end(totals, failures: failures, into: &buffer)
        output.write(&buffer, force: true)
        try output.finish()
    }
}

/// The per-file time budget (`--timeout`) when one file is checked in this process, where there is no worker
/// to kill: if checking has not finished in time, a thread writes the report with the file as timed out,
/// ends the programs this process started (pdftotext) and exits with status 2. Whoever comes first — the
/// finished check or the expired budget — claims the output; the other never touches it.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    init(seconds: Double, expired: [(Output, [UInt8])], line: String) {
        let thread = Thread { [self] in
            Thread.sleep(forTimeInterval: seconds)
            guard claim() else { return }
            for (output, report) in expired {
                var bytes = report
                output.write(&bytes, force: true)
                try? output.finish()
            }
            printError(line)
            ChildProcesses.killAll()
            _exit(2)
        }
        thread.start()
    }

    /// True for the first caller only.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }

    /// The check finished after the budget ran out: the watchdog is ending the process.
    static func waitForExit() -> Never {
        while true { pause() }
    }
}

/// The processes this one started, from /proc/self/task/*/children (Linux ≥ 3.5).
enum ChildProcesses {
    static func killAll() {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else { return }
        for task in tasks {
            guard let list = try? String(contentsOfFile: "/proc/self/task/\(task)/children", encoding: .utf8) else { continue }
            for pid in list.split(separator: " ").compactMap({ pid_t($0) }) { kill(pid, SIGKILL) }
        }
    }
}
