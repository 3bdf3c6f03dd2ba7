import Foundation
import ReportLint

/// `xxgk-lint init`: a commented starting configuration in the current folder (never over an existing one).
enum InitCommand {
    static func run(_ args: Arguments) -> Int32 {
        let lang = args.lang ?? .zh
        if args.help { print(Arguments.usage(lang)); return 0 }
        let path = args.paths.first ?? ConfigurationDiscovery.fileName
        guard !FileManager.default.fileExists(atPath: path) else {
            return CLI.usageError(lang == .zh ? "\(path) 已存在，未改动" : "\(path) already exists; left as it is", lang)
        }
        do { try AtomicFile.write(text(lang), to: path) } catch {
            return CLI.usageError(LintCommand.cannotWrite(path, error, lang), lang)
        }
        print(lang == .zh ? "已写入 \(path)：它对本文件夹及其下各文件夹中的草稿生效" : "wrote \(path): it applies to drafts in this folder and the folders below it")
        return 0
    }

    /// The file: every key explained, every rule listed (commented out) with its default severity.
    static func text(_ lang: Language) -> String {
        let zh = lang == .zh
        let rules = RuleCatalogue().descriptors.map { d in
            "    // \"\(d.id)\": \"\(d.severity.rawValue)\",".padding(toLength: 44, withPad: " ", startingAt: 0) + "// " + d.summary[lang]
        }.joined(separator: "\n")
        return """
        // xxgk-lint \(zh ? "配置文件：对本文件夹及其下各文件夹中的草稿生效（最近的配置文件优先）" : "configuration: applies to drafts in this folder and below (the nearest file wins)")
        // \(zh ? "可写注释（// 和 /* */）。运行 xxgk-lint explain 规则 查看每条规则。" : "Comments (// and /* */) are allowed. See xxgk-lint explain RULE for each rule.")
        {
          // \(zh ? "规则级别：error、warning、note，或 off 关闭。去掉行首的 // 即生效。" : "Rule severities: error, warning, note, or off. Remove the // to apply one.")
          // \(zh ? "有设置的规则也可写成对象，如 {\"severity\": \"note\", \"allow\": [\"我镇\"]}（xxgk-lint explain 规则 列出其设置）" : "A rule with settings may take an object, e.g. {\"severity\": \"note\", \"allow\": [\"我镇\"]} (xxgk-lint explain RULE lists them)")
          "rules": {
        \(rules)
          },
          // \(zh ? "追加的规则包（自定义规则、短语表），相对本文件所在文件夹" : "Rule packs to add (custom rules, phrase lists), relative to this file's folder")
          "packs": [],
          // \(zh ? "消息语言：zh 或 en" : "Message language: zh or en")
          "lang": "\(lang.rawValue)"
          // \(zh ? "报告年度（通常自动识别；如需固定，去掉注释）" : "The report year (normally found; to fix it, uncomment)")
          // , "year": 2024
          // \(zh ? "单个文件大小上限（字节）" : "Largest input file (bytes)")
          // , "maxFileSize": 20971520
        }

        """
    }
}
