import Foundation
import ReportLint

// The thin front end: parse arguments, build a configuration, call the library, print, exit.

/// One line on standard error. Whatever it quotes from the input (a reason from a loader, an option's value)
/// is shown visibly: no control character reaches the terminal.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.visible(text) + "\n").utf8))
}

// Ctrl-C, SIGTERM (a CI timeout) and SIGHUP must end the run, even when the program that started this one
// left them blocked (Foundation's Process does): the workers and the unnamed output file go with it.
var endingSignals = sigset_t()
sigemptyset(&endingSignals)
for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&endingSignals, s) }
pthread_sigmask(SIG_UNBLOCK, &endingSignals, nil)

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
case .`init`: status = InitCommand.run(arguments)
case .completion: status = CompletionCommand.run(arguments)
case .man: status = ManCommand.run(arguments)
case .worker: status = LintCommand.serveAsWorker(arguments)
}
exit(status)
