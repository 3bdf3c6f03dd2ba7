import ReportLint

/// The command line, parsed by hand (no package dependencies): a subcommand, options and paths.
struct Arguments {
    enum Command: String, CaseIterable { case lint, rules, explain, text, `init`, completion, man, worker = "__worker" }

    var command: Command = .lint
    var paths: [String] = []
    /// `--format` and `--output` in the order given: each output file goes with the format before it (or,
    /// before any format, with the first one).
    private var formatsGiven: [String] = []
    private var outputsGiven: [(path: String, formatsBefore: Int)] = []
    var configPath: String?
    var packPaths: [String] = []
    var year: Int?
    var lang: Language?
    var failLevel: Severity = .error
    var jobs: Int?
    var quiet = false
    var color: Bool?
    var stdinFilename: String?
    var maxFileSize: Int?
    var disabled: [String] = []
    var baseline: String?
    /// No configuration file, not even a discovered one (`--no-config`; workers of a run that found none).
    var noConfig = false
    /// Apply the certain fixes to .txt/.md drafts (`--fix`); with `--dry-run`, only show them as a diff.
    var fix = false
    var dryRun = false
    var writeBaseline: String?
    /// `--annotate OUT.docx`: write a copy of the one .docx draft with a Word comment on each finding.
    var annotate: String?
    var timeout: Double = 60
    var isolation = true
    var help = false
    var version = false

    struct UsageError: Error { let message: Localized }

    /// Every option (for “did you mean”, shell completion and the manual page).
    static let options: [String] = valued.filter { $0.hasPrefix("--") }.sorted() + flags
    static let flags = ["--fix", "--dry-run", "--no-config", "--no-isolation", "--quiet", "--no-color", "--color", "--help", "--version"]

    static let valued: Set<String> = ["--format", "-f", "--output", "-o", "--config", "--rules", "--year", "--lang",
                                      "--fail-level", "--jobs", "-j", "--stdin-filename", "--max-file-size", "--disable",
                                      "--timeout", "--baseline", "--write-baseline", "--annotate"]

    static func parse(_ argv: [String]) throws(UsageError) -> Arguments {
        var a = Arguments()
        var rest = argv[...]
        var onlyPaths = false, commandGiven = false
        while let arg = rest.popFirst() {
            // The subcommand is the first word that is not an option (`--lang en explain RULE`); a draft named
            // like a subcommand is given after it (`lint rules`) or as a path (`./rules`).
            if !onlyPaths, !commandGiven, a.paths.isEmpty, let command = Command(rawValue: arg) {
                a.command = command
                commandGiven = true
                continue
            }
            if onlyPaths || arg == "-" || !arg.hasPrefix("-") { a.paths.append(arg); continue }
            if arg == "--" { onlyPaths = true; continue }
            var name = arg, inline: String?
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inline = String(arg[arg.index(after: eq)...])
            } else if !arg.hasPrefix("--"), arg.count > 2, valued.contains(String(arg.prefix(2))) {
                name = String(arg.prefix(2))  // a short option with its value attached: -j2, -fsarif
                inline = String(arg.dropFirst(2))
            }
            var value = ""
            if valued.contains(name) {
                guard let v = inline ?? rest.popFirst() else {
                    throw UsageError(message: Localized(zh: "选项 \(name) 需要一个值", en: "option \(name) needs a value"))
                }
                value = v
            } else if inline != nil {
                throw UsageError(message: Localized(zh: "选项 \(name) 不带值", en: "option \(name) takes no value"))
            }
            switch name {
            case "--format", "-f":
                guard ReporterRegistry.type(named: value) != nil else {
                    throw UsageError(message: Localized(zh: "未知输出格式“\(value)”（可用 \(ReporterRegistry.names.joined(separator: "、"))）",
                                                        en: "unknown format '\(value)' (use \(ReporterRegistry.names.joined(separator: ", ")))"))
                }
                a.formatsGiven.append(value)
            case "--output", "-o": a.outputsGiven.append((value, a.formatsGiven.count))
            case "--config": a.configPath = value
            case "--rules": a.packPaths.append(value)
            case "--year": a.year = try limited { () throws(OptionLimits.Problem) in try OptionLimits.integer(.year, value) }
            case "--lang":
                guard let l = Language(rawValue: value) else {
                    throw UsageError(message: Localized(zh: "--lang 只能是 zh 或 en", en: "--lang must be zh or en"))
                }
                a.lang = l
            case "--fail-level":
                guard let s = Severity(rawValue: value) else {
                    throw UsageError(message: Localized(zh: "--fail-level 只能是 error、warning 或 note", en: "--fail-level must be error, warning or note"))
                }
                a.failLevel = s
            case "--jobs", "-j": a.jobs = try limited { () throws(OptionLimits.Problem) in try OptionLimits.integer(.jobs, value) }
            case "--stdin-filename": a.stdinFilename = value
            case "--max-file-size":
                a.maxFileSize = try limited { () throws(OptionLimits.Problem) in try OptionLimits.integer(.maxFileSize, value) }
            case "--baseline": a.baseline = value
            case "--write-baseline": a.writeBaseline = value
            case "--annotate": a.annotate = value
            case "--disable": a.disabled += value.split(separator: ",").map(String.init)
            case "--timeout": a.timeout = try limited { () throws(OptionLimits.Problem) in try OptionLimits.seconds(value) }
            case "--no-isolation": a.isolation = false
            case "--no-config": a.noConfig = true
            case "--fix": a.fix = true
            case "--dry-run": a.dryRun = true
            case "--quiet", "-q": a.quiet = true
            case "--no-color": a.color = false
            case "--color": a.color = true
            case "--help", "-h": a.help = true
            case "--version", "-V": a.version = true
            default:
                if let near = Self.options.min(by: { EditDistance.between($0, name) < EditDistance.between($1, name) }),
                   EditDistance.between(near, name) <= max(2, name.count / 4) {
                    throw UsageError(message: Localized(zh: "未知选项“\(arg)”，是否想写“\(near)”？（运行 xxgk-lint --help 查看用法）",
                                                        en: "unknown option '\(arg)'; did you mean '\(near)'? (see xxgk-lint --help)"))
                }
                throw UsageError(message: Localized(zh: "未知选项“\(arg)”（运行 xxgk-lint --help 查看用法）",
                                                    en: "unknown option '\(arg)' (see xxgk-lint --help)"))
            }
        }
        return a
    }

    /// Each report to write: a format and its file (nil: standard output). Several at once —
    /// `--format sarif --output a.sarif --format human` — with at most one on standard output.
    var outputs: [(format: String, path: String?)] {
        var result: [(format: String, path: String?)] = (formatsGiven.isEmpty ? [ReporterRegistry.names[0]] : formatsGiven).map { ($0, nil) }
        for o in outputsGiven {
            let k = max(o.formatsBefore - 1, 0)
            if k < result.count, result[k].path == nil { result[k].path = o.path } else { result.append((result[k < result.count ? k : 0].format, o.path)) }
        }
        return result
    }

    /// The output files (`--output`), each of which must not be an input.
    var outputPaths: [String] { outputs.compactMap(\.path) }

    /// A numeric option checked by the one validator that configuration files use too.
    private static func limited<T>(_ read: () throws(OptionLimits.Problem) -> T) throws(UsageError) -> T {
        do { return try read() } catch {
            throw UsageError(message: Localized(zh: error.message(.zh), en: error.message(.en)))
        }
    }

    /// One line per output format, from the registry.
    static func formats(_ lang: Language) -> String {
        ReporterRegistry.reporters.map { "                      " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary[lang] }
            .joined(separator: "\n")
    }

    static func usage(_ lang: Language) -> String {
        switch lang {
        case .zh: return """
            xxgk-lint —— 政府信息公开工作年度报告草稿检查工具

            用法：
              xxgk-lint [lint] [选项] 路径...     检查文件或文件夹（递归；支持 .txt .md .docx .html .pdf）
              xxgk-lint rules                     列出全部规则
              xxgk-lint explain 规则              说明规则检查什么、依据和示例
              xxgk-lint text 文件                 显示带行号的线性文本视图（诊断的行列以此为准）
              xxgk-lint init                      在当前文件夹写一个带注释的配置文件 .xxgk-lint.json
              xxgk-lint completion bash|zsh|fish  输出命令行补全脚本；xxgk-lint man 输出手册页

            选项：
              -f, --format 格式               输出格式（默认 \(ReporterRegistry.names[0])）：
            \(formats(.zh))
              -o, --output 文件               写入文件（原子写入）而非标准输出
                  --config 文件               JSON 配置文件（默认读取当前目录的 .xxgk-lint.json）
                  --rules 文件                追加自定义规则包（JSON），可多次使用
                  --year 年份                 指定报告年度（覆盖自动识别）
                  --lang zh|en                消息语言（默认 zh）
                  --fail-level 级别           达到该级别即以状态 1 退出：error（默认）、warning、note
                  --disable 规则[,规则]       关闭规则
                  --fix                       自动修正确定无误的问题（条例全称、中文中的半角标点、标题空格、自定义替换；仅 .txt/.md）
                  --dry-run                   与 --fix 同用：只显示将要做的修改（统一差异格式），不写入
                  --annotate 输出.docx        为一个 .docx 草稿另存一份副本，每个问题以 Word 批注标在原文字句上（原稿不变）
                  --baseline 文件             不显示基线文件中已接受的问题，只显示新问题
                  --write-baseline 文件       把本次发现的全部问题写成基线文件
              -j, --jobs N                    并行数（默认 CPU 核数）
              -q, --quiet                     只显示错误
                  --no-color / --color        关闭 / 强制彩色输出（设置 NO_COLOR 亦关闭）
                  --stdin-filename 名称       路径为 - 时，标准输入的文件名（决定格式）
                  --max-file-size 字节        单个文件大小上限（默认 20 MB）
                  --timeout 秒                批量检查时单个文件的时间上限（默认 60）
                  --no-isolation              批量检查时不使用独立子进程（默认每个文件隔离，崩溃或超时只影响该文件）
              -h, --help                      显示本帮助
              -V, --version                   显示版本

            退出状态：0 无达到失败级别的问题；1 有；2 用法或配置错误，或有文件无法读取。
            """
        case .en: return """
            xxgk-lint — a linter for drafts of 政府信息公开工作年度报告 (annual reports on open government information)

            Usage:
              xxgk-lint [lint] [options] PATH...  lint files and folders (recursively; .txt .md .docx .html .pdf)
              xxgk-lint rules                     list every rule
              xxgk-lint explain RULE              what a rule checks, why, and examples
              xxgk-lint text FILE                 print the numbered text view that locations refer to
              xxgk-lint init                      write a commented .xxgk-lint.json in the current folder
              xxgk-lint completion bash|zsh|fish  print a shell completion script; xxgk-lint man prints the manual page

            Options:
              -f, --format FORMAT             output format (default \(ReporterRegistry.names[0])):
            \(formats(.en))
              -o, --output FILE               write to FILE (atomically) instead of standard output
                  --config FILE               JSON configuration (default: .xxgk-lint.json in the current folder)
                  --rules FILE                add a rule pack (JSON); repeatable
                  --year N                    the report year (overrides detection)
                  --lang zh|en                message language (default zh)
                  --fail-level LEVEL          exit 1 on findings at or above LEVEL: error (default), warning, note
                  --disable RULE[,RULE]       turn rules off
                  --fix                       apply the certain fixes (the regulation's name, half-width punctuation in
                                              Chinese text, a spaced title, custom replacements; .txt/.md only)
                  --dry-run                   with --fix: show the changes as a unified diff, write nothing
                  --annotate OUT.docx         write a copy of one .docx draft with a Word comment on each finding's
                                              words (the draft is not changed)
                  --baseline FILE             hide the findings accepted in a baseline file; show only new ones
                  --write-baseline FILE       write every finding of this run to a baseline file
              -j, --jobs N                    parallel jobs (default: number of CPUs)
              -q, --quiet                     errors only
                  --no-color / --color        never / always colour (NO_COLOR also turns it off)
                  --stdin-filename NAME       with PATH -, the name (and so the format) of standard input
                  --max-file-size BYTES       largest input file (default 20 MB)
                  --timeout SECONDS           per-file time budget in batch runs (default 60)
                  --no-isolation              check batches in this process (default: worker processes, so a crash
                                              or hang on one file costs only that file)
              -h, --help                      show this help
              -V, --version                   show the version

            Exit status: 0 nothing at or above the fail level; 1 findings; 2 usage or configuration error, or an unreadable input.
            """
        }
    }
}
