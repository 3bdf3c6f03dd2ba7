import Foundation

/// Reading a configuration file and rule packs. Both are JSON with comments allowed (`JSONText`); every
/// problem names the file, the line and column, the key, and what is wrong, in the message language; a key
/// the file may not have is an error in both (a misspelt key would otherwise be ignored in silence).
extension Configuration {
    /// The largest rule pack or configuration file read (the built-in packs together are far smaller).
    public static let maxPackBytes = 1 << 20

    static let configurationKeys = ["rules", "packs", "year", "lang", "maxFileSize", "include", "exclude"]
    static var packKeys: [String] { RulePack.packKeys }
    static let customRuleKeys = ["id", "pattern", "message", "severity", "replacement", "corrections"]

    /// Applies a JSON configuration file. Relative pack paths are resolved against the file's folder.
    public mutating func apply(file path: String) throws(Error) -> (lang: Language?, year: Int?) {
        try apply(json: try Self.read(path), path: path)
    }

    /// Applies a configuration given as JSON (`path` names it in messages and anchors relative pack paths).
    public mutating func apply(json data: Data, path: String) throws(Error) -> (lang: Language?, year: Int?) {
        let root = try Self.parse(data, path: path, isPack: false)
        func fail(_ node: JSONText.Node, _ key: String?, _ zh: String, _ en: String) -> Error {
            .at(path: path, node.position, key: key, problem: Localized(zh: zh, en: en), isPack: false)
        }
        try Self.refuseUnknownKeys(root, allowed: Self.configurationKeys, path: path, isPack: false)
        // Packs first: they may define custom rules that "rules" then configures.
        if let packs = root["packs"] {
            guard case .array(let items) = packs.value else { throw fail(packs, "packs", "应为规则包路径的列表", "must be a list of pack paths") }
            let base = (path as NSString).deletingLastPathComponent
            for item in items {
                guard case .string(let p) = item.value else { throw fail(item, "packs", "应为路径字符串", "must be a path (a string)") }
                try addPack(path: p.hasPrefix("/") ? p : (base as NSString).appendingPathComponent(p))
            }
        }
        if let rules = root["rules"] {
            guard case .object(let members) = rules.value else {
                throw fail(rules, "rules", "应为“规则: 级别”的对象，如 {\"punctuation\": \"off\"}", "must map rule ids to error|warning|note|off")
            }
            for member in members { try applyRule(member.key, member.value, keyPosition: member.position, path: path) }
        }
        func limited(_ option: OptionLimits.Option) throws(Error) -> Int? {
            guard let node = root[option.key] else { return nil }
            do { return try OptionLimits.integer(option, json: node.foundationObject) } catch { throw .outOfRange(path: path, error) }
        }
        if let size = try limited(.maxFileSize) { limits.maxFileBytes = size }
        for key in ["include", "exclude"] {
            guard let node = root[key] else { continue }
            guard case .array(let items) = node.value else { throw fail(node, key, "应为路径模式的列表，如 [\"**/*.docx\"]", "must be a list of path patterns such as [\"**/*.docx\"]") }
            var globs: [Glob] = []
            for item in items {
                guard case .string(let p) = item.value, !p.isEmpty else { throw fail(item, key, "应为路径模式字符串", "must be a path pattern (a string)") }
                globs.append(Glob(p))
            }
            if key == "include" { include = globs } else { exclude = globs }
            base = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        }
        var lang: Language?
        if let node = root["lang"] {
            guard case .string(let s) = node.value, let l = Language(rawValue: s) else {
                throw fail(node, "lang", "只能是 \"zh\" 或 \"en\"", "must be \"zh\" or \"en\"")
            }
            lang = l
        }
        return (lang, try limited(.year))
    }

    /// One entry of `"rules"`: a severity (`"off"`), or an object with an optional `"severity"` and the rule's
    /// own settings (`RuleOptions`), decoded here once so that a wrong key or value is refused with its place.
    mutating func applyRule(_ id: String, _ node: JSONText.Node, keyPosition: JSONText.Position, path: String) throws(Error) {
        func at(_ position: JSONText.Position, _ key: String, _ problem: Localized) -> Error {
            .at(path: path, position, key: key, problem: problem, isPack: false)
        }
        func severity(_ level: String, _ position: JSONText.Position) throws(Error) {
            do { try setSeverity(rule: id, level) } catch {
                throw at(position, id, Localized(zh: error.message(.zh), en: error.message(.en)))
            }
        }
        switch node.value {
        case .string(let level):
            try severity(level, keyPosition)
        case .object(let members):
            let catalogue = RuleCatalogue(pack: pack)
            guard catalogue.descriptor(id) != nil else {
                let error = Error.unknownRule(id, suggestion: catalogue.suggestion(for: id))
                throw at(keyPosition, id, Localized(zh: error.message(.zh), en: error.message(.en)))
            }
            let type = RuleOptionsDecoding.type(of: id)
            try Self.refuseUnknownKeys(node, allowed: ["severity"] + (type.map { $0.keys.map(\.key) } ?? []), path: path, isPack: false)
            if let level = node["severity"] {
                guard case .string(let s) = level.value else {
                    throw at(level.position, "severity", Localized(zh: "级别应为 error、warning、note 或 off", en: "the severity must be error, warning, note or off"))
                }
                try severity(s, level.position)
            }
            guard let type else { return }
            let settings = JSONText.Node(value: .object(members.filter { $0.key != "severity" }), position: node.position)
            do {
                let options = try RuleOptionsDecoding.decode(type, from: settings)
                if let (key, problem) = options.problem() { throw at(settings[key]?.position ?? node.position, key, problem) }
                ruleOptions[id] = options
            } catch let error as Error {
                throw error
            } catch let decoding as DecodingError {
                let (codingPath, what) = Self.describe(decoding)
                let target = Self.node(at: codingPath, in: settings) ?? settings
                throw at(target.position, codingPath.last(where: { $0.intValue == nil })?.stringValue ?? id, what)
            } catch {
                throw at(node.position, id, Localized(zh: "设置无效", en: "invalid settings"))
            }
        default:
            throw at(node.position, id, Localized(zh: "应为级别（error、warning、note、off）或设置对象 {\"severity\": …}",
                                                  en: "must be a severity (error, warning, note, off) or an object of settings {\"severity\": …}"))
        }
    }

    /// Merges a user's rule pack on top of the built-in ones.
    public mutating func addPack(path: String) throws(Error) {
        try addPack(json: try Self.read(path), path: path)
    }

    /// Merges a rule pack given as JSON.
    public mutating func addPack(json data: Data, path: String) throws(Error) {
        let text = try Self.parseText(data, path: path, isPack: true)
        try Self.refuseUnknownKeys(text.root, allowed: Self.packKeys, path: path, isPack: true)
        if let rules = text.root["customRules"], case .array(let items) = rules.value {
            for item in items {
                try Self.refuseUnknownKeys(item, allowed: Self.customRuleKeys, path: path, isPack: true)
                if let corrections = item["corrections"], case .array(let list) = corrections.value {
                    for c in list { try Self.refuseUnknownKeys(c, allowed: ["before", "after"], path: path, isPack: true) }
                }
            }
        }
        // Merged into a copy and set once: setting the pack compiles it.
        var merged = pack
        defer { pack = merged }
        do { try merged.merge(json: text.plain) } catch let problem as CustomRuleSpec.Problem {
            throw .invalidPack(path: path, reason: problem.description)
        } catch let decoding as DecodingError {
            let (codingPath, what) = Self.describe(decoding)
            let node = Self.node(at: codingPath, in: text.root) ?? text.root
            throw .at(path: path, node.position, key: codingPath.last(where: { $0.intValue == nil })?.stringValue,
                      problem: what, isPack: true)
        } catch {
            throw .invalidPack(path: path, reason: "\(error)")
        }
    }

    static func parse(_ data: Data, path: String, isPack: Bool) throws(Error) -> JSONText.Node {
        try parseText(data, path: path, isPack: isPack).root
    }

    static func parseText(_ data: Data, path: String, isPack: Bool) throws(Error) -> JSONText {
        let text: JSONText
        do { text = try JSONText(data) } catch {
            throw .at(path: path, error.position, key: nil,
                      problem: Localized(zh: "不是有效的 JSON，此处应为\(error.expected.zh)", en: "not valid JSON: expected \(error.expected.en) here"),
                      isPack: isPack)
        }
        guard case .object = text.root.value else {
            throw .at(path: path, text.root.position, key: nil,
                      problem: Localized(zh: "最外层应为对象 {…}", en: "the top level must be an object {…}"), isPack: isPack)
        }
        return text
    }

    static func refuseUnknownKeys(_ node: JSONText.Node, allowed: [String], path: String, isPack: Bool) throws(Error) {
        guard case .object(let members) = node.value else { return }
        for member in members where !allowed.contains(member.key) {
            let near = allowed.min { EditDistance.between($0, member.key) < EditDistance.between($1, member.key) }
                .flatMap { EditDistance.between($0, member.key) <= 3 ? $0 : nil }
            throw .at(path: path, member.position, key: member.key, problem: Localized(
                zh: "未知的键" + (near.map { "，是否想写“\($0)”？" } ?? "（可用：\(allowed.joined(separator: "、"))）"),
                en: "unknown key" + (near.map { "; did you mean \"\($0)\"?" } ?? " (known: \(allowed.joined(separator: ", ")))")), isPack: isPack)
        }
    }

    /// The place a decoding error points at, and what was wrong, in words (not Swift's `DecodingError` text).
    static func describe(_ error: DecodingError) -> ([CodingKey], Localized) {
        switch error {
        case .typeMismatch(let type, let c):
            return (c.codingPath, Localized(zh: "类型不对，应为\(kind(type).zh)", en: "wrong type: expected \(kind(type).en)"))
        case .valueNotFound(let type, let c):
            return (c.codingPath, Localized(zh: "缺少值，应为\(kind(type).zh)", en: "a value is missing: expected \(kind(type).en)"))
        case .keyNotFound(let key, let c):
            return (c.codingPath, Localized(zh: "缺少必需的键“\(key.stringValue)”", en: "the required key \"\(key.stringValue)\" is missing"))
        case .dataCorrupted(let c):
            return (c.codingPath, Localized(zh: "值无效", en: "an invalid value"))
        @unknown default:
            return ([], Localized(zh: "内容有误", en: "invalid content"))
        }
    }

    private static func kind(_ type: Any.Type) -> Localized {
        let name = "\(type)"
        if name.hasPrefix("Array") { return Localized(zh: "列表 […]", en: "a list […]") }
        if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return Localized(zh: "对象 {…}", en: "an object {…}") }
        if name == "String" { return Localized(zh: "字符串", en: "a string") }
        if name == "Bool" { return Localized(zh: "true 或 false", en: "true or false") }
        if name == "Double" || name == "Int" { return Localized(zh: "数字", en: "a number") }
        return Localized(zh: "对象 {…}", en: "an object {…}")
    }

    /// The node a coding path leads to, as far as it goes.
    static func node(at path: [CodingKey], in root: JSONText.Node) -> JSONText.Node? {
        var node = root
        for key in path {
            if let index = key.intValue, case .array(let items) = node.value, index < items.count { node = items[index] }
            else if let next = node[key.stringValue] { node = next }
            else { break }
        }
        return node
    }
}
