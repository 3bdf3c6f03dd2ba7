import Foundation
import Testing
@testable import ReportLint

/// A crash or a hang while checking one file costs only that file. The supervisor is tested against a
/// stand-in worker (a shell script speaking the worker protocol) that crashes or hangs on cue, and the
/// real executable is checked to give the same results isolated and in-process.
@Suite("Isolation of files in a batch")
struct IsolationTests {
    static func answer(_ path: String) throws -> String {
        let outcome = Runner.Outcome.failed(.init(path: path, error: .empty))
        return String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
    }

    @Test func crashAndHangCostOnlyTheirFile() throws {
        let ok = try Self.answer("ok")
        let script = """
        while IFS= read -r line; do
          case "$line" in
            *crash*) kill -SEGV $$ ;;
            *hang*) sleep 30 ;;
            *) printf '%s\\n' '\(ok)' ;;
          esac
        done
        """
        let isolation = Runner.Isolation(executable: "/bin/sh", arguments: ["-c", script], timeout: 1)
        let paths = ["a.txt", "crash.txt", "b.txt", "hang.txt", "c.txt", "crash2.txt", "d.txt"]
        let started = Date()
        let outcomes = Supervisor(isolation: isolation, workers: 2).run(paths)
        #expect(Date().timeIntervalSince(started) < 10, "a hung worker is killed at its time budget")
        #expect(outcomes.count == paths.count)
        for (path, outcome) in zip(paths, outcomes) {
            guard case .failed(let f) = outcome else { Issue.record("\(path): unexpected outcome"); continue }
            if path.contains("crash") {
                #expect(f.path == path)
                #expect(f.error == .crashed("signal 11 SIGSEGV"), "\(path): \(f.error)")
            } else if path.contains("hang") {
                #expect(f.error == .timedOut(seconds: 1))
            } else {
                #expect(f.error == .empty && f.path == "ok", "\(path) was answered by a worker")
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
