import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks files in worker processes, so that a crash or a hang on one file costs only that file.
///
/// Each worker is this same executable started in worker mode (`xxgk-lint __worker …`): it reads inputs
/// (a path, or standard input's bytes with their name: `WorkerRequest`) as frames on standard input and answers each with one `Runner.Outcome` frame (`OutcomeCodec`) on
/// standard output. The supervisor gives each worker one file at a time; if the worker dies, that file is
/// recorded as `crashed` and a fresh worker takes the next file; if it does not answer within the time
/// budget, it is killed and the file is recorded as `timedOut`.
struct Supervisor: Sendable {
    var isolation: Runner.Isolation
    var workers: Int = 1

    init(isolation: Runner.Isolation, workers: Int = 1) {
        self.isolation = isolation
        self.workers = workers
        signal(SIGPIPE, SIG_IGN)  // a worker that died must not take the supervisor with it
    }

    /// Checks every path (tests; the runner streams through `serve`).
    func run(_ paths: [String]) -> [Runner.Outcome] {
        var outcomes: [Runner.Outcome] = []
        let inputs = paths.map { Runner.Input.path($0) }
        OrderedParallel.run(count: paths.count, jobs: workers, body: { next, store in
            serve(inputs, next: next, store: store)
        }, deliver: { outcomes.append($0) })
        return outcomes
    }

    /// One thread's share of a batch: one worker process at a time, replaced when it dies or hangs.
    func serve(_ inputs: [Runner.Input], next: () -> Int?, store: (Int, Runner.Outcome) -> Void) {
        var worker: WorkerProcess?
        while let i = next() {
            let name = inputs[i].name
            if worker == nil { worker = WorkerPool.take(isolation) ?? WorkerProcess(isolation) }
            guard let w = worker else {
                store(i, .failed(.init(path: name, error: .crashed("worker could not be started"))))
                continue
            }
            switch w.check(WorkerRequest.encode(inputs[i]), timeout: isolation.timeout) {
            case .answered(let o): store(i, o)
            case .died(let why):
                store(i, .failed(.init(path: name, error: .crashed(why))))
                worker = nil
            case .timedOut:
                store(i, .failed(.init(path: name, error: .timedOut(seconds: Int(isolation.timeout.rounded(.up))))))
                worker = nil
            }
        }
        worker?.finish()
    }
}

/// Workers started before they are needed: the command line starts them as soon as it knows a batch is
/// coming, so that they read their packs while this process reads its own (otherwise one after the other,
/// a few milliseconds of every batch). A supervisor takes one started with its own command line, or starts one.
public enum WorkerPool {
    private final class Ready: @unchecked Sendable {
        let lock = NSLock()
        var workers: [WorkerProcess] = []
    }
    private static let ready = Ready()

    public static func start(_ isolation: Runner.Isolation, count: Int) {
        for _ in 0..<max(count, 0) {
            guard let worker = WorkerProcess(isolation) else { return }
            ready.lock.withLock { ready.workers.append(worker) }
        }
    }

    static func take(_ isolation: Runner.Isolation) -> WorkerProcess? {
        let command = [isolation.executable] + isolation.arguments
        return ready.lock.withLock {
            ready.workers.firstIndex { $0.command == command }.map { ready.workers.remove(at: $0) }
        }
    }

    /// Ends the workers no batch took (their input closed, then reaped).
    public static func finishUnused() {
        let unused = ready.lock.withLock {
            defer { ready.workers = [] }
            return ready.workers
        }
        for worker in unused { worker.finish() }
    }
}

/// The frames between supervisor and worker: a 4-byte little-endian length, then the payload — the path's
/// UTF-8 one way, an `OutcomeCodec` outcome the other.
enum Frame {
    static func wrap(_ payload: [UInt8]) -> [UInt8] {
        let n = UInt32(payload.count)
        return [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)] + payload
    }

    /// Writes one frame; false when the other end is gone.
    static func send(_ payload: [UInt8], to fd: Int32) -> Bool { Descriptor.writeAll(wrap(payload), to: fd) }
}

/// Bytes read from a descriptor, taken off as whole frames (worker pipes, the batch spool).
struct FrameReader {
    private var buffer: [UInt8] = []
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    init() {}

    /// Frames already in memory.
    init(bytes: [UInt8]) { buffer = bytes }

    /// The next whole frame, if all of it has been read.
    mutating func next() -> ArraySlice<UInt8>? {
        guard buffer.count - start >= 4 else { return nil }
        let n = Int(buffer[start]) | Int(buffer[start + 1]) << 8 | Int(buffer[start + 2]) << 16 | Int(buffer[start + 3]) << 24
        guard buffer.count - start - 4 >= n else { return nil }
        defer { start += 4 + n }
        return buffer[(start + 4)..<(start + 4 + n)]
    }

    /// Reads once (at most `limit` bytes), retrying when interrupted: the count read, 0 at the end, −1 on an
    /// error (in `errno`).
    mutating func fill(from fd: Int32, limit: Int = 1 << 16) -> Int {
        var n: Int
        repeat {
            n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, limit)) }
        } while n < 0 && errno == EINTR
        if n > 0 {
            if start > 0 { buffer.removeFirst(start); start = 0 }  // a frame handed out keeps the storage it was sliced from
            buffer.append(contentsOf: chunk[0..<n])
        }
        return n
    }
}

/// One worker process and the pipes to it. Spawned with posix_spawn in a process group of its own, so that
/// a worker that hangs is killed together with anything it started (pdftotext), and reaped with waitpid
/// (Foundation's `Process.waitUntilExit` also waits for pipes that a grandchild may hold open).
final class WorkerProcess: @unchecked Sendable {
    enum Answer { case answered(Runner.Outcome), died(String), timedOut }

    /// The command line it was started with (`WorkerPool` hands a worker only to a batch of the same one).
    let command: [String]
    private let pid: pid_t
    private let input: Int32   // write end of the worker's standard input
    private let output: Int32  // read end of the worker's standard output
    private var answers = FrameReader()
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
        command = [isolation.executable] + isolation.arguments
        input = toWorker[1]
        output = fromWorker[0]
    }

    deinit {
        if inputOpen { close(input) }
        close(output)
        if !reaped { kill(-pid, SIGKILL); _ = reap() }
    }

    func check(_ request: [UInt8], timeout: Double) -> Answer {
        guard Frame.send(request, to: input) else { return .died(reap(killing: true)) }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while true {
            if let frame = answers.next() {
                guard let outcome = try? OutcomeCodec.decode(frame) else {
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
            let n = answers.fill(from: output)
            if n < 0 && errno == EAGAIN { continue }
            if n <= 0 { return .died(reap(killing: true)) }
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
            // Killed (its time budget) or crashed: what it was converting stays in the temporary folder.
            ExternalTool.removeLeftovers(ofProcess: pid)
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

/// The worker side: answers one outcome frame per input frame until standard input ends.
public enum WorkerLoop {
    public static func serve(_ runner: Runner) {
        endWithSupervisor()
        var requests = FrameReader()
        repeat {
            while let frame = requests.next() {
                let outcome = WorkerRequest.decode(frame).map { runner.process($0) }
                    ?? .failed(.init(path: "?", error: .crashed("unreadable request from the supervisor")))
                if !Frame.send(OutcomeCodec.encode(outcome), to: 1) { exit(0) }
            }
        } while requests.fill(from: 0) > 0
    }

    /// A worker must not outlive its supervisor (killed by Ctrl-C, by SIGTERM or SIGKILL from a CI timeout)
    /// while it is busy on one file — a runaway pattern, a hostile PDF. The supervisor holds the only write
    /// end of the worker's standard input, and the kernel closes it however the supervisor ends: a thread
    /// waits for that hang-up and then ends the worker's process group (the worker and the pdftotext it may
    /// be running). After a normal end of input the worker has returned long before the grace period.
    private static func endWithSupervisor() {
        Thread.detachNewThread {
            var pfd = pollfd(fd: 0, events: 0, revents: 0)  // POLLHUP is reported without being asked for
            while true {
                let n = poll(&pfd, 1, -1)
                if n > 0, pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { break }
                if n < 0, errno != EINTR { return }
            }
            usleep(300_000)
            // Only a group of its own (as the supervisor spawns it) is signalled whole.
            kill(getpgrp() == getpid() ? 0 : getpid(), SIGKILL)
        }
    }
}

/// What the supervisor sends a worker for one input: the path's UTF-8 (a path holds no NUL byte), or — for
/// standard input in a batch — a NUL byte, the name's length (4 bytes, little-endian) and UTF-8, the
/// format's length (1 byte) and name, then the bytes.
enum WorkerRequest {
    static func encode(_ input: Runner.Input) -> [UInt8] {
        switch input {
        case .path(let p): return Array(p.utf8)
        case .bytes(let bytes, let name, let format):
            let n = Array(name.utf8), f = Array(format.rawValue.utf8)
            let count = UInt32(n.count)
            return [0, UInt8(count & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count >> 16 & 0xFF), UInt8(count >> 24)]
                + n + [UInt8(f.count)] + f + bytes
        }
    }

    static func decode(_ frame: ArraySlice<UInt8>) -> Runner.Input? {
        guard frame.first == 0 else { return .path(String(decoding: frame, as: UTF8.self)) }
        var i = frame.startIndex + 1
        guard frame.endIndex - i >= 4 else { return nil }
        let n = Int(frame[i]) | Int(frame[i + 1]) << 8 | Int(frame[i + 2]) << 16 | Int(frame[i + 3]) << 24
        i += 4
        guard frame.endIndex - i >= n + 1 else { return nil }
        let name = String(decoding: frame[i..<(i + n)], as: UTF8.self)
        i += n
        let f = Int(frame[i])
        i += 1
        guard frame.endIndex - i >= f,
              let format = InputFormat(rawValue: String(decoding: frame[i..<(i + f)], as: UTF8.self)) else { return nil }
        return .bytes(Array(frame[(i + f)...]), name: name, format: format)
    }
}
