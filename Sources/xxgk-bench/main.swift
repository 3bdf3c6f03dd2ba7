import Foundation
import ReportLint
#if canImport(Glibc)
import Glibc
#endif

// xxgk-bench: speed and memory of xxgk-lint on generated drafts, on this machine, in one run.
//
//   swift build -c release && .build/release/xxgk-bench [--quick] [--keep DIR]
//   .build/release/xxgk-bench --batch [N]     the batch rules over N distinct drafts (default 20,000)
//
// Prints drafts/second for text and docx (in-process engine and the real CLI), one-draft end-to-end latency
// of the CLI, peak memory for 1,000 and 10,000 drafts, and the floor for comparison (cat of the same bytes),
// with ratios and the targets of issue 5.

let arguments = Array(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let keep = arguments.firstIndex(of: "--keep").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
let here = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    .deletingLastPathComponent()
let cli = here.appendingPathComponent("xxgk-lint").path
guard FileManager.default.isExecutableFile(atPath: cli) else {
    FileHandle.standardError.write(Data("xxgk-bench: \(cli) not found; run `swift build -c release` first\n".utf8))
    exit(2)
}
if arguments.contains("--batch") {
    // The batch rules over a province-size batch (see BatchBench.swift); nothing else is measured.
    let count = arguments.firstIndex(of: "--batch").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? 20_000
    exit(BatchBench.run(cli: cli, count: count, keep: keep))
}
let work = URL(fileURLWithPath: keep ?? NSTemporaryDirectory()).appendingPathComponent(keep == nil ? "xxgk-bench-\(getpid())" : "")
let cores = ProcessInfo.processInfo.activeProcessorCount
let textCount = quick ? 400 : 2_000, docxCount = quick ? 200 : 1_000, bigCount = quick ? 2_000 : 10_000

// MARK: - Drafts

nonisolated(unsafe) var generator = DraftGenerator(random: SeededRandom(seed: 20_261_124))
func writeSet(_ name: String, count: Int, _ render: (DraftGenerator.Draft, Int) -> (String, [UInt8])) -> [String] {
    let dir = work.appendingPathComponent(name)
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return (0..<count).map { i in
        let (ext, bytes) = render(generator.draft(), i)
        let path = dir.appendingPathComponent(String(format: "draft-%05d.%@", i, ext)).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
let text = writeSet("text", count: textCount) { d, i in
    switch i % 5 {
    case 0, 1: ("txt", DraftWriter.text(d))
    case 2: ("txt", DraftWriter.gb18030(d))
    default: ("md", DraftWriter.markdown(d))
    }
}
let docx = writeSet("docx", count: docxCount) { d, _ in ("docx", DraftWriter.docx(d)) }
let html = writeSet("html", count: quick ? 100 : 500) { d, _ in ("html", DraftWriter.html(d)) }
let bytesOf = { (paths: [String]) in paths.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) } }

// MARK: - Measuring

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func best(_ runs: Int, _ body: () -> Void) -> Double { (0..<runs).map { _ in seconds(body) }.min() ?? 0 }

func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

let linter = Linter()
func inProcess(_ paths: [String]) -> Double {
    let runner = Runner(linter: linter, jobs: cores)
    return best(3) { _ = runner.run(paths.map { .path($0) }) }
}
func readFloor(_ paths: [String]) -> Double {
    best(3) { for p in paths { _ = FileManager.default.contents(atPath: p) } }
}
func cliBatch(_ paths: [String], dir: String, isolated: Bool = true) -> (Double, Int) {
    let runs = (0..<2).map { _ in spawn([cli, "--quiet", "--format", "json"] + (isolated ? [] : ["--no-isolation"]) + [dir]) }
    return (runs.map(\.seconds).min()!, runs.map(\.peakKB).max()!)
}
func catFloor(_ dir: String) -> Double {
    (0..<3).map { _ in spawn(["/bin/sh", "-c", "find '\(dir)' -type f -exec cat {} + >/dev/null"]).seconds }.min()!
}

print("xxgk-lint benchmark — \(cores) cores, release build, \(quick ? "quick" : "full") run; drafts in \(work.path)")
print("generated: \(text.count) text drafts (txt UTF-8, txt GB18030, md; \(bytesOf(text) / text.count) B avg), \(docx.count) docx (\(bytesOf(docx) / docx.count) B avg), \(html.count) html; eras 2019 and 2021; a third with defects")
print("")

let textEngine = inProcess(text), docxEngine = inProcess(docx), htmlEngine = inProcess(html)
let (textCLI, _) = cliBatch(text, dir: work.appendingPathComponent("text").path)
let (docxCLI, _) = cliBatch(docx, dir: work.appendingPathComponent("docx").path)
let textCat = catFloor(work.appendingPathComponent("text").path)

// PDF: a real two-page report made by LibreOffice (the test fixture), copied; read through pdftotext, an
// external program. The target: the linter's own work (a worker's spawn of pdftotext, the page geometry, the
// rules) costs at most twice pdftotext's, a ratio of 3 against pdftotext alone. Skipped without pdftotext or
// outside the repository.
let pdfFixture = FileManager.default.currentDirectoryPath + "/Tests/Fixtures/two-pages.pdf"
let pdfTool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains { FileManager.default.isExecutableFile(atPath: $0) }
var pdfCLI: Double?, pdfFloor: Double?, pdfCount = quick ? 40 : 200
if pdfTool, let pdf = FileManager.default.contents(atPath: pdfFixture) {
    let dir = work.appendingPathComponent("pdf")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for i in 0..<pdfCount { _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("draft-\(i).pdf").path, contents: pdf) }
    pdfCLI = cliBatch([], dir: dir.path).0
    // The floor: pdftotext alone, as the linter runs it (-tsv, word positions), with as many in parallel.
    pdfFloor = (0..<3).map { _ in
        spawn(["/bin/sh", "-c", "ls '\(dir.path)'/*.pdf | xargs -P \(cores) -I{} pdftotext -tsv -enc UTF-8 {} /dev/null"]).seconds
    }.min()
}
let docxCat = catFloor(work.appendingPathComponent("docx").path)
let textRead = readFloor(text)
var inflated = 0
let docxInflate = best(3) { inflated = docx.reduce(0) { $0 + InflateFloor.readAndInflate($1) } }

// One draft end to end: the CLI on one file, median of 30 (after 3 warm-up runs); the floor is `cat` of it.
let one = text[0]
for _ in 0..<3 { _ = spawn([cli, one]) }
let latency = median((0..<30).map { _ in spawn([cli, one]).seconds })
let catOne = median((0..<30).map { _ in spawn(["/bin/cat", one]).seconds })

// Memory: 1,000 and 10,000 drafts through the CLI (isolated, the default; and in-process).
var bigPaths = text
bigPaths += writeSet("text-more", count: bigCount - text.count) { d, _ in ("txt", DraftWriter.text(d)) }
let bigDir = work.appendingPathComponent("big")
try? FileManager.default.createDirectory(at: bigDir, withIntermediateDirectories: true)
for (i, p) in bigPaths.enumerated() {
    let dest = bigDir.appendingPathComponent(String(format: "d%05d-%@", i, (p as NSString).lastPathComponent)).path
    if !FileManager.default.fileExists(atPath: dest) { try? FileManager.default.linkItem(atPath: p, toPath: dest) }
}
let smallDir = work.appendingPathComponent("text").path
let (_, mem1k) = cliBatch(Array(text.prefix(1000)), dir: smallDir)
let (big, mem10k) = cliBatch(bigPaths, dir: bigDir.path)
let (_, mem10kInProcess) = cliBatch(bigPaths, dir: bigDir.path, isolated: false)

// MARK: - Report

func row(_ name: String, _ value: String, _ target: String, _ ok: Bool?) {
    let mark = ok.map { $0 ? "ok" : "MISSED" } ?? ""
    print(name.padding(toLength: 58, withPad: " ", startingAt: 0) + value.padding(toLength: 22, withPad: " ", startingAt: 0)
          + target.padding(toLength: 16, withPad: " ", startingAt: 0) + mark)
}
func rate(_ n: Int, _ s: Double) -> Double { Double(n) / s }
let f0 = { (x: Double) in String(format: "%.0f", x) }, f1 = { (x: Double) in String(format: "%.1f", x) }
row("measure", "value", "target", nil)
row("text drafts/s, engine (\(cores) threads)", f0(rate(text.count, textEngine)), "≥ 2000", rate(text.count, textEngine) >= 2000)
row("text drafts/s, CLI batch (isolated workers)", f0(rate(text.count, textCLI)), "≥ 2000", rate(text.count, textCLI) >= 2000)
row("docx drafts/s, engine", f0(rate(docx.count, docxEngine)), "≥ 500", rate(docx.count, docxEngine) >= 500)
row("docx drafts/s, CLI batch", f0(rate(docx.count, docxCLI)), "≥ 500", rate(docx.count, docxCLI) >= 500)
row("html drafts/s, engine", f0(rate(html.count, htmlEngine)), "", nil)
if let pdfCLI {
    row("pdf drafts/s, CLI batch (2-page report, via pdftotext)", f0(rate(pdfCount, pdfCLI)), "", nil)
    if let pdfFloor {
        row("floor: pdftotext -tsv alone, same drafts and parallelism", f0(rate(pdfCount, pdfFloor)) + "/s", "", nil)
        row("  ratio CLI batch / pdftotext alone, pdf", f1(pdfCLI / pdfFloor) + "×", "≤ 3×", pdfCLI / pdfFloor <= 3)
    }
} else {
    row("pdf drafts/s: skipped (needs pdftotext and Tests/Fixtures/two-pages.pdf)", "", "", nil)
}
row("one draft end to end, CLI (median of 30)", f1(latency * 1000) + " ms", "≤ 15 ms", latency <= 0.015)
row("floor: cat one draft (median of 30)", f1(catOne * 1000) + " ms", "", nil)
row("  ratio CLI / cat, one draft", f1(latency / catOne) + "×", "", nil)
row("floor: cat all text drafts (one process)", f1(textCat * 1000) + " ms", "", nil)
row("  ratio CLI batch / cat, text", f1(textCLI / textCat) + "×", "≤ 10×", textCLI / textCat <= 10)
row("  ratio CLI batch / cat, docx", f1(docxCLI / docxCat) + "×", "≤ 10×", docxCLI / docxCat <= 10)
row("floor: read + inflate all docx (zlib; \(inflated / max(docx.count, 1) / 1024) KB each)", f1(docxInflate * 1000) + " ms", "", nil)
row("  ratio CLI batch / read + inflate, docx", f1(docxCLI / docxInflate) + "×", "", nil)
row("floor: read all text drafts in-process", f1(textRead * 1000) + " ms", "", nil)
row("  ratio engine / in-process read, text", f0(textEngine / textRead) + "×", "", nil)
row("peak RSS, 1,000 drafts (largest process)", "\(mem1k / 1024) MB", "≤ 200 MB", mem1k / 1024 <= 200)
row("peak RSS, \(bigCount) drafts (largest process)", "\(mem10k / 1024) MB", "≤ 200 MB, flat", mem10k / 1024 <= 200)
row("peak RSS, \(bigCount) drafts, --no-isolation", "\(mem10kInProcess / 1024) MB", "≤ 200 MB", mem10kInProcess / 1024 <= 200)
row("\(bigCount) drafts through the CLI", f1(big) + " s", "", nil)

if keep == nil { try? FileManager.default.removeItem(at: work) }
