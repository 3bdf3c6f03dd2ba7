import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where an output file really is, and whether writing it would destroy an input.
public enum OutputPath {
    /// Why an output path is refused before any work is done.
    public enum Problem: Error, Equatable {
        /// The output is one of the inputs (the same file, by device and inode, also through links).
        case isInput(output: String, input: String)

        public func message(_ lang: Language) -> String {
            switch (self, lang) {
            case (.isInput(let o, let i), .zh): return "输出文件 \(TerminalText.path(o)) 就是输入文件 \(TerminalText.path(i))，为免覆盖原文件，已拒绝写入"
            case (.isInput(let o, let i), .en): return "the output \(TerminalText.path(o)) is the input \(TerminalText.path(i)); refusing to overwrite it"
            }
        }
    }

    /// Refuses `output` when it is the same file as any of `inputs` (drafts, configuration, rule packs).
    /// An output that does not exist yet cannot be an input.
    public static func refuseInput(_ output: String, inputs: [String]) throws(Problem) {
        guard let out = identity(output) else { return }
        for input in inputs where identity(input) == out {
            throw .isInput(output: output, input: input)
        }
    }

    /// Device and inode of what `path` leads to (links followed), or nil when there is nothing there.
    static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// `path` with its symbolic links followed to the file they lead to (which may not exist yet). A chain
    /// of more than 40 links, or a loop, is an error that says so.
    static func resolve(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw error(path, errno) }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : directory(of: current) + "/" + link
        }
        throw error(path, ELOOP)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A hidden name beside `target` for the new content just before it replaces the target.
    static func temporaryName(beside target: String) -> String {
        let name = target.split(separator: "/").last.map(String.init) ?? "output"
        return directory(of: target) + "/.\(name).\(getpid()).tmp"
    }

    /// `O_TMPFILE` (Linux ≥ 3.11): a file with no name in a folder. Glibc's macro is not imported into Swift;
    /// its value is `__O_TMPFILE | O_DIRECTORY` with the generic `__O_TMPFILE` of x86-64 and arm64.
    static let unnamedTemporary: Int32 = 0o20000000 | O_DIRECTORY

    static func error(_ path: String, _ code: Int32) -> Error { WriteError(path: path, code: code) }

    /// Why the output cannot be written: the system's reason, or a loop of links said in the message language.
    public struct WriteError: Error, Sendable {
        public var path: String
        public var code: Int32

        public func reason(_ lang: Language) -> String {
            guard code == ELOOP else { return String(cString: strerror(code)) }
            return lang == .zh ? "符号链接形成循环（链接最终又指向自己）" : "a loop of symbolic links (the link leads back to itself)"
        }
    }
}

/// The one temporary file a run may have to remove when it is interrupted (a named temporary output file
/// where the file system has no unnamed ones). The signal handler only calls async-signal-safe functions on a
/// C string prepared beforehand.
enum ExitCleanup {
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false
    private static let lock = NSLock()

    static func remove(onSignal path: String) {
        lock.lock()
        defer { lock.unlock() }
        pending = strdup(path)  // an old string is not freed: the handler may be reading it
        guard !installed else { return }
        installed = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                if let p = ExitCleanup.pending { unlink(p) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    static func forget() {
        lock.lock()
        defer { lock.unlock() }
        pending = nil
    }
}
