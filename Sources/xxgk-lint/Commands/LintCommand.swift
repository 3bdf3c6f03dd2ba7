import Foundation
import ReportLint

/// `xxgk-lint [lint] [options] PATH...`
enum LintCommand {
    static func run(_ args: Arguments) -> Int32 {
        var args = args
        var configuration = Configuration()
        var lang = args.lang ?? .zh
        if args.help { print(Arguments.usage(lang)); return 0 }
        if args.version { print("xxgk-lint \(Version.current)"); return 0 }
        // Configuration: the file first, then the command line on top.
        let configPath = args.configPath ?? (FileManager.default.fileExists(atPath: ".xxgk-lint.json") ? ".xxgk-lint.json" : nil)
        do throws(Configuration.Error) {
            if let configPath {
                let fromFile = try configuration.apply(file: configPath)
                if args.lang == nil, let l = fromFile.lang { lang = l }
                if args.year == nil { args.year = fromFile.year }
            }
            for pack in args.packPaths { try configuration.addPack(path: pack) }
            for id in args.disabled { try configuration.setSeverity(rule: id, "off") }
        } catch {
            return CLI.usageError(error.message(lang), lang)
        }
        configuration.yearOverride = args.year
        if let size = args.maxFileSize { configuration.limits.maxFileBytes = size }
        guard !args.paths.isEmpty else {
            return CLI.usageError(lang == .zh ? "请给出要检查的文件或文件夹（运行 xxgk-lint --help 查看用法）"
                                              : "give the files or folders to lint (see xxgk-lint --help)", lang)
        }

        var inputs: [Runner.Input] = []
        for path in Runner.expand(args.paths.filter { $0 != "-" }) { inputs.append(.path(path)) }
        var stdinFailure: LintResults.Failure?
        if args.paths.contains("-") {
            let name = args.stdinFilename ?? "<stdin>.txt"
            do throws(LoadError) {
                let bytes = try CLI.readStandardInput(limit: configuration.limits.maxFileBytes)
                inputs.append(.bytes(bytes, name: args.stdinFilename ?? "<stdin>", format: InputFormat(path: name) ?? .text))
            } catch {
                stdinFailure = .init(path: args.stdinFilename ?? "<stdin>", error: error)
            }
        }
        let runner = Runner(linter: Linter(configuration: configuration),
                            jobs: args.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var results = runner.run(inputs)
        if let stdinFailure { results.failures.append(stdinFailure) }

        let useColor = args.color ?? (args.output == nil && isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
        let options = ReporterOptions(language: lang, color: useColor && args.format == "human", quiet: args.quiet,
                                      baseDirectory: FileManager.default.currentDirectoryPath)
        let rendered: String
        switch args.format {
        case "sarif": rendered = SARIFReporter(options: options).render(results)
        case "json": rendered = JSONReporter(options: options).render(results)
        default: rendered = HumanReporter(options: options).render(results)
        }
        for f in results.failures {
            printError("\(f.path): \(lang == .zh ? "错误" : "error"): \(f.error.message(lang))")
        }
        if let output = args.output {
            do { try AtomicFile.write(rendered, to: output) } catch {
                printError("xxgk-lint: \(lang == .zh ? "错误" : "error"): \(lang == .zh ? "无法写入" : "cannot write") \(output): \(error.localizedDescription)")
                return 2
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        if !results.failures.isEmpty { return 2 }
        return results.diagnostics.contains { $0.severity >= args.failLevel } ? 1 : 0
    }
}

enum CLI {
    static func usageError(_ message: String, _ lang: Language) -> Int32 {
        printError("xxgk-lint: \(lang == .zh ? "错误" : "error"): \(message)")
        return 2
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
