import Foundation
import Testing
@testable import ReportLint

/// A crash or a hang while checking one file costs only that file. The supervisor is tested against a
/// stand-in worker (a python3 script speaking the worker protocol) that crashes or hangs on cue, and the
/// real executable is checked to give the same results isolated and in-process.
@Suite("Isolation of files in a batch")
struct IsolationTests {
    /// The frame a worker answers with, in hex.
    static func answer(_ path: String) -> String {
        Frame.wrap(OutcomeCodec.encode(.failed(.init(path: path, error: .empty)))).map { String(format: "%02x", $0) }.joined()
    }

    @Test func crashAndHangCostOnlyTheirFile() throws {
        // A stand-in worker speaking the frame protocol (4-byte little-endian length, then the payload).
        let script = """
        import os, signal, sys, time
        answer = bytes.fromhex('\(Self.answer("ok"))')
        while True:
            head = sys.stdin.buffer.read(4)
            if len(head) < 4: break
            path = sys.stdin.buffer.read(int.from_bytes(head, 'little')).decode()
            if 'crash' in path: os.kill(os.getpid(), signal.SIGSEGV)
            if 'hang' in path: time.sleep(120)
            sys.stdout.buffer.write(answer); sys.stdout.buffer.flush()
        """
        // A budget of 5 s: a fresh python3 worker after each crash must start and answer within it on a loaded
        // machine (1 s was too tight when the machine was busy); the hang is far beyond it.
        let isolation = Runner.Isolation(executable: "/usr/bin/env", arguments: ["python3", "-c", script], timeout: 5)
        let paths = ["a.txt", "crash.txt", "b.txt", "hang.txt", "c.txt", "crash2.txt", "d.txt"]
        let started = Date()
        let outcomes = Supervisor(isolation: isolation, workers: 2).run(paths)
        #expect(Date().timeIntervalSince(started) < 60, "a hung worker is killed at its time budget, not after its 120 s")
        #expect(outcomes.count == paths.count)
        for (path, outcome) in zip(paths, outcomes) {
            guard case .failed(let f) = outcome else { Issue.record("\(path): unexpected outcome"); continue }
            if path.contains("crash") {
                #expect(f.path == path)
                #expect(f.error == .crashed("signal 11 SIGSEGV"), "\(path): \(f.error)")
            } else if path.contains("hang") {
                #expect(f.error == .timedOut(seconds: 5))
            } else {
                #expect(f.error == .empty && f.path == "ok", "\(path) was answered by a worker")
            }
        }
    }

    /// The supervisor keeps several files queued at a worker: when the worker dies, the crash belongs to the
    /// first unanswered file, and the files queued behind it are checked by a fresh worker, each answered once
    /// and in order.
    @Test func filesQueuedBehindACrashAreCheckedByAFreshWorker() throws {
        let paths = (0..<40).map { String(format: $0 == 7 || $0 == 8 || $0 == 23 ? "crash%04d" : "file%04d", $0) }
        // The stand-in worker answers each file with a frame naming it.
        let answers = paths.map { "'\($0)': bytes.fromhex('\(Self.answer($0))')" }.joined(separator: ", ")
        let script = """
        import os, signal, sys
        answers = {\(answers)}
        while True:
            head = sys.stdin.buffer.read(4)
            if len(head) < 4: break
            path = sys.stdin.buffer.read(int.from_bytes(head, 'little')).decode()
            if 'crash' in path: os.kill(os.getpid(), signal.SIGSEGV)
            sys.stdout.buffer.write(answers[path]); sys.stdout.buffer.flush()
        """
        let isolation = Runner.Isolation(executable: "/usr/bin/env", arguments: ["python3", "-c", script], timeout: 5)
        let outcomes = Supervisor(isolation: isolation, workers: 1).run(paths)
        #expect(outcomes.count == paths.count)
        for (path, outcome) in zip(paths, outcomes) {
            guard case .failed(let f) = outcome else { Issue.record("\(path): unexpected outcome"); continue }
            #expect(f.path == path, "each file is answered for itself, in order")
            if path.hasPrefix("crash") {
                #expect(f.error == .crashed("signal 11 SIGSEGV"), "\(path): \(f.error)")
            } else {
                #expect(f.error == .empty, "\(path) was answered by a worker: \(f.error)")
            }
        }
    }

    @Test func unstartableWorkerIsReportedPerFile() {
        let isolation = Runner.Isolation(executable: "/nonexistent/xxgk-lint", arguments: [], timeout: 1)
        let outcomes = Supervisor(isolation: isolation, workers: 1).run(["a.txt", "b.txt"])
        for o in outcomes {
            guard case .failed(let f) = o, case .crashed = f.error else { Issue.record("expected a failure"); continue }
        }
    }

    @Test func isolatedAndInProcessResultsAgree() throws {
        let executable = try #require(CLITests.executable)
        let files = ["reports/shexi-2019.txt", "reports/correct-2023.txt", "reports/correct-2020.md", "Tests/Fixtures/merged-cells.docx"]
            .map { TestSupport.root.appendingPathComponent($0).path }
        let linter = Linter()
        let isolated = Runner(linter: linter, jobs: 2, isolation: .init(executable: executable.path, arguments: ["__worker"], timeout: 30))
            .run(files.map { .path($0) })
        let inProcess = Runner(linter: linter, jobs: 2).run(files.map { .path($0) })
        #expect(isolated.files.map(\.path) == inProcess.files.map(\.path))
        #expect(isolated.diagnostics == inProcess.diagnostics)
        #expect(isolated.diagnostics.count > 5)
    }
}
