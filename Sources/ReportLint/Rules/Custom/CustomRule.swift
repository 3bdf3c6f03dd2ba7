/// Rules a county office writes itself, in a rule pack, without recompiling:
///
///     { "customRules": [
///         { "id": "county-office-name", "severity": "warning",
///           "pattern": "县政务公开办(?!公室)",
///           "message": { "zh": "请写全称“县政务公开办公室”", "en": "write the office's full name" },
///           "replacement": "县政务公开办公室",
///           "corrections": [ { "before": "报县政务公开办审核", "after": "报县政务公开办公室审核" } ] } ] }
///
/// A rule with a replacement may give `corrections`: text before and after its fix. They are checked when the
/// pack is loaded (the replacement must turn each `before` into its `after`) and shown by `explain`.
/// Patterns are regular expressions (Swift `Regex` syntax), matched against each paragraph. A pattern that
/// could take exponential or polynomial time — `(a+)+`, `(a|aa)*`, `(a?){30}`, `.*.*x`, a backreference — is
/// refused when the pack is loaded, with the reason (`PatternRisk`); the per-file time budget (`--timeout`,
/// for one file as for a batch) stops anything that still runs away. A run takes at most
/// `CustomRuleSpec.maxRules` custom rules.
public struct CustomRuleSpec: Sendable, Codable, Equatable {
    public var id: String
    public var pattern: String
    public var message: Localized
    public var severity: Severity?
    public var replacement: String?
    public var corrections: [Correction]?

    public struct Correction: Sendable, Codable, Equatable {
        public var before: String
        public var after: String
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case badID(String)
        case builtInID(String)
        case invalidPattern(String, String)
        case unsafePattern(String, String)
        case tooManyRules(Int)
        case wrongCorrection(String, before: String, after: String, got: String)

        public var description: String {
            switch self {
            case .badID(let id): "custom rule id \"\(id)\" must be kebab-case (a-z, 0-9, -)"
            case .builtInID(let id): "custom rule id \"\(id)\" is the id of a built-in rule"
            case .invalidPattern(let id, let why): "custom rule \(id): the pattern is not a valid regular expression (\(why))"
            case .unsafePattern(let id, let why): "custom rule \(id): the pattern is refused: \(why) can make matching take minutes (catastrophic backtracking)"
            case .wrongCorrection(let id, let before, let after, let got):
                "custom rule \(id): its replacement turns \"\(before)\" into \"\(got)\", not \"\(after)\" as its correction says"
            case .tooManyRules(let n): "more than \(n) custom rules: each one is matched against every paragraph of every draft"
            }
        }
    }

    /// Custom rules a run may have (all packs together).
    public static let maxRules = 1_000

    public func validate() throws(Problem) {
        guard !id.isEmpty, id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw .badID(id)
        }
        if RuleRegistry.descriptors.contains(where: { $0.id == id }) { throw .builtInID(id) }
        if let why = Self.exponentialRisk(pattern) { throw .unsafePattern(id, why) }
        let regex: Regex<AnyRegexOutput>
        do { regex = try Regex(pattern) } catch { throw .invalidPattern(id, "\(error)") }
        for c in corrections ?? [] {
            let got = replacement.map { c.before.replacing(regex, with: $0) } ?? c.before
            if got != c.after { throw .wrongCorrection(id, before: c.before, after: c.after, got: got) }
        }
    }

    /// Why a pattern may take exponential or polynomial time, or nil (see `PatternRisk`).
    static func exponentialRisk(_ pattern: String) -> String? { PatternRisk.reason(pattern) }
}

/// Runs the custom rules of the pack over every paragraph and heading.
struct CustomRuleRunner: Sendable {
    let specs: [CustomRuleSpec]

    func check(_ report: Report) -> [(spec: CustomRuleSpec, finding: Finding)] {
        var results: [(CustomRuleSpec, Finding)] = []
        for spec in specs {
            // Compiled per report: `Regex` is not Sendable, and compiling a short pattern costs microseconds.
            guard let regex = try? Regex(spec.pattern) else { continue }
            for p in report.paragraphs {
                let text = p.text
                for match in text.matches(of: regex) where !match.range.isEmpty {
                    let start = text.unicodeScalars.distance(from: text.startIndex, to: match.range.lowerBound)
                    let end = text.unicodeScalars.distance(from: text.startIndex, to: match.range.upperBound)
                    let fix = spec.replacement.map {
                        Fix(description: Localized(zh: "改为“\($0)”", en: "replace with '\($0)'"), replacement: $0)
                    }
                    results.append((spec, Finding(span: p.span(start, end), message: spec.message, severity: spec.severity, fix: fix)))
                }
            }
        }
        return results
    }

    /// The descriptor reporters list for a custom rule.
    static func descriptor(_ spec: CustomRuleSpec) -> RuleDescriptor {
        RuleDescriptor(id: spec.id, severity: spec.severity ?? .warning,
                       name: Localized(zh: "自定义规则 \(spec.id)", en: "Custom rule \(spec.id)"),
                       summary: spec.message,
                       rationale: Localized(zh: "由规则包定义，模式：\(spec.pattern)", en: "Defined in a rule pack; pattern: \(spec.pattern)"),
                       basis: Localized(zh: "用户规则包", en: "user rule pack"), triggering: [], nonTriggering: [],
                       corrections: (spec.corrections ?? []).map { RuleCorrection($0.before, $0.after) })
    }
}
