import Foundation
import ReportLint

/// `--fix` (and `--fix --dry-run`): the certain fixes written into .txt and .md drafts before they are
/// linted — atomically, in the file's own encoding, byte-order mark and line ends; a file that could not be
/// written back exactly as decoded is left alone. With `--dry-run` nothing is written: a unified diff shows
/// what would change.
enum FixCommand {
    struct Result { var applied = 0; var diff = "" }

    /// Fixes every .txt/.md input of the runs; false when a file could not be fixed (said on standard error).
    static func run(_ runs: [(Runner, [Runner.Input])], dryRun: Bool, lang: Language) -> (ok: Bool, changed: Int, diff: String) {
        var ok = true, changed = 0, diff = ""
        for (runner, inputs) in runs {
            for case .path(let path) in inputs {
                guard let format = InputFormat(path: path), format == .text || format == .markdown else {
                    if InputFormat(path: path) != nil {
                        printError("\(TerminalText.path(path)): \(lang == .zh ? "提示: --fix 只修改 .txt 和 .md 文件，此文件请按提示手动修改" : "note: --fix changes .txt and .md files only; change this one by hand")")
                    }
                    continue
                }
                do {
                    let result = try fix(path, format: format, linter: runner.linter, limit: runner.linter.configuration.limits.maxFileBytes, write: !dryRun)
                    guard result.applied > 0 else { continue }
                    changed += 1
                    diff += result.diff
                    if !dryRun {
                        printError("\(TerminalText.path(path)): " + (lang == .zh ? "已自动修正 \(result.applied) 处" : "fixed \(result.applied) finding\(result.applied == 1 ? "" : "s")"))
                    }
                } catch {
                    ok = false
                    printError("\(TerminalText.path(path)): \(lang == .zh ? "错误" : "error"): \(lang == .zh ? "未能修正" : "not fixed"): \(error.message(lang))")
                }
            }
        }
        return (ok, changed, diff)
    }

    struct Failure: Error {
        var reason: Localized
        func message(_ lang: Language) -> String { reason[lang] }
    }

    static func fix(_ path: String, format: InputFormat, linter: Linter, limit: Int, write: Bool) throws -> Result {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit,
              let data = FileManager.default.contents(atPath: path) else {
            throw Failure(reason: Localized(zh: "无法读取", en: "cannot be read"))
        }
        let original = Array(data)
        var text: EditableText
        do { text = try EditableText(bytes: original) } catch { throw Failure(reason: Localized(zh: error.message(.zh), en: error.message(.en))) }
        let before = text.lines
        let custom = Set(linter.configuration.pack.customRules.filter { $0.replacement != nil }.map(\.id))
        var applied = 0
        // A fix may bring another to light (two half-width marks side by side): a few passes, each re-read.
        for _ in 0..<5 {
            guard let bytes = text.bytes() else { break }
            let document: Document
            do { document = try DocumentLoader(limits: linter.configuration.limits).load(bytes: bytes, path: path, format: format) } catch { break }
            let (lines, n) = Fixer.apply(linter.lint(document).1, to: text.lines, customRules: custom)
            if n == 0 { break }
            text.lines = lines
            applied += n
        }
        guard applied > 0 else { return Result() }
        // Written only if it reads back as exactly these lines, in the file's own encoding.
        guard let out = text.bytes(), let back = try? EditableText(bytes: out), back == text else {
            throw Failure(reason: Localized(zh: "修正后的文字无法以原编码（\(text.encoding)）写回", en: "the fixed text cannot be written back in the file's encoding (\(text.encoding))"))
        }
        if write {
            // The file must still be what was read: a draft changed meanwhile (an editor saving) is not overwritten.
            guard FileManager.default.contents(atPath: path).map(Array.init) == original else {
                throw Failure(reason: Localized(zh: "文件在修正期间被改动，未写入", en: "the file changed while it was being fixed; not written"))
            }
            let writer = try AtomicFile.Writer(path: path)
            do { try writer.write(out); try writer.commit() } catch { writer.abandon(); throw error }
        }
        return Result(applied: applied, diff: UnifiedDiff.render(path: path, old: before, new: text.lines))
    }
}

extension Error {
    /// A message for any error a fix may meet.
    func message(_ lang: Language) -> String {
        if let f = self as? FixCommand.Failure { return f.reason[lang] }
        if let w = self as? OutputPath.WriteError { return w.reason(lang) }
        return localizedDescription
    }
}
