import Foundation
import Testing
@testable import ReportLint

/// Issue 12: hostile input and misuse, tried on the built binary as a user (or an attacker) would. Each
/// test checks what the user would notice — a draft kept, a terminal not taken over, a run that ends — and
/// that no process or temporary file is left behind.
@Suite("Hostile input and misuse", .serialized)
struct HostileInputTests {
    let cli = CLITests()

    /// A fresh folder with a correct draft in it.
    func folder() throws -> URL { try TestSupport.folder("hostile", copying: ["draft.txt": "reports/correct-2023.txt"]) }

    func names(_ dir: URL) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() }

    func noTemporaryFiles(_ dir: URL) {
        #expect(!names(dir).contains { $0.hasSuffix(".tmp") }, "temporary files left: \(names(dir))")
    }

    // MARK: 1. Data loss

    @Test func outputThatIsAnInputIsRefusedAndTheDraftKept() throws {
        let dir = try folder()
        let draft = dir.appendingPathComponent("draft.txt")
        let before = try Data(contentsOf: draft)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.txt").path, withDestinationPath: "draft.txt")
        for (output, input) in [("draft.txt", "draft.txt"), ("link.txt", "draft.txt"), ("draft.txt", "link.txt"), ("./draft.txt", ".")] {
            let r = try cli.run(["--format", "json", "--output", output, input], cwd: dir)
            #expect(r.status == 2, "\(output) over \(input)")
            #expect(r.stderr.contains("拒绝写入"), "\(r.stderr)")
            #expect(try Data(contentsOf: draft) == before, "the draft is unchanged")
        }
        // The configuration and a rule pack are inputs too.
        try #"{"rules": {}}"#.write(to: dir.appendingPathComponent("cfg.json"), atomically: true, encoding: .utf8)
        let r = try cli.run(["--lang", "en", "--config", "cfg.json", "--output", "cfg.json", "draft.txt"], cwd: dir)
        #expect(r.status == 2 && r.stderr.contains("refusing to overwrite"))
        #expect(try String(contentsOf: dir.appendingPathComponent("cfg.json"), encoding: .utf8) == #"{"rules": {}}"#)
        noTemporaryFiles(dir)
    }

    @Test func outputThroughALinkReplacesTheTargetAndKeepsTheLink() throws {
        let dir = try folder()
        try "old".write(to: dir.appendingPathComponent("target.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("out.json").path, withDestinationPath: "target.json")
        let r = try cli.run(["--format", "json", "--output", "out.json", "draft.txt"], cwd: dir)
        #expect(r.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("out.json").path) == "target.json")
        #expect(try String(contentsOf: dir.appendingPathComponent("target.json"), encoding: .utf8).contains("\"files\""))
        noTemporaryFiles(dir)
    }

    @Test func outputOntoADeviceOrAFIFOIsWrittenThroughNotReplaced() throws {
        let dir = try folder()
        // A link to /dev/null: the report goes into the device; neither the link nor the device is replaced.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("null.json").path, withDestinationPath: "/dev/null")
        let r = try cli.run(["--format", "json", "--output", "null.json", "draft.txt"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("null.json").path) == "/dev/null")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        // A FIFO with a reader: the reader gets the report, the FIFO stays a FIFO.
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedBox<Data>(Data())
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)  // blocks until the linter opens the FIFO for writing
            var bytes = Data(), chunk = [UInt8](repeating: 0, count: 4096)
            while fd >= 0 { let n = read(fd, &chunk, chunk.count); if n <= 0 { break }; bytes.append(contentsOf: chunk[0..<n]) }
            close(fd)
            received.value = bytes
        }
        reader.start()
        let f = try cli.run(["--format", "json", "--output", fifo, "draft.txt"], cwd: dir)
        #expect(f.status == 0)
        for _ in 0..<50 where received.value.isEmpty { Thread.sleep(forTimeInterval: 0.1) }
        #expect(String(decoding: received.value, as: UTF8.self).contains("\"files\""))
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        noTemporaryFiles(dir)
    }

    // MARK: 2. Terminal injection

    @Test func controlCharactersFromTheInputAreShownNotObeyed() throws {
        let dir = try folder()
        // A draft line holding an OSC title sequence, BEL, a screen clear and a right-to-left override, with a
        // finding on it (half-width comma), under a file name that tries to forge a line of output.
        let name = "evil\nFAKE.txt:1:1: error: forged [x].txt"
        let text = "某镇人民政府2023年政府信息公开工作年度报告\n\n全年共主动公开政府信息\u{1B}]0;PWNED\u{07}10条,其中\u{1B}[2J工作动态\u{202E}3条。\n"
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        for extra in [[], ["--color"]] {
            let r = try cli.run(extra + ["--disable", "required-section,table-missing", name], cwd: dir)
            let out = r.stdout + r.stderr
            #expect(out.contains("\\x1B]0;PWNED\\x07"), "the sequence is shown as text: \(out)")
            #expect(out.contains("\\u{202E}"))
            #expect(!out.contains("\u{07}") && !out.contains("\u{202E}") && !out.contains("\u{1B}]") && !out.contains("\u{1B}[2J"))
            // Colour codes of our own are the only escape sequences.
            let sequences = out.components(separatedBy: "\u{1B}[").dropFirst().map { $0.prefix { $0 != "m" } }
            #expect(sequences.allSatisfy { $0.allSatisfy { $0.isNumber || $0 == ";" } })
            #expect(!out.split(separator: "\n").contains { $0.hasPrefix("FAKE.txt") }, "no forged line")
            #expect(out.contains("\"evil\\nFAKE.txt:1:1: error: forged [x].txt\":3:"), "the name is quoted and escaped")
        }
        let view = try cli.run(["text", name], cwd: dir)
        #expect(view.stdout.contains("\\x1B]0;PWNED\\x07") && !view.stdout.contains("\u{1B}"))
    }

    @Test func markupInALoaderErrorIsShownNotObeyed() throws {
        let dir = try folder()
        var zip = ZipBuilder()
        zip.add("[Content_Types].xml", "<Types/>")
        zip.add("word/document.xml", "<w:document><w:body></w:body></w:document\u{1B}]0;PWNED\u{07}>")
        try Data(zip.build()).write(to: dir.appendingPathComponent("bad.docx"))
        let r = try cli.run(["bad.docx"], cwd: dir)
        #expect(r.status == 2)
        #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{07}"), "\(r.stderr)")
    }

    // MARK: 3. Hangs

    /// A pattern that passes the load-time guard yet takes quadratic time on a long paragraph of 县.
    func slowDraft(_ dir: URL, _ name: String = "slow.txt") throws -> (draft: String, pack: String) {
        try ("某镇人民政府2023年政府信息公开工作年度报告\n\n" + String(repeating: "县", count: 40_000) + "\n")
            .write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        try #"{"customRules": [{"id": "slow", "pattern": "县.*办.*室", "message": {"zh": "z", "en": "e"}}]}"#
            .write(to: dir.appendingPathComponent("slow.json"), atomically: true, encoding: .utf8)
        return (name, "slow.json")
    }

    @Test func oneFileIsHeldToTheTimeBudget() throws {
        let dir = try folder()
        let (draft, pack) = try slowDraft(dir)
        for (args, stdin) in [([draft], nil), (["--format", "json", "--output", "r.json", draft], nil),
                              (["-", "--stdin-filename", "s.txt"], try String(contentsOf: dir.appendingPathComponent(draft), encoding: .utf8)),
                              (["-", "draft.txt", "--stdin-filename", "s.txt"], try String(contentsOf: dir.appendingPathComponent(draft), encoding: .utf8))] {
            let started = Date()
            let r = try cli.run(["--rules", pack, "--timeout", "1"] + args, stdin: stdin, cwd: dir)
            #expect(Date().timeIntervalSince(started) < 15, "\(args): stopped at its budget")
            #expect(r.status == 2)
            #expect(r.stderr.contains("检查超时（超过 1 秒）"), "\(args): \(r.stderr)")
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8).contains("检查超时"))
        noTemporaryFiles(dir)
        #expect(Self.workers(of: CLITests.executable!.path).isEmpty)
    }

    @Test(arguments: [SIGKILL, SIGTERM, SIGINT])
    func workersDieWithTheirSupervisor(_ signal: Int32) throws {
        let dir = try folder()
        let (draft, pack) = try slowDraft(dir)
        try FileManager.default.copyItem(at: dir.appendingPathComponent(draft), to: dir.appendingPathComponent("slow2.txt"))
        let p = Process()
        p.executableURL = CLITests.executable
        p.arguments = ["--rules", pack, "--jobs", "2", "--format", "json", "--output", "out.json", draft, "slow2.txt"]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let executable = try #require(CLITests.executable).path
        for _ in 0..<50 where Self.workers(of: executable, parent: p.processIdentifier).count < 2 { Thread.sleep(forTimeInterval: 0.1) }
        let workers = Self.workers(of: executable, parent: p.processIdentifier)
        #expect(workers.count == 2, "two workers busy on the slow drafts")
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        for _ in 0..<30 where workers.contains(where: { kill($0, 0) == 0 }) { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!workers.contains { kill($0, 0) == 0 }, "workers outlived their supervisor")
        #expect(!names(dir).contains("out.json"), "no partial report")
        noTemporaryFiles(dir)
    }

    /// A pdftotext that hangs on a hostile PDF goes with the worker stopped at its budget: it runs in the
    /// worker's process group, which the supervisor kills whole (started through Foundation's `Process`, it had
    /// a group of its own and was left running).
    @Test(.enabled(if: TestFiles.exists("/bin/sh") && TestFiles.exists("/bin/sleep"), "no /bin/sh"))
    func aHungPdftotextEndsWithItsWorker() throws {
        let dir = try TestSupport.folder("hung-pdftotext", writing: ["a.pdf": "%PDF-1.4", "b.pdf": "%PDF-1.4"])
        let tools = dir.appendingPathComponent("bin"), pids = dir.appendingPathComponent("pids")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        let fake = tools.appendingPathComponent("pdftotext")
        try "#!/bin/sh\necho $$ >> '\(pids.path)'\nexec /bin/sleep 60\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let path = tools.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = try cli.run(["--timeout", "1", "a.pdf", "b.pdf"], cwd: dir, env: ["PATH": path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("检查超时（超过 1 秒）"), "\(r.stderr)")
        let started = try String(contentsOf: pids, encoding: .utf8).split(separator: "\n").compactMap { pid_t($0) }
        #expect(!started.isEmpty, "the fake pdftotext ran")
        func running(_ pid: pid_t) -> Bool {
            guard kill(pid, 0) == 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
            return stat.split(separator: ")").last?.split(separator: " ").first != "Z"  // a zombie has ended
        }
        for _ in 0..<30 where started.contains(where: running) { Thread.sleep(forTimeInterval: 0.1) }
        let left = started.filter(running)
        for pid in left { kill(pid, SIGKILL) }
        #expect(left.isEmpty, "pdftotext outlived its worker: \(left)")
    }

    /// Worker processes of `executable` (with their parent, when given), from /proc.
    static func workers(of executable: String, parent: pid_t? = nil) -> [pid_t] {
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid_t($0) }
        return pids.filter { pid in
            guard let cmd = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")) else { return false }
            let words = cmd.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard words.count > 1, words[1] == "__worker",
                  URL(fileURLWithPath: words[0]).resolvingSymlinksInPath().path == URL(fileURLWithPath: executable).resolvingSymlinksInPath().path
            else { return false }
            guard let parent else { return true }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
            return fields.count > 1 && pid_t(fields[1]) == parent
        }
    }

    @Test func catastrophicPatternsAndHugePacksAreRefusedAtOnce() throws {
        let dir = try folder()
        for bad in ["(a|a)*$", "(a|aa)*b", "(a?){30}a{30}", ".*.*.*x"] {
            let pack = #"{"customRules": [{"id": "bad", "pattern": "\#(bad)", "message": {"zh": "z", "en": "e"}}]}"#
            try pack.write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
            let r = try cli.run(["--rules", "bad.json", "draft.txt"], cwd: dir)
            #expect(r.status == 2 && r.stderr.contains("规则包 bad.json"), "\(bad): \(r.stderr)")
        }
        // 200,000 trivial rules: refused by size, at once; 1,001 small ones: refused by count.
        func rules(_ n: Int) -> String {
            #"{"customRules": ["# + (0..<n).map { #"{"id": "r\#($0)", "pattern": "x\#($0)", "message": {"zh": "z", "en": "e"}}"# }.joined(separator: ",") + "]}"
        }
        // A device named as a pack or in a configuration's packs: refused, not read forever.
        try #"{"packs": ["/dev/zero"]}"#.write(to: dir.appendingPathComponent("zero.json"), atomically: true, encoding: .utf8)
        for args in [["--rules", "/dev/zero"], ["--config", "zero.json"]] {
            let started = Date()
            let r = try cli.run(args + ["draft.txt"], cwd: dir)
            #expect(Date().timeIntervalSince(started) < 10 && r.status == 2 && r.stderr.contains("/dev/zero"), "\(args): \(r.stderr)")
        }
        for (n, reason) in [(200_000, "过大"), (1_001, "1000")] {
            try rules(n).write(to: dir.appendingPathComponent("many.json"), atomically: true, encoding: .utf8)
            let started = Date()
            let r = try cli.run(["--rules", "many.json", "draft.txt"], cwd: dir)
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(r.status == 2 && r.stderr.contains(reason), "\(n) rules: \(r.stderr)")
        }
    }

    // MARK: 4. Limits

    @Test func outOfRangeNumbersAreOneClearErrorFromTheCommandLineAndTheConfiguration() throws {
        let dir = try folder()
        for args in [["--max-file-size", "9223372036854775807"], ["--max-file-size", "-5"], ["--year", "99999"],
                     ["--year", "-2023"], ["--jobs", "0"], ["--timeout", "inf"], ["--timeout", "nan"]] {
            let r = try cli.run(args + ["draft.txt"], cwd: dir)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains(args[0]) && r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        for (key, value) in [("year", "99999"), ("year", "-2023"), ("maxFileSize", "-5"), ("maxFileSize", "9223372036854775807"),
                             ("year", "\"2023\""), ("year", "2023.5")] {
            try "{\"\(key)\": \(value)}".write(to: dir.appendingPathComponent("cfg.json"), atomically: true, encoding: .utf8)
            for files in [["draft.txt"], ["draft.txt", "draft.txt"]] {
                let r = try cli.run(["--config", "cfg.json"] + files, cwd: dir)
                #expect(r.status == 2, "\(key)=\(value)")
                #expect(r.stderr.contains("配置文件 cfg.json") && r.stderr.contains("\"\(key)\""), "\(key)=\(value): \(r.stderr)")
                #expect(!r.stderr.contains("异常退出"), "no file is reported as crashed")
            }
        }
        let en = try cli.run(["--lang", "en", "--year", "1999", "draft.txt"], cwd: dir)
        #expect(en.stderr.contains("--year needs a year from 2000 to"))
        try #"{"year": 2023, "maxFileSize": 1000000}"#.write(to: dir.appendingPathComponent("cfg.json"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["--config", "cfg.json", "draft.txt"], cwd: dir).status == 0, "sensible values are accepted")
    }

    // MARK: 5. Odd input

    @Test func aFigureTooLargeToCheckIsSaidSoNeverInf() throws {
        let dir = try folder()
        let huge = String(repeating: "9", count: 400)
        try "全年共主动公开政府信息10条，其中工作动态\(huge)条，通知公告1条。共公开\(huge)条，其中A类30条，占\(huge)%。\n"
            .write(to: dir.appendingPathComponent("big.txt"), atomically: true, encoding: .utf8)
        for lang in ["zh", "en"] {
            let r = try cli.run(["--lang", lang, "--format", "json", "big.txt"], cwd: dir)
            #expect(r.stdout.range(of: #"\binf\b"#, options: .regularExpression) == nil, "\(r.stdout)")
            #expect(r.stdout.contains(lang == "zh" ? "数字过大（400 位），无法核对" : "a number too large to check (400 digits)"))
        }
    }

    @Test func aUTF16MetaOnAUTF8PageIsReadAsUTF8() throws {
        let page = "<html><head><meta charset=\"utf-16\"><title>t</title></head><body><p>某镇人民政府2023年政府信息公开工作年度报告</p></body></html>"
        let (text, encoding) = try HTMLCharset.decode(Array(page.utf8))
        #expect(encoding == "UTF-8")
        #expect(text.contains("某镇人民政府2023年"))
        let dir = try folder()
        try page.write(to: dir.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["text", "page.html"], cwd: dir).stdout.contains("某镇人民政府2023年政府信息公开工作年度报告"))
    }

    @Test func aLoopOfLinksIsNamed() throws {
        let dir = try folder()
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("a.txt").path, withDestinationPath: "b.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("b.txt").path, withDestinationPath: "a.txt")
        let r = try cli.run(["a.txt", "draft.txt"], cwd: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("a.txt: 错误: 符号链接形成循环"), "\(r.stderr)")
        let o = try cli.run(["--lang", "en", "--output", "a.txt", "draft.txt"], cwd: dir)
        #expect(o.status == 2 && o.stderr.contains("a loop of symbolic links"), "\(o.stderr)")
    }
}

/// A value shared with a thread in a test.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
