import Foundation

/// Turns the bytes of one input file into a `Document` (the "load" stage of the pipeline).
///
/// One loader per input format, each in its own file. A loader never crashes on bad input: it throws a
/// `LoadError` that says, in the user's terms, why the file could not be read.
public protocol Loader: Sendable {
    /// The formats this loader reads.
    static var formats: [InputFormat] { get }
    func load(_ bytes: [UInt8], path: String, limits: LoadLimits) throws(LoadError) -> Document
}

/// Bounds that keep one hostile or broken input from costing more than itself.
public struct LoadLimits: Sendable, Equatable {
    /// Largest input file read, in bytes (default 20 MB; `--max-file-size`).
    public var maxFileBytes: Int
    /// Largest total of inflated zip entries read from a .docx.
    public var maxInflatedBytes: Int
    /// Largest inflated/compressed ratio of one zip entry before it is taken for a zip bomb.
    public var maxCompressionRatio: Int
    /// Most entries in a zip container.
    public var maxZipEntries: Int
    /// Deepest XML/HTML nesting followed.
    public var maxNestingDepth: Int

    public init(maxFileBytes: Int = 20 * 1024 * 1024, maxInflatedBytes: Int = 50 * 1024 * 1024,
                maxCompressionRatio: Int = 100, maxZipEntries: Int = 10_000, maxNestingDepth: Int = 256) {
        self.maxFileBytes = maxFileBytes
        self.maxInflatedBytes = maxInflatedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxZipEntries = maxZipEntries
        self.maxNestingDepth = maxNestingDepth
    }

    public static let `default` = LoadLimits()
}

/// Why an input could not be read. Each case renders as one line for the user (in Chinese or English).
public enum LoadError: Error, Sendable, Equatable, Codable {
    case notFound
    case notAFile
    /// A symbolic link that leads back to itself (or a chain of more than 40 links).
    case symlinkLoop
    case unreadable(String)
    case tooLarge(bytes: Int, limit: Int)
    case empty
    case unsupportedFormat(String)
    case binary
    case undecodable
    case legacyWord
    case corruptContainer(String)
    case zipBomb(String)
    case missingPart(String)
    case malformedMarkup(String)
    case noText(String)
    case toolMissing(tool: String, package: String)
    case toolFailed(tool: String, detail: String)
    /// Checking the file crashed its worker process (batch runs isolate each file).
    case crashed(String)
    /// Checking the file took longer than the per-file time budget.
    case timedOut(seconds: Int)

    public func message(_ lang: Language) -> String {
        switch (self, lang) {
        case (.notFound, .zh): return "文件不存在"
        case (.notFound, .en): return "no such file"
        case (.notAFile, .zh): return "不是普通文件"
        case (.notAFile, .en): return "not a regular file"
        case (.symlinkLoop, .zh): return "符号链接形成循环（链接最终又指向自己），无法打开"
        case (.symlinkLoop, .en): return "a loop of symbolic links (the link leads back to itself)"
        case (.unreadable(let why), .zh): return "无法读取：\(why)"
        case (.unreadable(let why), .en): return "cannot be read: \(why)"
        case (.tooLarge(let b, let l), .zh): return "文件过大（\(b) 字节，上限 \(l) 字节；可用 --max-file-size 调整）"
        case (.tooLarge(let b, let l), .en): return "file too large (\(b) bytes, limit \(l); see --max-file-size)"
        case (.empty, .zh): return "文件为空"
        case (.empty, .en): return "file is empty"
        case (.unsupportedFormat(""), .zh): return "文件名没有扩展名，无法判断类型（支持 .txt .md .docx .html .pdf）"
        case (.unsupportedFormat(""), .en): return "the file name has no extension, so its type is unknown (supported: .txt .md .docx .html .pdf)"
        case (.unsupportedFormat(let ext), .zh): return "不支持的文件类型“\(ext)”（支持 .txt .md .docx .html .pdf）"
        case (.unsupportedFormat(let ext), .en): return "unsupported file type '\(ext)' (supported: .txt .md .docx .html .pdf)"
        case (.binary, .zh): return "看起来是二进制文件，不是文本"
        case (.binary, .en): return "looks like a binary file, not text"
        case (.undecodable, .zh): return "无法识别文本编码（支持 UTF-8、UTF-16、GB18030/GBK）"
        case (.undecodable, .en): return "text encoding not recognised (supported: UTF-8, UTF-16, GB18030/GBK)"
        case (.legacyWord, .zh): return "这是旧版 Word 97-2003 文档（.doc），请在 Word 中“另存为”.docx 后再检查"
        case (.legacyWord, .en): return "this is a legacy Word 97-2003 document (.doc); save it as .docx in Word and lint that"
        case (.corruptContainer(let why), .zh): return "文件已损坏，无法作为 .docx 打开：\(why)"
        case (.corruptContainer(let why), .en): return "corrupt file, cannot be opened as .docx: \(why)"
        case (.zipBomb(let why), .zh): return "疑似压缩炸弹，已拒绝读取：\(why)"
        case (.zipBomb(let why), .en): return "probable zip bomb, refused: \(why)"
        case (.missingPart(let part), .zh): return "文档缺少必要部分 \(part)"
        case (.missingPart(let part), .en): return "document lacks its required part \(part)"
        case (.malformedMarkup(let why), .zh): return "文档结构无法解析：\(why)"
        case (.malformedMarkup(let why), .en): return "document markup cannot be parsed: \(why)"
        case (.noText(let why), .zh): return "没有可检查的文字：\(why)"
        case (.noText(let why), .en): return "no text to lint: \(why)"
        case (.toolMissing(let tool, let pkg), .zh): return "需要 \(tool) 才能读取此格式，但未安装；请安装 \(pkg)（如 apt-get install \(pkg)）"
        case (.toolMissing(let tool, let pkg), .en): return "reading this format needs \(tool), which is not installed; install \(pkg) (e.g. apt-get install \(pkg))"
        case (.toolFailed(let tool, let d), .zh): return "\(tool) 运行失败：\(d)"
        case (.toolFailed(let tool, let d), .en): return "\(tool) failed: \(d)"
        case (.crashed(let d), .zh): return "检查此文件时程序异常退出（\(d)），其他文件不受影响；请把此文件报告给开发者"
        case (.crashed(let d), .en): return "the linter crashed on this file (\(d)); other files were not affected — please report this file"
        case (.timedOut(let s), .zh): return "检查超时（超过 \(s) 秒）已停止；可用 --timeout 调整"
        case (.timedOut(let s), .en): return "stopped after \(s) s without finishing (see --timeout)"
        }
    }
}

/// Reads a file from disk (or standard input) and hands its bytes to the loader for its format.
public struct DocumentLoader: Sendable {
    public var limits: LoadLimits
    let loaders: [InputFormat: any Loader]

    public init(limits: LoadLimits = .default, loaders: [any Loader] = DocumentLoader.builtIn) {
        self.limits = limits
        var map: [InputFormat: any Loader] = [:]
        for loader in loaders {
            for format in type(of: loader).formats { map[format] = loader }
        }
        self.loaders = map
    }

    /// The loaders shipped with xxgk-lint.
    public static let builtIn: [any Loader] = [TextLoader(), DocxLoader(), HTMLLoader(), PDFLoader()]

    /// Loads the file at `path`. The format comes from the extension (`formatOverride` for stdin).
    public func load(path: String, formatOverride: InputFormat? = nil) throws(LoadError) -> Document {
        guard let format = formatOverride ?? InputFormat(path: path) else {
            // A path that is not there is reported as such, whatever its name ("xxgk-lint reprots").
            var target = stat()
            if stat(path, &target) != 0 && errno == ENOENT { throw .notFound }
            let name = (path as NSString).lastPathComponent
            let ext = name.contains(".") ? "." + (name.split(separator: ".").last.map(String.init) ?? "") : ""
            if ext.lowercased() == ".doc" { throw .legacyWord }
            throw .unsupportedFormat(ext)
        }
        let bytes = try FileBytes.read(path: path, limit: limits.maxFileBytes)
        return try load(bytes: bytes, path: path, format: format)
    }

    /// Loads bytes already in memory (standard input, tests, fuzzing).
    public func load(bytes: [UInt8], path: String, format: InputFormat) throws(LoadError) -> Document {
        if bytes.count > limits.maxFileBytes { throw .tooLarge(bytes: bytes.count, limit: limits.maxFileBytes) }
        guard let loader = loaders[format] else { throw .unsupportedFormat(format.rawValue) }
        return try loader.load(bytes, path: path, limits: limits)
    }
}

/// Reading bytes with the size checked first, so a 2 GB file is refused without being read.
///
/// Through the C library rather than FileManager and FileHandle: `attributesOfItem` alone cost about 50,000
/// instructions a file (a dictionary of boxed attributes), more than decoding a small draft. The checks are
/// those FileManager made: `stat` (following links) for existence, the type and the size.
enum FileBytes {
    static func read(path: String, limit: Int) throws(LoadError) -> [UInt8] {
        let limit = min(limit, OptionLimits.fileBytes.upperBound)  // limit + 1 below must not overflow
        var target = stat()
        guard stat(path, &target) == 0 else {
            switch errno {
            case ELOOP: throw .symlinkLoop
            case EACCES: throw .unreadable("permission denied")
            default: throw .notFound
            }
        }
        // What the path leads to (through links) must be a regular file: a directory, a FIFO or a device is
        // refused before `open`, which would block on a FIFO.
        if target.st_mode & S_IFMT != S_IFREG { throw .notAFile }
        let size = Int(target.st_size)
        if size > limit { throw .tooLarge(bytes: size, limit: limit) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // never blocks, even if the path changed since `stat`
        guard fd >= 0 else { throw .unreadable("permission denied") }
        defer { close(fd) }
        // Up to limit + 1 bytes, so that a file grown past the limit since `lstat` is still refused. Straight
        // into a buffer of the file's size (grown if the file grew): a zeroed chunk to copy from cost more
        // than reading.
        var capacity = min(limit + 1, size + 1)
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
        defer { buffer.deallocate() }
        var count = 0
        while count <= limit {
            if count == capacity {
                capacity = min(limit + 1, capacity * 2)
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
                larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                buffer.deallocate()
                buffer = larger
            }
            let got = readDescriptor(fd, buffer.baseAddress! + count, capacity - count)
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if got == 0 { break }
            count += got
        }
        if count > limit { throw .tooLarge(bytes: count, limit: limit) }
        let result = [UInt8](UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        if result.isEmpty { throw .empty }
        return result
    }

    /// Standard input, bounded by the same limit.
    static func readStandardInput(limit: Int) throws(LoadError) -> [UInt8] {
        let handle = FileHandle.standardInput
        var result: [UInt8] = []
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 16) } catch { throw .unreadable(error.localizedDescription) }
            guard let chunk, !chunk.isEmpty else { break }
            result.append(contentsOf: chunk)
            if result.count > limit { throw .tooLarge(bytes: result.count, limit: limit) }
        }
        if result.isEmpty { throw .empty }
        return result
    }
}

/// The C library's `read`, under a name that `FileBytes.read` does not shadow.
private func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
