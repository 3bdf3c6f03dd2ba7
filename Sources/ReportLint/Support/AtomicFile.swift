import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see either the old content or the whole new content, never a part:
/// the text goes to a temporary file beside the target, which is then renamed over it.
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
        private let temp: String
        private var fd: Int32

        public init(path: String) throws {
            self.path = path
            let url = URL(fileURLWithPath: path)
            temp = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd < 0 { throw Self.error(path) }
        }

        deinit { if fd >= 0 { abandon() } }

        public func write(_ bytes: [UInt8]) throws {
            guard Descriptor.writeAll(bytes, to: fd) else { throw Self.error(path) }
        }

        public func commit() throws {
            let closed = close(fd)
            fd = -1
            guard closed == 0, rename(temp, path) == 0 else {
                let error = Self.error(path)
                unlink(temp)
                throw error
            }
        }

        public func abandon() {
            if fd >= 0 { close(fd); fd = -1 }
            unlink(temp)
        }

        private static func error(_ path: String) -> Error {
            CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                     NSLocalizedDescriptionKey: String(cString: strerror(errno))])
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
