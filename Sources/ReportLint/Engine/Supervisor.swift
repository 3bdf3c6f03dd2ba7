import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks files in worker processes, so that a crash or a hang on one file costs only that file.
///
/// Each worker is this same executable started in worker mode (`xxgk-lint __worker …`): it reads one input
/// path per line (a JSON string) on standard input and answers with one `Runner.Outcome` per line (JSON) on
/// standard output. The supervisor gives each worker one file at a time; if the worker dies, that file is
/// recorded as `crashed` and a fresh worker takes the next file; if it does not answer within the time
/// budget, it is killed and the file is recorded as `timedOut`.
struct Supervisor: Sendable {
    var isolation: Runner.Isolation
    var workers: Int

    func run(_ paths: [String]) -> [Runner.Outcome] {
        signal(SIGPIPE, SIG_IGN)  // a worker that died must not take the supervisor with it
        let results = ParallelMap.ResultBox<Runner.Outcome>(count: paths.count)
        let next = ParallelMap.Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            var worker: WorkerProcess?
            while let i = next.take(below: paths.count) {
                if worker == nil { worker = WorkerProcess(isolation) }
                guard let w = worker else {
                    results.set(i, .failed(.init(path: paths[i], error: .crashed("worker could not be started"))))
                    continue
                }
                let outcome = w.check(paths[i], timeout: isolation.timeout)
                switch outcome {
                case .answered(let o): results.set(i, o)
                case .died(let why):
                    results.set(i, .failed(.init(path: paths[i], error: .crashed(why))))
                    worker = nil
                case .timedOut:
                    results.set(i, .failed(.init(path: paths[i], error: .timedOut(seconds: Int(isolation.timeout.rounded())))))
                    worker = nil
                }
            }
            worker?.finish()
        }
        return results.values()
    }
}

/// One worker process and the pipes to it. Spawned with posix_spawn in a process group of its own, so that
/// a worker that hangs is killed together with anything it started (pdftotext), and reaped with waitpid
/// (Foundation's `Process.waitUntilExit` also waits for pipes that a grandchild may hold open).
final class WorkerProcess: @unchecked Sendable {
    enum Answer { case answered(Runner.Outcome), died(String), timedOut }

    private let pid: pid_t
    private let input: Int32   // write end of the worker's standard input
    private let output: Int32  // read end of the worker's standard output
    private var buffer: [UInt8] = []
    private var reaped = false
    private var inputOpen = true
    private static let spawnLock = NSLock()

    init?(_ isolation: Runner.Isolation) {
        // Close-on-exec: a worker spawned by another thread must not inherit this worker's pipe ends, or
        // this worker would never see the end of its input (and the batch would wait for it forever).
        // dup2 onto 0 and 1 in the child clears the flag for the two ends the worker itself uses. Pipes are
        // made and flagged under a lock shared by every spawn, so no spawn happens between the two steps.
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var toWorker: [Int32] = [0, 0], fromWorker: [Int32] = [0, 0]
        guard pipe(&toWorker) == 0 else { return nil }
        guard pipe(&fromWorker) == 0 else { close(toWorker[0]); close(toWorker[1]); return nil }
        for fd in toWorker + fromWorker { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv = ([isolation.executable] + isolation.arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, isolation.executable, &actions, &attributes, argv, environ)
        close(toWorker[0])
        close(fromWorker[1])
        guard status == 0 else { close(toWorker[1]); close(fromWorker[0]); return nil }
        pid = child
        input = toWorker[1]
        output = fromWorker[0]
    }

    deinit {
        if inputOpen { close(input) }
        close(output)
        if !reaped { kill(-pid, SIGKILL); _ = reap() }
    }

    func check(_ path: String, timeout: Double) -> Answer {
        var request = JSONValue.string(path).serialized(pretty: false) + "\n"
        let written = request.withUTF8 { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let n = write(input, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        guard written else { return .died(reap(killing: true)) }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Data(buffer[..<newline])
                buffer.removeSubrange(...newline)
                guard let outcome = try? JSONDecoder().decode(Runner.Outcome.self, from: line) else {
                    kill(-pid, SIGKILL)
                    _ = reap()
                    return .died("unreadable answer from the worker")
                }
                return .answered(outcome)
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline {
                kill(-pid, SIGKILL)
                _ = reap()
                return .timedOut
            }
            var pfd = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let wait = Int32(min((deadline - now) / 1_000_000 + 1, 1000))
            if poll(&pfd, 1, wait) <= 0 { continue }
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n <= 0 { return .died(reap(killing: true)) }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// Waits for the worker to end and says how it ended. With `killing`, a worker that closed its output
    /// but is still alive is killed first, so that the wait cannot block.
    private func reap(killing: Bool = false) -> String {
        var status: Int32 = 0
        if killing {
            var result = waitpid(pid, &status, WNOHANG)
            if result == 0 {
                usleep(50_000)
                result = waitpid(pid, &status, WNOHANG)
                if result == 0 { kill(-pid, SIGKILL) }
            }
            if result == pid { return describe(status) }
        }
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return describe(status)
    }

    private func describe(_ status: Int32) -> String {
        reaped = true
        let signal = status & 0x7F
        if signal != 0 {
            let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT",
                                          SIGBUS: "SIGBUS", SIGKILL: "SIGKILL", SIGFPE: "SIGFPE"]
            return "signal \(signal)" + (names[signal].map { " \($0)" } ?? "")
        }
        return "exit status \((status >> 8) & 0xFF)"
    }

    /// Closes the worker's input, so that it finishes and exits.
    func finish() {
        if inputOpen { close(input); inputOpen = false }
        if !reaped { _ = reap() }
    }
}

/// The worker side: answers one outcome per input line until standard input ends.
public enum WorkerLoop {
    public static func serve(_ runner: Runner) {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let decoder = JSONDecoder(), encoder = JSONEncoder()
        while true {
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                guard let path = try? decoder.decode(String.self, from: line) else { continue }
                var answer = (try? encoder.encode(runner.process(.path(path)))) ?? Data()
                answer.append(0x0A)
                answer.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset < bytes.count {
                        let n = write(1, bytes.baseAddress! + offset, bytes.count - offset)
                        if n <= 0 { exit(0) }
                        offset += n
                    }
                }
            }
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            pending.append(contentsOf: chunk[0..<n])
        }
    }
}
