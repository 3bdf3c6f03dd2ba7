import Foundation
import ReportLint

/// `xxgk-lint completion bash|zsh|fish` prints a completion script; `xxgk-lint man` prints the manual page.
/// Both are made from the same lists as the parser and `--help` (options, subcommands, formats, rule ids),
/// so they cannot fall out of step.
enum CompletionCommand {
    static var subcommands: [String] { Arguments.Command.allCases.map(\.rawValue).filter { !$0.hasPrefix("_") } }
    static var ruleIDs: [String] { RuleCatalogue().ids }

    static func run(_ args: Arguments) -> Int32 {
        let lang = args.lang ?? .zh
        switch args.paths.first {
        case "bash": print(bash)
        case "zsh": print(zsh)
        case "fish": print(fish)
        default:
            return CLI.usageError(lang == .zh ? "用法：xxgk-lint completion bash|zsh|fish" : "usage: xxgk-lint completion bash|zsh|fish", lang)
        }
        return 0
    }

    static var bash: String {
        """
        # bash completion for xxgk-lint: eval "$(xxgk-lint completion bash)"
        _xxgk_lint() {
            local cur prev
            cur="${COMP_WORDS[COMP_CWORD]}"; prev="${COMP_WORDS[COMP_CWORD-1]}"
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "\(ReporterRegistry.names.joined(separator: " "))" -- "$cur")); return ;;
                --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
                --fail-level) COMPREPLY=($(compgen -W "error warning note" -- "$cur")); return ;;
                --disable|explain) COMPREPLY=($(compgen -W "\(ruleIDs.joined(separator: " "))" -- "$cur")); return ;;
                completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
                --output|-o|--config|--rules|--baseline|--write-baseline) COMPREPLY=($(compgen -f -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "\(Arguments.options.joined(separator: " "))" -- "$cur"))
            elif [[ $COMP_CWORD -eq 1 ]]; then
                COMPREPLY=($(compgen -W "\(subcommands.joined(separator: " "))" -- "$cur") $(compgen -f -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
        }
        complete -o filenames -F _xxgk_lint xxgk-lint
        """
    }

    static var zsh: String {
        """
        #compdef xxgk-lint
        # zsh completion for xxgk-lint: xxgk-lint completion zsh > "${fpath[1]}/_xxgk-lint"
        _xxgk-lint() {
            case "${words[CURRENT-1]}" in
                --format|-f) compadd -- \(ReporterRegistry.names.joined(separator: " ")); return ;;
                --lang) compadd -- zh en; return ;;
                --fail-level) compadd -- error warning note; return ;;
                --disable|explain) compadd -- \(ruleIDs.joined(separator: " ")); return ;;
                completion) compadd -- bash zsh fish; return ;;
            esac
            if [[ "${words[CURRENT]}" == -* ]]; then
                compadd -- \(Arguments.options.joined(separator: " "))
            else
                (( CURRENT == 2 )) && compadd -- \(subcommands.joined(separator: " "))
                _files
            fi
        }
        compdef _xxgk-lint xxgk-lint
        """
    }

    static var fish: String {
        var lines = ["# fish completion for xxgk-lint: xxgk-lint completion fish > ~/.config/fish/completions/xxgk-lint.fish"]
        lines.append("complete -c xxgk-lint -n __fish_use_subcommand -a '\(subcommands.joined(separator: " "))'")
        for option in Arguments.options {
            let name = String(option.dropFirst(2))
            var line = "complete -c xxgk-lint -l \(name)"
            switch option {
            case "--format": line += " -r -f -a '\(ReporterRegistry.names.joined(separator: " "))'"
            case "--lang": line += " -r -f -a 'zh en'"
            case "--fail-level": line += " -r -f -a 'error warning note'"
            case "--disable": line += " -r -f -a '\(ruleIDs.joined(separator: " "))'"
            default: if Arguments.valued.contains(option) { line += " -r" }
            }
            lines.append(line)
        }
        lines.append("complete -c xxgk-lint -n '__fish_seen_subcommand_from explain' -f -a '\(ruleIDs.joined(separator: " "))'")
        return lines.joined(separator: "\n")
    }

    /// The manual page (roff), from the `--help` text of the language asked for.
    static func manual(_ lang: Language) -> String {
        let usage = Arguments.usage(lang).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var roff = [".TH XXGK-LINT 1 \"\" \"xxgk-lint \(Version.current)\" \"\(lang == .zh ? "用户命令" : "User Commands")\"",
                    ".SH NAME", "xxgk-lint \\- " + escape(usage.first?.replacingOccurrences(of: "xxgk-lint —— ", with: "")
                        .replacingOccurrences(of: "xxgk-lint — ", with: "") ?? ""), ".SH DESCRIPTION", ".nf"]
        for line in usage.dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("：") || trimmed.hasSuffix(":"), !trimmed.contains(" ") || trimmed.count < 12, !line.hasPrefix(" ") {
                roff += [".fi", ".SH " + escape(String(trimmed.dropLast())).uppercased(), ".nf"]
            } else {
                roff.append(escape(line))
            }
        }
        roff.append(".fi")
        return roff.joined(separator: "\n") + "\n"
    }

    private static func escape(_ s: String) -> String {
        var r = s.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if r.hasPrefix(".") || r.hasPrefix("'") { r = "\\&" + r }
        return r
    }
}

enum ManCommand {
    static func run(_ args: Arguments) -> Int32 {
        print(CompletionCommand.manual(args.lang ?? .zh), terminator: "")
        return 0
    }
}
