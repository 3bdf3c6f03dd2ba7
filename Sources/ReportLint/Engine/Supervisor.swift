import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks files in worker processes, so that a crash or a hang on one file costs only that file.
///
/// Each worker is this same executable started in worker mode (`xxgk-lint __worker …`): it reads inputs
/// (a path, or standard input's bytes with their name: `WorkerRequest`) as frames on standard input and answers each with one `Runner.Outcome` frame (`OutcomeCodec`) on
/// standard output, in the order asked. The supervisor keeps a few paths queued at each worker, so that it need
/// not be woken for every answer; the answers come in order, so the first unanswered file is the one being
/// checked: if the worker dies, that file is recorded as `crashed`, and a fresh worker takes the files queued
/// behind it; if that file is not answered within the time budget, the worker is killed and the file is
/// recorded as `timedOut`.
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

    /// How many paths wait at a worker at most, and for how many bytes of requests (well under a pipe's
    /// 64 KB, so that sending never blocks while the worker may be blocked sending answers).
    static let queued = 12, queuedBytes = 16 << 10

    /// One thread's share of a batch: one worker process at a time, replaced when it dies or hangs.
    ///
    /// With files queued behind the one being checked, the thread sleeps a moment between looks at the answers
    /// rather than waiting on the pipe: woken by every answer, it cost a wake-up and two context switches per
    /// file (a tenth of the CPU time of a batch of small drafts on two cores). With none queued it waits on the
    /// pipe, so that a short batch is not slowed.
    func serve(_ inputs: [Runner.Input], next: OrderedParallel.Claims, store: (Int, Runner.Outcome) -> Void) {
        var worker: WorkerProcess?
        var inFlight: [(index: Int, bytes: Int)] = []  // sent to `worker`, unanswered, in order
        var resend: [Int] = []  // queued at a worker that died before reaching them
        var headSince = DispatchTime.now().uptimeNanoseconds
        var exhausted = false
        while true {
            // Top up the queue: waiting for an item only when nothing is in flight (a full window waits for
            // the results this thread holds).
            var queuedBytes = inFlight.reduce(0) { $0 + $1.bytes }
            while inFlight.count < Self.queued && queuedBytes < Self.queuedBytes {
                let i: Int
                if !resend.isEmpty {
                    i = resend.removeFirst()
                } else if !exhausted, let n = inFlight.isEmpty ? next() : next.now() {
                    i = n
                } else {
                    if inFlight.isEmpty { exhausted = true }
                    break
                }
                let request = WorkerRequest.encode(inputs[i])
                // Standard input's bytes go alone (a large request could fill the pipe while the worker is
                // blocked sending answers).
                if case .bytes = inputs[i], !inFlight.isEmpty { resend.insert(i, at: 0); break }
                if worker == nil { worker = WorkerPool.take(isolation) ?? WorkerProcess(isolation) }
                guard let w = worker else {
                    store(i, .failed(.init(path: inputs[i].name, error: .crashed("worker could not be started"))))
                    continue
                }
                guard w.send(request) else {
                    // The worker is gone: what it answered before is still to be read, then the file it died on.
                    if inFlight.isEmpty {
                        store(i, .failed(.init(path: inputs[i].name, error: .crashed(w.died()))))
                        worker = nil
                        continue
                    }
                    resend.insert(i, at: 0)
                    break
                }
                if inFlight.isEmpty { headSince = DispatchTime.now().uptimeNanoseconds }
                inFlight.append((i, request.count))
                queuedBytes += request.count
            }
            guard let w = worker, let head = inFlight.first else {
                if exhausted && resend.isEmpty { break }
                continue
            }
            let deadline = headSince + UInt64(isolation.timeout * 1e9)
            switch w.receive(deadline: deadline, patient: inFlight.count > 1) {
            case .answered(let outcomes):
                for o in outcomes { store(inFlight.removeFirst().index, o) }
                headSince = DispatchTime.now().uptimeNanoseconds
            case .died(let why):
                store(head.index, .failed(.init(path: inputs[head.index].name, error: .crashed(why))))
                resend = inFlight.dropFirst().map(\.index) + resend
                inFlight = []
                worker = nil
            case .timedOut:
                store(head.index, .failed(.init(path: inputs[head.index].name,
                                                error: .timedOut(seconds: Int(isolation.timeout.rounded(.up))))))
                resend = inFlight.dropFirst().map(\.index) + resend
                inFlight = []
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
    enum Answer { case answered([Runner.Outcome]), died(String), timedOut }

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
        // Room for the answers of every queued file (a few KB each), so that a worker is not held up by a
        // full pipe while the supervisor naps. The default, 64 KB, if the system refuses.
        _ = fcntl(fromWorker[0], Self.setPipeSize, Int32(1 << 20))
        let (child, status) = ChildProcess.spawn(isolation.executable, isolation.arguments,
                                                 descriptors: [(0, .copy(of: toWorker[0])), (1, .copy(of: fromWorker[1])),
                                                               (2, .open("/dev/null", flags: O_WRONLY))],
                                                 ownGroup: true)
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

    /// Sends one request; false when the worker is gone.
    func send(_ request: [UInt8]) -> Bool { Frame.send(request, to: input) }

    /// How a worker that could not be sent a request ended.
    func died() -> String { reap(killing: true) }

    /// The answers that have come, at least one, in order — or how the worker ended when none comes before
    /// `deadline`. `patient`: sleep a moment between looks (more answers are coming) rather than wait on the pipe.
    func receive(deadline: UInt64, patient: Bool) -> Answer {
        var outcomes: [Runner.Outcome] = []
        while true {
            while let frame = answers.next() {
                guard let outcome = try? OutcomeCodec.decode(frame) else {
                    kill(-pid, SIGKILL)
                    _ = reap()
                    return .died("unreadable answer from the worker")
                }
                outcomes.append(outcome)
            }
            if !outcomes.isEmpty { return .answered(outcomes) }
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline {
                kill(-pid, SIGKILL)
                _ = reap()
                return .timedOut
            }
            var pfd = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            if patient {
                // Looks without waiting (poll with no time-out is not woken by the worker's writes), a nap
                // between them.
                if poll(&pfd, 1, 0) <= 0 {
                    usleep(Self.nap)
                    if poll(&pfd, 1, 0) <= 0 { continue }
                }
            } else {
                let wait = Int32(min((deadline - now) / 1_000_000 + 1, 1000))
                if poll(&pfd, 1, wait) <= 0 { continue }
            }
            let n = answers.fill(from: output)
            if n < 0 && errno == EAGAIN { continue }
            if n <= 0 { return .died(reap(killing: true)) }
        }
    }

    /// The sleep between looks at a busy worker's answers, in microseconds (a small draft takes about half a
    /// millisecond: a few answers wait at each look, and the worker has more queued).
    static let nap: UInt32 = 1_500

    private static let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ (Linux), not exported by Glibc's module

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
