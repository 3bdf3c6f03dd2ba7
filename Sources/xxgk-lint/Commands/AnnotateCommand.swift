import Foundation
import ReportLint

/// `--annotate OUT.docx DRAFT.docx`: writes the clerk's Word copy (`DocxAnnotator`) atomically, never over
/// the draft; the lint then goes on as usual (its output and exit status). Findings that could not be put on
/// their own words are named on standard error.
enum AnnotateCommand {
    /// Nil when the copy was written; else the exit status to end with.
    static func run(output: String, runs: [(Runner, [Runner.Input])], lang: Language) -> Int32? {
        let inputs = runs.flatMap { runner, inputs in inputs.map { (runner, $0) } }
        guard inputs.count == 1, case .path(let path) = inputs[0].1, InputFormat(path: path) == .docx else {
            return CLI.usageError(lang == .zh ? "--annotate 只用于一个 .docx 文件" : "--annotate takes exactly one .docx file", lang)
        }
        guard InputFormat(path: output) == .docx else {
            return CLI.usageError(lang == .zh ? "--annotate 的输出文件应以 .docx 结尾" : "the --annotate output should end in .docx", lang)
        }
        do throws(OutputPath.Problem) { try OutputPath.refuseInput(output, inputs: [path]) } catch {
            return CLI.usageError(error.message(lang), lang)
        }
        let linter = inputs[0].0.linter
        let limits = linter.configuration.limits
        let custom = Set(linter.configuration.pack.customRules.filter { $0.replacement != nil }.map(\.id))
        do {
            let (bytes, document) = try DocxAnnotator.load(path: path, limits: limits)
            let diagnostics = linter.lint(document).1
            let result = try DocxAnnotator.annotate(bytes, document: document, diagnostics: diagnostics, lang: lang,
                                                    customRules: custom, limits: limits)
            let writer = try AtomicFile.Writer(path: output)
            do { try writer.write(result.bytes); try writer.commit() } catch { writer.abandon(); throw error }
            for d in result.inexact {
                printError("\(TerminalText.path(path)):\(d.line):\(d.column): " + (lang == .zh
                    ? "提示: 未能在 Word 原文中精确定位此问题，批注加在所在段落或第一段上 [\(d.ruleID)]"
                    : "note: this finding could not be placed on its exact words in Word; its comment is on the paragraph or the first one [\(d.ruleID)]"))
            }
            printError("\(TerminalText.path(output)): " + (lang == .zh ? "已写入加批注的副本（\(diagnostics.count) 条批注）"
                                                                       : "annotated copy written (\(diagnostics.count) comment\(diagnostics.count == 1 ? "" : "s"))"))
            return nil
        } catch let error as LoadError {
            printError("\(TerminalText.path(path)): \(lang == .zh ? "错误" : "error"): \(error.message(lang))")
            return 2
        } catch let failure as DocxAnnotator.Failure {
            printError("\(TerminalText.path(path)): \(lang == .zh ? "错误" : "error"): \(failure.reason[lang])")
            return 2
        } catch {
            printError("\(TerminalText.path(output)): \(lang == .zh ? "错误" : "error"): \(LintCommand.cannotWrite(output, error, lang))")
            return 2
        }
    }
}
