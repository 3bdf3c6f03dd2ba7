/// Rules a county office writes itself, in a rule pack, without recompiling:
///
///     { "customRules": [
///         { "id": "county-office-name", "severity": "warning",
///           "pattern": "县政务公开办(?!公室)",
///           "message": { "zh": "请写全称“县政务公开办公室”", "en": "write the office's full name" },
///           "replacement": "县政务公开办公室" } ] }
///
/// Patterns are regular expressions (Swift `Regex` syntax), matched against each paragraph. A pattern that
/// could take exponential time — a quantified group that itself contains a quantifier, such as `(a+)+`, or a
/// backreference — is refused when the pack is loaded, with the reason; what is left is bounded per
/// paragraph, and a batch run's per-file time budget (`--timeout`) stops anything that still runs away.
public struct CustomRuleSpec: Sendable, Codable, Equatable {
    public var id: String
    public var pattern: String
    public var message: Localized
    public var severity: Severity?
    public var replacement: String?

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case badID(String)
        case builtInID(String)
        case invalidPattern(String, String)
        case unsafePattern(String, String)

        public var description: String {
            switch self {
            case .badID(let id): "custom rule id \"\(id)\" must be kebab-case (a-z, 0-9, -)"
            case .builtInID(let id): "custom rule id \"\(id)\" is the id of a built-in rule"
            case .invalidPattern(let id, let why): "custom rule \(id): the pattern is not a valid regular expression (\(why))"
            case .unsafePattern(let id, let why): "custom rule \(id): the pattern is refused because \(why) can take exponential time"
            }
        }
    }

    public func validate() throws(Problem) {
        guard !id.isEmpty, id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw .badID(id)
        }
        if RuleRegistry.descriptors.contains(where: { $0.id == id }) { throw .builtInID(id) }
        if let why = Self.exponentialRisk(pattern) { throw .unsafePattern(id, why) }
        do { _ = try Regex(pattern) } catch { throw .invalidPattern(id, "\(error)") }
    }

    /// Why a pattern may backtrack exponentially, or nil: a repeated group containing a repetition
    /// (`(a+)+`, `(\d*)*`, `(?:x|y+){2,}`), a backreference (`\1`, `\k<name>`), or an excessive length.
    static func exponentialRisk(_ pattern: String) -> String? {
        let s = Array(pattern.unicodeScalars)
        if s.count > 500 { return "a pattern over 500 characters" }
        var groupHasQuantifier: [Bool] = []
        var i = 0, inClass = false
        func quantifierAt(_ k: Int) -> Bool {
            guard k < s.count else { return false }
            if s[k] == "+" || s[k] == "*" { return true }
            if s[k] == "{" {  // {n,} or {n,m} with m > 1 repeats; {1} or {0,1} does not
                var j = k + 1, text = ""
                while j < s.count, s[j] != "}" { text.unicodeScalars.append(s[j]); j += 1 }
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                if parts.count == 2 { return parts[1].isEmpty || (Int(parts[1]) ?? 2) > 1 }
                return (Int(text) ?? 0) > 1
            }
            return false
        }
        while i < s.count {
            let c = s[i]
            if c == "\\" {
                if i + 1 < s.count, s[i + 1].properties.numericType != nil, s[i + 1] != "0" { return "a backreference" }
                if i + 1 < s.count, s[i + 1] == "k" { return "a backreference" }
                i += 2
                continue
            }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            switch c {
            case "[": inClass = true
            case "(": groupHasQuantifier.append(false)
            case ")":
                let inner = groupHasQuantifier.popLast() ?? false
                if inner && quantifierAt(i + 1) { return "a repeated group that contains a repetition" }
                if inner || quantifierAt(i + 1), !groupHasQuantifier.isEmpty { groupHasQuantifier[groupHasQuantifier.count - 1] = true }
            default:
                if quantifierAt(i), !groupHasQuantifier.isEmpty { groupHasQuantifier[groupHasQuantifier.count - 1] = true }
            }
            i += 1
        }
        return nil
    }
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
                       basis: Localized(zh: "用户规则包", en: "user rule pack"), triggering: [], nonTriggering: [])
    }
}
