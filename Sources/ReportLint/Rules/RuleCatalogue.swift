/// Every rule a run knows, in one list: the built-in rules — per report and collecting (`RuleRegistry`) —
/// and the custom rules of the configured packs. `rules`, `explain`, the generated docs, SARIF's rule table,
/// the configuration's rule ids and the engine all read this one list.
public struct RuleCatalogue: Sendable {
    public let descriptors: [RuleDescriptor]

    public init(pack: RulePack = .builtIn) {
        descriptors = RuleRegistry.descriptors + pack.customRules.map(CustomRuleRunner.descriptor)
    }

    public func descriptor(_ id: String) -> RuleDescriptor? { descriptors.first { $0.id == id } }

    public var ids: [String] { descriptors.map(\.id) }

    /// The known id nearest to a mistyped one (“did you mean”), if one is close enough.
    public func suggestion(for id: String) -> String? {
        let scored = ids.map { ($0, EditDistance.between($0, id)) }.filter { $0.1 <= max(2, id.count / 3) }
        return scored.min { $0.1 < $1.1 }?.0
    }
}

/// Levenshtein distance over characters, for “did you mean” suggestions.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count), current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
