import Foundation

/// A rule's own settings, given in the configuration under its id beside the severity:
///
///     "rules": { "repeated-word": { "severity": "note", "allow": ["我镇"] },
///                "vague-figure": { "approximateCounts": false } }
///
/// A rule with settings conforms to `ConfigurableRule` and declares them as a small `Codable` struct beside it
/// (`Options`), whose `init()` gives the defaults. The configuration reader decodes the struct once, refuses a key
/// it does not list (with the file, line and column), and `explain` lists the keys with their defaults.
public protocol RuleOptions: Codable, Sendable, Equatable {
    /// The defaults.
    init()
    /// Every key, with what it means (for `explain`, and to refuse a misspelt key).
    static var keys: [(key: String, meaning: Localized)] { get }
    /// A value the type allows but the rule cannot use (a share above 1), in words; nil when all is well.
    func problem() -> (key: String, problem: Localized)?
}

extension RuleOptions {
    public func problem() -> (key: String, problem: Localized)? { nil }
}

/// A rule that has settings of its own (see `RuleOptions`).
public protocol ConfigurableRule: Rule {
    associatedtype Options: RuleOptions
}

extension ConfigurableRule {
    public static var optionsType: (any RuleOptions.Type)? { Options.self }
}

extension RuleContext {
    /// The rule's settings: as configured, else the defaults.
    public func options<R: ConfigurableRule>(_ rule: R.Type) -> R.Options {
        (ruleOptions[R.descriptor.id] as? R.Options) ?? R.Options()
    }
}

/// Decoding a rule's settings from configuration JSON without knowing its type statically.
enum RuleOptionsDecoding {
    /// The settings type of a built-in rule, if it has one.
    static func type(of id: String) -> (any RuleOptions.Type)? {
        RuleRegistry.ruleTypes.first { $0.descriptor.id == id }?.optionsType
    }

    /// The settings given, each key left out keeping its default (the given keys laid over the encoded defaults,
    /// so that an `Options` struct needs no hand-written decoder).
    static func decode(_ type: any RuleOptions.Type, from node: JSONText.Node) throws -> any RuleOptions {
        func defaults<O: RuleOptions>(_ t: O.Type) throws -> [String: Any] {
            (try JSONSerialization.jsonObject(with: JSONEncoder().encode(O()))) as? [String: Any] ?? [:]
        }
        var merged = try defaults(type)
        if let given = node.foundationObject as? [String: Any] { merged.merge(given) { _, new in new } }
        return try JSONDecoder().decode(type, from: JSONSerialization.data(withJSONObject: merged))
    }

    /// The defaults as JSON text (`"allow": []`), for `explain` and `init`.
    static func defaults(_ type: any RuleOptions.Type) -> [String: String] {
        func encode<O: RuleOptions>(_ t: O.Type) -> [String: String] {
            guard let data = try? JSONEncoder().encode(O()),
                  let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return [:] }
            return object.mapValues { value in
                (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes]))
                    .flatMap { String(data: $0, encoding: .utf8) } ?? "\(value)"
            }
        }
        return encode(type)
    }
}
