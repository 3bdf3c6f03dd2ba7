import Foundation

/// Finds the configuration that applies to a file: the nearest `.xxgk-lint.json` in the file's folder or
/// above it — as ESLint, ruff and SwiftLint find theirs — so that a county office can turn a rule off for
/// one town's folder and keep it for the rest. Folders are looked at once per run.
public final class ConfigurationDiscovery: @unchecked Sendable {
    public static let fileName = ".xxgk-lint.json"
    private var cache: [String: String?] = [:]
    private let lock = NSLock()
    /// The current folder, asked once (a batch asks for every file).
    private let cwd = FileManager.default.currentDirectoryPath

    public init() {}

    /// The configuration file for `path` (a file, or "./-" for standard input: the current folder's), or nil.
    public func nearest(to path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
        return find(in: Self.parent(of: absolute))
    }

    /// The folder holding `path`, as `NSString.deletingLastPathComponent` gives it for an absolute path
    /// ("/a/b/c" → "/a/b", "/a" → "/", "/a//b/" → "/a"), without the bridging that cost 20,000 instructions a file.
    static func parent(of path: String) -> String {
        var bytes = Array(path.utf8)
        func dropSlashes() { while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() } }
        dropSlashes()
        guard let cut = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        bytes.removeSubrange((cut == 0 ? 1 : cut)...)
        dropSlashes()
        return String(decoding: bytes, as: UTF8.self)
    }

    private func find(in folder: String) -> String? {
        lock.lock()
        if let known = cache[folder] { lock.unlock(); return known }
        lock.unlock()
        let candidate = folder == "/" ? "/" + Self.fileName : folder + "/" + Self.fileName
        var info = stat()
        let found: String?
        if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            found = relative(candidate)
        } else if folder == "/" || folder.isEmpty {
            found = nil
        } else {
            found = find(in: Self.parent(of: folder))
        }
        lock.lock()
        cache[folder] = .some(found)
        lock.unlock()
        return found
    }

    /// As users would write it: relative to the current folder where it lies below it.
    private func relative(_ path: String) -> String {
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
