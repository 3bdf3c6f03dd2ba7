import Foundation

/// Renders a rule's descriptor as documentation: the text of `xxgk-lint explain` and of docs/rules.md.
public enum RuleDocumentation {
    public static func render(_ d: RuleDescriptor, _ lang: Language) -> String {
        let zh = lang == .zh
        var out = "# \(d.id) — \(d.name[lang])\n\n"
        out += (zh ? "默认级别：" : "Default severity: ") + d.severity.label(lang) + "\n\n"
        out += d.summary[lang] + "\n\n"
        out += (zh ? "## 为什么\n\n" : "## Why\n\n") + d.rationale[lang] + "\n\n"
        out += (zh ? "依据：" : "Basis: ") + d.basis[lang] + "\n\n"
        out += options(d.id, lang)
        out += zh ? "## 会报告的写法（↓ 标出位置）\n\n" : "## Examples that trigger (↓ marks the place)\n\n"
        for e in d.triggering { out += block(e, lang) }
        out += zh ? "## 不会报告的写法\n\n" : "## Examples that do not trigger\n\n"
        for e in d.nonTriggering { out += block(e, lang) }
        if !d.corrections.isEmpty {
            out += zh ? "## 自动修正（--fix，修正前 → 修正后）\n\n" : "## Fixes (--fix, before → after)\n\n"
            for c in d.corrections {
                let year = c.year.map { zh ? "（报告年度 \($0)）\n" : "(report year \($0))\n" } ?? ""
                out += year + "```\n" + c.before + "\n```\n→\n```\n" + c.after + "\n```\n\n"
            }
        }
        return out
    }

    /// rules/RULES.md: every built-in rule in Chinese, then in English. A test keeps it current
    /// (regenerate with `UPDATE_GOLDEN=1 swift test`).
    public static func book() -> String {
        var out = "<!-- Generated from the rule descriptors (Sources/ReportLint/Rules/**). Do not edit by hand. -->\n\n"
        out += "# xxgk-lint 规则 / Rules\n\n"
        for lang in Language.allCases {
            for d in RuleRegistry.descriptors {
                out += render(d, lang).replacingOccurrences(of: "\n# ", with: "\n## ").replacingOccurrences(of: "\n## ", with: "\n### ")
                    .replacingOccurrences(of: "# \(d.id)", with: "## \(d.id)", options: .anchored) + "\n"
            }
        }
        return out
    }

    /// The rule's own settings, with their defaults and an example of the configuration entry.
    static func options(_ id: String, _ lang: Language) -> String {
        guard let type = RuleOptionsDecoding.type(of: id) else { return "" }
        let defaults = RuleOptionsDecoding.defaults(type)
        var out = lang == .zh ? "## 设置\n\n" : "## Settings\n\n"
        for (key, meaning) in type.keys {
            let value = defaults[key] ?? ""
            out += lang == .zh ? "- `\(key)`（默认 `\(value)`）：\(meaning.zh)\n" : "- `\(key)` (default `\(value)`): \(meaning.en)\n"
        }
        let example = type.keys.map { "\"\($0.key)\": \(defaults[$0.key] ?? "null")" }.joined(separator: ", ")
        out += "\n" + (lang == .zh ? "在配置文件中：" : "In the configuration file:") + "\n\n```\n\"rules\": { \"\(id)\": { \"severity\": \"warning\", \(example) } }\n```\n\n"
        return out
    }

    private static func block(_ e: RuleExample, _ lang: Language) -> String {
        let year = e.year.map { lang == .zh ? "（报告年度 \($0)）\n" : "(report year \($0))\n" } ?? ""
        guard !e.batch.isEmpty else { return year + "```\n" + e.text + "\n```\n\n" }
        // A batch example: the report the rule speaks about, then the others linted with it.
        var out = year + "`\(e.name)`\n\n```\n" + e.text + "\n```\n\n"
        for other in e.batch {
            out += (lang == .zh ? "同批检查的 " : "linted together with ") + "`\(other.name)`\n\n```\n" + other.text + "\n```\n\n"
        }
        return out
    }
}
