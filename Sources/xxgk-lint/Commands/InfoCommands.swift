import Foundation
import ReportLint

/// `xxgk-lint rules`: every rule with its id, default severity and one-line description.
enum RulesCommand {
    static func run(_ args: Arguments) -> Int32 {
        var args = args
        var lang = args.lang ?? .zh
        if args.help { print(Arguments.usage(lang)); return 0 }
        // The configuration's packs may add custom rules: list those too.
        guard case .success(let configuration) = LintCommand.configure(&args, &lang) else { return 2 }
        let descriptors = RuleCatalogue(pack: configuration.pack).descriptors
        let width = descriptors.map(\.id.count).max() ?? 0
        for d in descriptors {
            let pad = String(repeating: " ", count: width - d.id.count)
            let sev = d.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            print("\(d.id)\(pad)  \(sev)  \(d.summary[lang])")
        }
        return 0
    }
}

/// `xxgk-lint explain RULE`: what the rule checks, why, its legal basis and examples.
enum ExplainCommand {
    static func run(_ args: Arguments) -> Int32 {
        var args = args
        var lang = args.lang ?? .zh
        if args.help { print(Arguments.usage(lang)); return 0 }
        // Custom rules of the configured packs are explained like built-in ones.
        guard case .success(let configuration) = LintCommand.configure(&args, &lang) else { return 2 }
        let catalogue = RuleCatalogue(pack: configuration.pack)
        guard args.paths.count == 1 else {
            return CLI.usageError(lang == .zh ? "用法：xxgk-lint explain 规则（运行 xxgk-lint rules 查看全部规则）"
                                              : "usage: xxgk-lint explain RULE (see xxgk-lint rules)", lang)
        }
        guard let d = catalogue.descriptor(args.paths[0]) else {
            let error = Configuration.Error.unknownRule(args.paths[0], suggestion: catalogue.suggestion(for: args.paths[0]))
            return CLI.usageError(error.message(lang), lang)
        }
        print(RuleDocumentation.render(d, lang))
        return 0
    }
}

/// `xxgk-lint text FILE`: the numbered linearised text view that line and column numbers refer to.
enum TextCommand {
    static func run(_ args: Arguments) -> Int32 {
        let lang = args.lang ?? .zh
        if args.help { print(Arguments.usage(lang)); return 0 }
        guard args.paths.count == 1 else {
            return CLI.usageError(lang == .zh ? "用法：xxgk-lint text 文件" : "usage: xxgk-lint text FILE", lang)
        }
        var limits = LoadLimits.default
        if let size = args.maxFileSize { limits.maxFileBytes = size }
        do throws(LoadError) {
            let document = try DocumentLoader(limits: limits).load(path: args.paths[0])
            let width = String(document.lines.count).count
            var out = ""
            for (i, line) in document.lines.enumerated() {
                let number = String(i + 1)
                out += String(repeating: " ", count: width - number.count) + number + "\t" + TerminalText.visible(line.text) + "\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
            return 0
        } catch {
            printError("\(TerminalText.path(args.paths[0])): \(lang == .zh ? "错误" : "error"): \(error.message(lang))")
            return 2
        }
    }
}
