import Foundation

/// What a run is configured to do: which rules, at which severity, with which rule packs.
///
/// Comes from the command line and an optional JSON file (`--config FILE`, or `.xxgk-lint.json` found in
/// the current directory):
///
///     { "rules": { "punctuation": "off", "report-title": "error" },
///       "packs": ["rules/our-county.json"], "year": 2024, "lang": "en" }
public struct Configuration: Sendable {
    /// Per-rule severity overrides; `nil` in the map means the rule is turned off.
    public var severities: [String: Severity?] = [:]
    /// Rules' own settings (`"rules": {"repeated-word": {"allow": […]}}`), decoded, by rule id.
    public var ruleOptions: [String: any RuleOptions] = [:]
    /// The rule packs merged (the built-in ones, then the user's). Setting it compiles it (`Knowledge`): merge
    /// packs into a `RulePack` of your own and set it once, rather than merging into this one pack by pack.
    public var pack: RulePack {
        get { ownKnowledge?.pack ?? .builtIn }
        set { ownKnowledge = Knowledge(newValue) }
    }
    /// The pack with the forms readers and rules search, made when the pack was set.
    public var knowledge: Knowledge { ownKnowledge ?? .builtIn }
    /// The knowledge of a pack set; nil for the built-in packs, compiled once for every configuration.
    private var ownKnowledge: Knowledge?
    public var yearOverride: Int?
    public var limits: LoadLimits = .default
    /// Which of the files found in folders are linted (`"include"`, `"exclude"`: `Glob` patterns relative to
    /// the configuration file's folder, `base`). A file named on the command line is always linted.
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var base = "."

    /// Whether a file found by walking a folder is to be linted.
    public func selects(_ path: String) -> Bool {
        // No patterns, nothing to work out (standardising a path looks up each of its folders for links).
        guard !include.isEmpty || !exclude.isEmpty else { return true }
        let relative = Self.relative(path, to: base)
        if !include.isEmpty, !include.contains(where: { $0.matches(relative) }) { return false }
        return !exclude.contains { $0.matches(relative) }
    }

    static func relative(_ path: String, to base: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> String { (p.hasPrefix("/") ? p : cwd + "/" + p) }
        let full = (absolute(path) as NSString).standardizingPath, root = (absolute(base) as NSString).standardizingPath
        return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : full
    }

    /// The filter stage: suppression comments, and the baseline when one is given.
    public var filters = FilterStage()

    public init() {}

    public func isEnabled(_ id: String) -> Bool {
        if let entry = severities[id] { return entry != nil }
        return true
    }

    public func severity(for id: String, default value: Severity) -> Severity {
        if let entry = severities[id], let s = entry { return s }
        return value
    }

    public enum Error: Swift.Error, Equatable {
        case unreadable(path: String, reason: String)
        case invalid(path: String, reason: String)
        case unknownRule(String, suggestion: String?)
        case badSeverity(rule: String, value: String)
        case outOfRange(path: String, OptionLimits.Problem)
        case packTooLarge(path: String, bytes: Int)
        case invalidPack(path: String, reason: String)
        /// A problem at a place in a configuration file or a pack: line, column, the key, what is wrong.
        case at(path: String, JSONText.Position, key: String?, problem: Localized, isPack: Bool)

        public func message(_ lang: Language) -> String {
            switch (self, lang) {
            case (.unreadable(let p, let r), .zh): return "无法读取配置文件 \(p)：\(r)"
            case (.unreadable(let p, let r), .en): return "cannot read configuration file \(p): \(r)"
            case (.invalid(let p, let r), .zh): return "配置文件 \(p) 格式错误：\(r)"
            case (.invalid(let p, let r), .en): return "configuration file \(p) is invalid: \(r)"
            case (.unknownRule(let id, let near?), .zh): return "未知规则“\(id)”，是否想写“\(near)”？（运行 xxgk-lint rules 查看全部规则）"
            case (.unknownRule(let id, let near?), .en): return "unknown rule '\(id)'; did you mean '\(near)'? (run xxgk-lint rules to list them)"
            case (.unknownRule(let id, nil), .zh): return "未知规则“\(id)”（运行 xxgk-lint rules 查看全部规则）"
            case (.unknownRule(let id, nil), .en): return "unknown rule '\(id)' (run xxgk-lint rules to list them)"
            case (.badSeverity(let id, let v), .zh): return "规则 \(id) 的级别“\(v)”无效（可用 error、warning、note、off）"
            case (.badSeverity(let id, let v), .en): return "invalid severity '\(v)' for rule \(id) (use error, warning, note or off)"
            case (.at(let p, let pos, let key, let problem, let isPack), .zh):
                let k = key.map { "（键“\($0)”）" } ?? ""
                return "\(isPack ? "规则包" : "配置文件") \(p) 第 \(pos.line) 行第 \(pos.column) 列\(k)：\(problem.zh)"
            case (.at(let p, let pos, let key, let problem, let isPack), .en):
                let k = key.map { " (key \"\($0)\")" } ?? ""
                return "\(isPack ? "rule pack" : "configuration file") \(p), line \(pos.line), column \(pos.column)\(k): \(problem.en)"
            case (.invalidPack(let p, let r), .zh): return "规则包 \(p) 有误：\(r)"
            case (.invalidPack(let p, let r), .en): return "rule pack \(p) is invalid: \(r)"
            case (.packTooLarge(let p, let n), .zh): return "配置或规则包文件 \(p) 过大（\(n) 字节，上限 \(Configuration.maxPackBytes) 字节）"
            case (.packTooLarge(let p, let n), .en): return "\(p) is too large for a configuration or rule pack (\(n) bytes; the limit is \(Configuration.maxPackBytes))"
            case (.outOfRange(let p, let problem), .zh): return "配置文件 \(p)：\(problem.message(.zh, inConfiguration: true))"
            case (.outOfRange(let p, let problem), .en): return "configuration file \(p): \(problem.message(.en, inConfiguration: true))"
            }
        }
    }

    public mutating func setSeverity(rule id: String, _ value: String) throws(Error) {
        let catalogue = RuleCatalogue(pack: pack)
        guard catalogue.descriptor(id) != nil else { throw .unknownRule(id, suggestion: catalogue.suggestion(for: id)) }
        switch value.lowercased() {
        case "off", "none", "disabled": severities[id] = .some(nil)
        case let v: guard let s = Severity(rawValue: v) else { throw .badSeverity(rule: id, value: value) }
            severities[id] = .some(s)
        }
    }

    /// A baseline file (`--baseline`).
    public static func baseline(_ path: String) throws(Error) -> Baseline {
        let data = try read(path, limit: 64 << 20)
        do { return try Baseline.decode(data) } catch {
            throw .invalid(path: path, reason: "not a baseline written by --write-baseline")
        }
    }

    /// A configuration file or a pack, read as drafts are: a regular file (a FIFO or /dev/zero named as a pack
    /// is refused, not read forever), at most `maxPackBytes`.
    static func read(_ path: String, limit: Int = maxPackBytes) throws(Error) -> Data {
        do { return Data(try FileBytes.read(path: path, limit: limit)) } catch {
            switch error {
            case .tooLarge(let bytes, _): throw .packTooLarge(path: path, bytes: bytes)
            case .notFound: throw .unreadable(path: path, reason: "no such file")
            case .empty: return Data()
            default: throw .unreadable(path: path, reason: error.message(.en))
            }
        }
    }
}
