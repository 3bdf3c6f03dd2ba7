import Foundation
import ReportLint

/// A progress line on standard error while a long run is checked — files done of the total and findings so
/// far, rewritten in place with `\r` and cleared at the end — so that a county's folder of drafts does not
/// look hung. Only when standard error is a terminal (never in CI logs or pipes), never with `--quiet`, and
/// only once the run has taken a second: a short run prints nothing.
final class Progress {
    private let total: Int
    private let lang: Language
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private var shown = false
    private var done = 0, findings = 0
    /// Standard output is the same kind of terminal: report lines written there must not land inside the
    /// progress line.
    let sharesTerminal: Bool

    /// The line appears after `delay` (XXGK_LINT_PROGRESS_AFTER seconds, for tests; default 1) and is
    /// redrawn at most every `interval`.
    let delay: UInt64
    static let interval: UInt64 = 100_000_000

    init(total: Int, lang: Language, quiet: Bool, stderrIsTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.lang = lang
        enabled = stderrIsTerminal && !quiet && total > 1
        sharesTerminal = enabled && isatty(STDOUT_FILENO) == 1
        let after = ProcessInfo.processInfo.environment["XXGK_LINT_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
        delay = UInt64(max(0, min(after, 3600)) * 1e9)
    }

    /// One input checked (or failed) with `findings` findings.
    func checked(findings more: Int) {
        done += 1
        findings += more
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - started >= delay, now - lastDrawn >= Self.interval || done == total else { return }
        lastDrawn = now
        draw()
    }

    /// Runs `write` (output to the terminal) with the progress line out of its way.
    func around(_ write: () -> Void) {
        guard shown, sharesTerminal else { write(); return }
        clear()
        write()
        draw()
    }

    /// Removes the line (at the end, or before an error line on standard error).
    func clear() {
        guard shown else { return }
        emit("\r\u{1B}[2K")
        shown = false
    }

    static func line(done: Int, total: Int, findings: Int, lang: Language) -> String {
        lang == .zh ? "已检查 \(done)/\(total) 个文件，发现 \(findings) 个问题"
                    : "checked \(done)/\(total) files, \(findings) finding\(findings == 1 ? "" : "s") so far"
    }

    private func draw() {
        emit("\r\u{1B}[2K" + Self.line(done: done, total: total, findings: findings, lang: lang))
        shown = true
    }

    private func emit(_ s: String) { _ = Descriptor.writeAll(Array(s.utf8), to: STDERR_FILENO) }
}
