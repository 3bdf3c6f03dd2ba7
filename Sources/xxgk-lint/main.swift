import Foundation
import ReportLint

// The thin front end: parse arguments, build a configuration, call the library, print, exit.

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let argv = Array(CommandLine.arguments.dropFirst())
let envLang: Language = .zh
var arguments: Arguments
do {
    arguments = try Arguments.parse(argv)
} catch {
    let lang: Language = argv.contains("--lang=en") || zip(argv, argv.dropFirst()).contains { $0 == "--lang" && $1 == "en" } ? .en : envLang
    printError("xxgk-lint: \(lang == .zh ? "错误" : "error"): \(error.message[lang])")
    exit(2)
}

let status: Int32
switch arguments.command {
case .lint: status = LintCommand.run(arguments)
case .rules: status = RulesCommand.run(arguments)
case .explain: status = ExplainCommand.run(arguments)
case .text: status = TextCommand.run(arguments)
case .worker: status = LintCommand.serveAsWorker(arguments)
}
exit(status)
