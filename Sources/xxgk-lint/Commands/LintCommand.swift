import Foundation
import ReportLint

/// `xxgk-lint [lint] [options] PATH...`
enum LintCommand {
    static func run(_ args: Arguments) -> Int32 {
        var lang = args.lang ?? .zh
        if args.help { print(Arguments.usage(lang)); return 0 }
        if args.version { print("xxgk-lint \(Version.current)"); return 0 }
        guard !args.paths.isEmpty else {
            return CLI.usageError(lang == .zh ? "请给出要检查的文件或文件夹（运行 xxgk-lint --help 查看用法）"
                                              : "give the files or folders to lint (see xxgk-lint --help)", lang)
        }
        // A mistyped subcommand (`explian year-mismatch`) would be taken for a file: say what was meant.
        if let first = args.paths.first, !first.contains("."), !first.contains("/"), !FileManager.default.fileExists(atPath: first),
           let near = Arguments.Command.allCases.map(\.rawValue).filter({ !$0.hasPrefix("_") })
               .first(where: { EditDistance.between($0, first) <= 2 }) {
            return CLI.usageError(lang == .zh ? "未知子命令“\(first)”，是否想写“\(near)”？" : "unknown subcommand '\(first)'; did you mean '\(near)'?", lang)
        }
        var inputs: [Runner.Input] = []
        // A folder with no drafts in it is a mistake (a wrong folder, drafts saved as .doc): say so, exit 2.
        var emptyFolders: [String] = []
        for given in args.paths where given != "-" {
            let found = Runner.expand([given])
            if found.isEmpty { emptyFolders.append(given) }
            inputs += found.map { .path($0) }
        }
        for folder in emptyFolders {
            printError("\(TerminalText.path(folder)): \(lang == .zh ? "错误" : "error"): "
                + (lang == .zh ? "文件夹中没有可检查的草稿（.txt .md .docx .html .pdf）" : "no drafts in this folder (.txt .md .docx .html .pdf)"))
        }
        if inputs.isEmpty && !args.paths.contains("-") { return 2 }

        // Each file is checked with the configuration nearest to it (`ConfigurationDiscovery`), or with
        // --config for all; consecutive files with the same one form a run (folders come sorted, so a
        // folder's files are together).
        var stdinFailure: LintResults.Failure?
        if args.paths.contains("-") {
            // Read before the runs are formed; the configured size limit applies when it is loaded.
            let name = args.stdinFilename ?? "<stdin>.txt"
            do throws(LoadError) {
                let bytes = try CLI.readStandardInput(limit: args.maxFileSize ?? OptionLimits.fileBytes.upperBound)
                inputs.append(.bytes(bytes, name: args.stdinFilename ?? "<stdin>", format: InputFormat(path: name) ?? .text))
            } catch {
                stdinFailure = .init(path: args.stdinFilename ?? "<stdin>", error: error)
            }
        }
        var groups: [(config: String?, inputs: [Runner.Input])] = []
        let discovery = ConfigurationDiscovery()
        for input in inputs {
            let near = if case .path(let p) = input { p } else { "./-" }  // standard input: the current folder's
            let config = args.configPath ?? (args.noConfig ? nil : discovery.nearest(to: near))
            if let last = groups.last, last.config == config { groups[groups.count - 1].inputs.append(input) }
            else { groups.append((config, [input])) }
        }
        // The workers of the first run start now and read their packs while this process reads its own.
        if args.isolation, inputs.count > 1, let first = groups.first {
            var firstArgs = args
            firstArgs.configPath = args.configPath ?? first.config
            firstArgs.noConfig = firstArgs.configPath == nil
            WorkerPool.start(Runner.Isolation(executable: CLI.executablePath, arguments: workerArguments(firstArgs), timeout: args.timeout),
                             count: min(args.jobs ?? ProcessInfo.processInfo.activeProcessorCount, first.inputs.count))
        }
        defer { WorkerPool.finishUnused() }
        var runners: [(Runner, [Runner.Input])] = []
        var firstLang: Language?
        let named = Set(args.paths)
        for group in groups.isEmpty ? [(args.configPath, [])] : groups {
            var groupArgs = args
            groupArgs.configPath = args.configPath ?? group.config
            groupArgs.noConfig = groupArgs.configPath == nil
            var groupLang = args.lang ?? .zh
            let configuration: Configuration
            switch configure(&groupArgs, &groupLang) {
            case .success(let c): configuration = c
            case .failure(let status): return status.code
            }
            if firstLang == nil { firstLang = groupLang }
            let isolation = args.isolation ? Runner.Isolation(executable: CLI.executablePath, arguments: workerArguments(groupArgs),
                                                              timeout: args.timeout, evenForOne: inputs.count > 1) : nil
            // Files found in folders pass the configuration's include/exclude; files named are always linted.
            let selected = group.inputs.filter { input in
                guard case .path(let p) = input, !named.contains(p) else { return true }
                return configuration.selects(p)
            }
            runners.append((Runner(linter: Linter(configuration: configuration),
                                   jobs: args.jobs ?? ProcessInfo.processInfo.activeProcessorCount, isolation: isolation), selected))
        }
        lang = firstLang ?? lang
        var fixFailed = false
        if args.fix {
            let (ok, changed, diff) = FixCommand.run(runners, dryRun: args.dryRun, lang: lang)
            if args.dryRun {
                print(diff, terminator: "")
                return !ok ? 2 : changed > 0 ? 1 : 0
            }
            fixFailed = !ok
        }
        if let out = args.annotate, let status = AnnotateCommand.run(output: out, runs: runners, lang: lang) { return status }
        let status = lint(runners, args, lang, extraFailure: stdinFailure, protected: groups.compactMap(\.config))
        return emptyFolders.isEmpty && !fixFailed ? status : 2
    }

    /// Lints and writes the reports as the files are checked (in input order), so that a batch of thousands
    /// of drafts neither waits for the last one nor holds them all; the exit status.
    static func lint(_ runs: [(Runner, [Runner.Input])], _ args: Arguments, _ lang: Language,
                     extraFailure: LintResults.Failure?, protected configs: [String] = []) -> Int32 {
        var runs = runs
        let inputs = runs.flatMap(\.1)
        // A format that shows a lone draft whole (html) gets every line of it; a batch keeps only the lines
        // findings are on.
        if inputs.count == 1, extraFailure == nil,
           args.outputs.contains(where: { ReporterRegistry.type(named: $0.format)?.needsFullText == true }) {
            for i in runs.indices { runs[i].0.keepsFullText = true }
        }
        guard let runner = runs.first?.0 else { return extraFailure == nil ? 0 : 2 }
        let outputs = args.outputs
        guard outputs.filter({ $0.path == nil }).count <= 1 else {
            return CLI.usageError(lang == .zh ? "只能有一种格式输出到标准输出，其余请用 --output 指定文件"
                                              : "only one format can go to standard output; give the others an --output file", lang)
        }
        let useColor = args.color ?? (isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
        // The output files are checked and opened before any work, so that a wrong --output path fails at once
        // and an input (a draft, the configuration, a pack) is never overwritten by a report.
        var sinks: [Sink] = []
        do {
            let read = inputs.compactMap { if case .path(let p) = $0 { p } else { nil } } + configs + [args.configPath ?? ".xxgk-lint.json"] + args.packPaths
            for path in args.outputPaths + [args.writeBaseline].compactMap({ $0 }) { try OutputPath.refuseInput(path, inputs: read) }
            for (name, path) in outputs {
                let format = ReporterRegistry.type(named: name) ?? ReporterRegistry.reporters[0]
                let options = ReporterOptions(language: lang, color: path == nil && useColor && format.usesColor, quiet: args.quiet,
                                              baseDirectory: FileManager.default.currentDirectoryPath, descriptors: runner.linter.descriptors)
                sinks.append(Sink(format.init(options: options), try Output(path: path), path: path))
            }
        } catch let problem as OutputPath.Problem {
            return CLI.usageError(problem.message(lang), lang)
        } catch {
            return CLI.usageError(cannotWrite(args.outputPaths.last, error, lang), lang)
        }
        var totals = LintTotals()
        var failures: [LintResults.Failure] = []
        var failing = false
        var accepted = Baseline()
        let progress = Progress(total: inputs.count + (extraFailure == nil ? 0 : 1), lang: lang, quiet: args.quiet)
        func failed(_ f: LintResults.Failure) {
            failures.append(f)
            progress.clear()
            for sink in sinks { sink.flush() }  // what came before it appears before its line on a terminal
            printError(failureLine(f, lang))
        }
        // One input is checked in this process; a watchdog holds it to the time budget as workers are held.
        let watchdog = runner.isolation != nil && inputs.count == 1 && extraFailure == nil
            ? Watchdog(seconds: args.timeout, expired: sinks.map { ($0.output, timedOutReport(inputs[0].name, $0.reporter, args.timeout)) },
                       line: failureLine(.init(path: inputs[0].name, error: .timedOut(seconds: Int(args.timeout.rounded(.up)))), lang))
            : nil
        for sink in sinks { sink.begin() }
        let count: (Runner.Outcome) -> Void = { outcome in
            if case .checked(let file, _) = outcome { progress.checked(findings: file.diagnostics.count) } else { progress.checked(findings: 0) }
        }
        // One batch over every run: the batch rules compare the reports of all the folders given.
        Runner.run(runs, checked: count) { outcome in
            if let watchdog, !watchdog.claim() { Watchdog.waitForExit() }
            switch outcome {
            case .checked(let file, _):
                progress.around { for sink in sinks { sink.file(file, after: totals) } }
                totals.add(file)
                if args.writeBaseline != nil { accepted.add(file) }
                if file.diagnostics.contains(where: { $0.severity >= args.failLevel }) { failing = true }
            case .failed(let failure):
                failed(failure)
            }
        }
        if let extraFailure { failed(extraFailure) }
        progress.clear()
        totals.unreadable = failures.count
        for sink in sinks {
            do { try sink.end(totals, failures: failures) } catch {
                return CLI.usageError(cannotWrite(sink.path, error, lang), lang)
            }
        }
        if let path = args.writeBaseline {
            do { try AtomicFile.write(String(decoding: accepted.encoded(), as: UTF8.self), to: path) } catch {
                return CLI.usageError(cannotWrite(path, error, lang), lang)
            }
        }
        if !failures.isEmpty { return 2 }
        return failing ? 1 : 0
    }

    static func failureLine(_ f: LintResults.Failure, _ lang: Language) -> String {
        "\(TerminalText.path(f.path)): \(lang == .zh ? "错误" : "error"): \(f.error.message(lang))"
    }

    static func cannotWrite(_ path: String?, _ error: Error, _ lang: Language) -> String {
        let reason = (error as? OutputPath.WriteError)?.reason(lang) ?? error.localizedDescription
        return "\(lang == .zh ? "无法写入" : "cannot write") \(TerminalText.path(path ?? "")): \(reason)"
    }

    /// What a run whose one file ran out of time writes in one format: the report with that file as timed out.
    static func timedOutReport(_ name: String, _ reporter: any Reporter, _ seconds: Double) -> [UInt8] {
        let failure = LintResults.Failure(path: name, error: .timedOut(seconds: Int(seconds.rounded(.up))))
        var totals = LintTotals()
        totals.unreadable = 1
        var bytes: [UInt8] = []
        reporter.begin(into: &bytes)
        reporter.end(totals, failures: [failure], into: &bytes)
        return bytes
    }

    /// `xxgk-lint __worker [options]`: checks the paths sent on standard input (see `Supervisor`).
    static func serveAsWorker(_ args: Arguments) -> Int32 {
        var args = args
        var lang = args.lang ?? .zh
        guard case .success(let configuration) = configure(&args, &lang) else { return 2 }
        WorkerLoop.serve(Runner(linter: Linter(configuration: configuration), jobs: 1))
        return 0
    }

    /// The options a worker needs to configure itself as this process did.
    static func workerArguments(_ args: Arguments) -> [String] {
        var list = ["__worker"]
        if let c = args.configPath { list += ["--config", CLI.absolute(c)] } else { list += ["--no-config"] }
        for p in args.packPaths { list += ["--rules", CLI.absolute(p)] }
        if let y = args.year { list += ["--year", String(y)] }
        if !args.disabled.isEmpty { list += ["--disable", args.disabled.joined(separator: ",")] }
        if let m = args.maxFileSize { list += ["--max-file-size", String(m)] }
        if let b = args.baseline { list += ["--baseline", CLI.absolute(b)] }
        return list
    }

    /// Configuration: the file first (`--config`, else the nearest `.xxgk-lint.json` from the current folder
    /// up; none with `--no-config`), then the command line on top.
    static func configure(_ args: inout Arguments, _ lang: inout Language) -> Result<Configuration, ExitStatus> {
        var configuration = Configuration()
        let configPath = args.configPath ?? (args.noConfig ? nil : ConfigurationDiscovery().nearest(to: "./-"))
        do throws(Configuration.Error) {
            if let configPath {
                let fromFile = try configuration.apply(file: configPath)
                if args.lang == nil, let l = fromFile.lang { lang = l }
                if args.year == nil { args.year = fromFile.year }
            }
            for pack in args.packPaths { try configuration.addPack(path: pack) }
            for id in args.disabled { try configuration.setSeverity(rule: id, "off") }
            if let path = args.baseline { configuration.filters = FilterStage(baseline: try Configuration.baseline(path)) }
        } catch {
            return .failure(ExitStatus(code: CLI.usageError(error.message(lang), lang)))
        }
        configuration.yearOverride = args.year
        if let size = args.maxFileSize { configuration.limits.maxFileBytes = size }
        return .success(configuration)
    }
}

/// An exit status carried as an error (configuration failures end the command).
struct ExitStatus: Error { var code: Int32 }

enum CLI {
    static func usageError(_ message: String, _ lang: Language) -> Int32 {
        printError("xxgk-lint: \(lang == .zh ? "错误" : "error"): \(message)")
        return 2
    }

    /// This executable, to start as a worker.
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    static func readStandardInput(limit: Int) throws(LoadError) -> [UInt8] {
        var result: [UInt8] = []
        while true {
            let chunk = FileHandle.standardInput.availableData
            if chunk.isEmpty { break }
            result.append(contentsOf: chunk)
            if result.count > limit { throw .tooLarge(bytes: result.count, limit: limit) }
        }
        if result.isEmpty { throw .empty }
        return result
    }
}
