import Foundation

/// Running a helper program (pdftotext) on bytes held in memory, with a time limit.
///
/// The input goes to a private temporary file and the output to another, not through pipes: a pipe
/// would need a reader thread to avoid deadlock once the output passes the pipe buffer. A program still
/// running at the deadline is terminated, and killed if it ignores that.
enum ExternalTool {
    /// The executable named `name` in the directories of `searchPath` (default: $PATH), or nil.
    static func find(_ name: String, searchPath: String? = nil) -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func leftoverPrefix(_ pid: pid_t) -> String { "xxgk-lint-\(pid)-" }

    /// Removes the temporary folders a process that ended without cleaning up (killed) left behind.
    static func removeLeftovers(ofProcess pid: pid_t) {
        let temporary = FileManager.default.temporaryDirectory, prefix = leftoverPrefix(pid)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }

    /// Runs `executable` with `arguments`, where "{in}" stands for a file holding `input` and "{out}" for
    /// the file whose contents are returned. Throws `toolFailed` on a non-zero exit or a timeout.
    static func run(_ executable: String, arguments: [String], input: [UInt8], timeout: TimeInterval) throws(LoadError) -> Data {
        let name = (executable as NSString).lastPathComponent
        // Named after this process, so that the supervisor can remove it when a worker is killed mid-conversion
        // (its time budget, a crash) and this `defer` never runs (`removeLeftovers(ofProcess:)`).
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(leftoverPrefix(getpid()))\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let inFile = directory.appendingPathComponent("input")
        let outFile = directory.appendingPathComponent("output")
        let errFile = directory.appendingPathComponent("stderr")

        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
            try Data(input).write(to: inFile)
        } catch {
            throw .toolFailed(tool: name, detail: error.localizedDescription)
        }
        let (child, error) = ChildProcess.spawn(
            executable, arguments.map { $0 == "{in}" ? inFile.path : $0 == "{out}" ? outFile.path : $0 },
            descriptors: [(0, .open("/dev/null", flags: O_RDONLY)), (1, .open("/dev/null", flags: O_WRONLY)),
                          (2, .open(errFile.path, flags: O_WRONLY | O_CREAT | O_TRUNC))])
        guard error == 0 else { throw .toolFailed(tool: name, detail: String(cString: strerror(error))) }

        // waitpid blocks, so it runs on a thread of its own while this one waits with a deadline. Not on
        // Dispatch's pool: helpers hanging until their deadline would hold its few threads, and other
        // conversions would wait for the pool to grow.
        let exit = ExitStatus()
        let waiter = Thread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            exit.status = status
            exit.finished.signal()
        }
        waiter.stackSize = 64 * 1024
        waiter.start()
        if exit.finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(child, SIGTERM)
            if exit.finished.wait(timeout: .now() + 2) == .timedOut {
                kill(child, SIGKILL)
                exit.finished.wait()
            }
            throw .toolFailed(tool: name, detail: "no result after \(Int(timeout.rounded(.up))) s; stopped")
        }
        guard exit.status == 0 else {
            let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
            let firstLine = stderr.split(separator: "\n").first.map(String.init) ?? ""
            let status = exit.status & 0x7F == 0 ? "exit status \((exit.status >> 8) & 0xFF)" : "signal \(exit.status & 0x7F)"
            throw .toolFailed(tool: name, detail: firstLine.isEmpty ? status : firstLine)
        }
        do { return try Data(contentsOf: outFile) } catch {
            throw .toolFailed(tool: name, detail: "no output")
        }
    }

    /// How the helper ended, set by the thread that waits for it.
    private final class ExitStatus: @unchecked Sendable {
        var status: Int32 = 0
        let finished = DispatchSemaphore(value: 0)
    }
}
