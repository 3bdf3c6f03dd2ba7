import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see either the old content or the whole new content, never a part, and so
/// that nothing is lost on the way:
/// - a symbolic link is followed, and the file it leads to is replaced (the link stays a link);
/// - a device or a FIFO (`--output /dev/null`, a named pipe) is written through, never replaced by a file;
/// - the new content waits in an unnamed temporary file beside the target (`O_TMPFILE`), which is given a
///   name only at `commit`, just before it is renamed over the target — so a run that is killed, even by
///   SIGKILL, leaves no temporary file behind. Where the file system has no unnamed files, a named one is
///   used and removed on every exit path this process can see (errors, SIGINT, SIGTERM, SIGHUP).
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        let writer = try Writer(path: path)
        do {
            try writer.write(Array(text.utf8))
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// The same, for output written piece by piece (a batch's report as its files are checked).
    /// Nothing appears at `path` until `commit`; `abandon` (or an error) leaves the old file as it was.
    public final class Writer {
        public let path: String
        /// The file that is replaced: `path` with its symbolic links followed.
        public let target: String
        private var fd: Int32
        private enum Mode { case direct, unnamed, named(String) }
        private var mode: Mode

        public init(path: String) throws {
            self.path = path
            target = try OutputPath.resolve(path)
            var info = stat()
            if stat(target, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                guard info.st_mode & S_IFMT != S_IFDIR else { throw OutputPath.error(path, EISDIR) }
                // A device or a FIFO: writing through is the only way not to destroy it.
                fd = open(target, O_WRONLY | O_CLOEXEC)
                mode = .direct
                if fd < 0 { throw OutputPath.error(path, errno) }
                return
            }
            let existingMode: mode_t? = stat(target, &info) == 0 ? info.st_mode & 0o7777 : nil
            let directory = OutputPath.directory(of: target)
            fd = open(directory, OutputPath.unnamedTemporary | O_WRONLY | O_CLOEXEC, 0o644)
            mode = .unnamed
            if fd < 0 {
                guard [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) else { throw OutputPath.error(path, errno) }
                let temp = OutputPath.temporaryName(beside: target)
                fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                if fd < 0 { throw OutputPath.error(path, errno) }
                mode = .named(temp)
                ExitCleanup.remove(onSignal: temp)
            }
            if let existingMode { _ = fchmod(fd, existingMode) }  // a replaced file keeps its permissions
        }

        deinit { if fd >= 0 { abandon() } }

        public func write(_ bytes: [UInt8]) throws {
            guard Descriptor.writeAll(bytes, to: fd) else { throw OutputPath.error(path, errno) }
        }

        public func commit() throws {
            switch mode {
            case .direct:
                let closed = close(fd)
                fd = -1
                if closed != 0 { throw OutputPath.error(path, errno) }
            case .unnamed:
                let temp = OutputPath.temporaryName(beside: target)
                // Give the unnamed file a name through /proc (no privilege needed, unlike AT_EMPTY_PATH).
                if linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temp, AT_SYMLINK_FOLLOW) != 0 {
                    try copyOut(to: temp)
                }
                try finish(renaming: temp)
            case .named(let temp):
                try finish(renaming: temp)
            }
        }

        public func abandon() {
            if fd >= 0 { close(fd); fd = -1 }
            if case .named(let temp) = mode { unlink(temp); ExitCleanup.forget() }
        }

        private func finish(renaming temp: String) throws {
            let closed = close(fd)
            fd = -1
            let failure = closed != 0 ? errno : rename(temp, target) != 0 ? errno : 0
            if failure != 0 { unlink(temp) }
            if case .named = mode { ExitCleanup.forget() }
            if failure != 0 { throw OutputPath.error(path, failure) }
        }

        /// Where /proc is not mounted: the unnamed file's bytes copied into a named one.
        private func copyOut(to temp: String) throws {
            let out = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if out < 0 { throw OutputPath.error(path, errno) }
            ExitCleanup.remove(onSignal: temp)
            defer { close(out); ExitCleanup.forget() }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var offset: off_t = 0
            while true {
                let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { unlink(temp); throw OutputPath.error(path, errno) }
                if n == 0 { break }
                guard Descriptor.writeAll(Array(chunk[0..<n]), to: out) else { unlink(temp); throw OutputPath.error(path, errno) }
                offset += off_t(n)
            }
        }
    }
}

/// Plain POSIX writes, retried until everything is out.
public enum Descriptor {
    /// Writes all of `bytes` to `fd`; false when it cannot (the other end of a pipe is gone, the disk is full).
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}
