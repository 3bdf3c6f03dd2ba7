import Foundation

/// Finds the configuration that applies to a file: the nearest `.xxgk-lint.json` in the file's folder or
/// above it — as ESLint, ruff and SwiftLint find theirs — so that a county office can turn a rule off for
/// one town's folder and keep it for the rest. Folders are looked at once per run.
public final class ConfigurationDiscovery: @unchecked Sendable {
    public static let fileName = ".xxgk-lint.json"
    private var cache: [String: String?] = [:]
    private let lock = NSLock()

    public init() {}

    /// The configuration file for `path` (a file, or "./-" for standard input: the current folder's), or nil.
    public func nearest(to path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return find(in: (absolute as NSString).deletingLastPathComponent)
    }

    private func find(in folder: String) -> String? {
        lock.lock()
        if let known = cache[folder] { lock.unlock(); return known }
        lock.unlock()
        let candidate = folder == "/" ? "/" + Self.fileName : folder + "/" + Self.fileName
        var info = stat()
        let found: String?
        if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            found = Self.relative(candidate)
        } else if folder == "/" || folder.isEmpty {
            found = nil
        } else {
            found = find(in: (folder as NSString).deletingLastPathComponent)
        }
        lock.lock()
        cache[folder] = .some(found)
        lock.unlock()
        return found
    }

    /// As users would write it: relative to the current folder where it lies below it.
    private static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
