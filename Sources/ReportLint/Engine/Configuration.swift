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
    public var pack: RulePack = .builtIn
    public var yearOverride: Int?
    public var limits: LoadLimits = .default
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
            case (.invalidPack(let p, let r), .zh): return "规则包 \(p) 有误：\(r)"
            case (.invalidPack(let p, let r), .en): return "rule pack \(p) is invalid: \(r)"
            case (.packTooLarge(let p, let n), .zh): return "配置或规则包文件 \(p) 过大（\(n) 字节，上限 \(Configuration.maxPackBytes) 字节）"
            case (.packTooLarge(let p, let n), .en): return "\(p) is too large for a configuration or rule pack (\(n) bytes; the limit is \(Configuration.maxPackBytes))"
            case (.outOfRange(let p, let problem), .zh): return "配置文件 \(p)：\(problem.message(.zh, inConfiguration: true))"
            case (.outOfRange(let p, let problem), .en): return "configuration file \(p): \(problem.message(.en, inConfiguration: true))"
            }
        }
    }

    /// Applies a JSON configuration file. Relative pack paths are resolved against the file's folder.
    public mutating func apply(file path: String) throws(Error) -> (lang: Language?, year: Int?) {
        try apply(json: try Self.read(path), path: path)
    }

    /// Applies a configuration given as JSON (`path` names it in messages and anchors relative pack paths).
    public mutating func apply(json data: Data, path: String) throws(Error) -> (lang: Language?, year: Int?) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw .invalid(path: path, reason: "not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw .invalid(path: path, reason: "the top level must be an object") }
        for key in root.keys where !["rules", "packs", "year", "lang", "maxFileSize"].contains(key) {
            throw .invalid(path: path, reason: "unknown key \"\(key)\"")
        }
        // Packs first: they may define custom rules that "rules" then configures.
        if let packs = root["packs"] {
            guard let list = packs as? [String] else { throw .invalid(path: path, reason: "\"packs\" must be a list of paths") }
            let base = (path as NSString).deletingLastPathComponent
            for p in list { try addPack(path: p.hasPrefix("/") ? p : (base as NSString).appendingPathComponent(p)) }
        }
        if let rules = root["rules"] {
            guard let map = rules as? [String: String] else { throw .invalid(path: path, reason: "\"rules\" must map rule ids to error|warning|note|off") }
            for (id, value) in map { try setSeverity(rule: id, value) }
        }
        func limited(_ option: OptionLimits.Option) throws(Error) -> Int? {
            guard let value = root[option.key] else { return nil }
            do { return try OptionLimits.integer(option, json: value) } catch { throw .outOfRange(path: path, error) }
        }
        if let size = try limited(.maxFileSize) { limits.maxFileBytes = size }
        let lang = (root["lang"] as? String).flatMap(Language.init(rawValue:))
        if root["lang"] != nil && lang == nil { throw .invalid(path: path, reason: "\"lang\" must be \"zh\" or \"en\"") }
        return (lang, try limited(.year))
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

    /// The largest rule pack or configuration file read (the built-in packs together are far smaller).
    public static let maxPackBytes = 1 << 20

    /// Merges a user's rule pack on top of the built-in ones.
    public mutating func addPack(path: String) throws(Error) {
        try addPack(json: try Self.read(path), path: path)
    }

    /// Merges a rule pack given as JSON.
    public mutating func addPack(json data: Data, path: String) throws(Error) {
        do { try pack.merge(json: data) } catch let problem as CustomRuleSpec.Problem {
            throw .invalidPack(path: path, reason: problem.description)
        } catch {
            throw .invalidPack(path: path, reason: "not a rule pack: \(error)")
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
