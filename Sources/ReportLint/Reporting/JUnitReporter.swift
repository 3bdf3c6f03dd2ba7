/// JUnit XML, which CI services (GitLab, Jenkins, Azure) read as test results: one `<testsuite>` per
/// draft, one failing `<testcase>` per finding at or above warning (notes are listed as passed cases with
/// the note as output), a passing case for a clean draft, and an `<error>` case for an input that could not
/// be read. Streamed: each draft's suite is written as it is checked.
public struct JUnitReporter: Reporter {
    public static let name = "junit"
    public static let summary = Localized(zh: "JUnit XML，供 CI 的测试结果页面读取", en: "JUnit XML, for CI test result pages")
    public static let fileExtension = "xml"
    public var options: ReporterOptions

    public init(options: ReporterOptions) { self.options = options }

    public func begin(into out: inout [UInt8]) {
        out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"xxgk-lint\">\n".utf8)
    }

    public func file(_ file: LintResults.File, after totals: LintTotals, into out: inout [UInt8]) {
        let lang = options.language
        let shown = file.diagnostics.filter { !options.quiet || $0.severity == .error }
        let failures = shown.filter { $0.severity >= .warning }.count
        var x = "  <testsuite name=\"\(Self.escape(file.path))\" tests=\"\(max(shown.count, 1))\" failures=\"\(failures)\" errors=\"0\">\n"
        if shown.isEmpty {
            x += "    <testcase classname=\"\(Self.escape(file.path))\" name=\"xxgk-lint\"/>\n"
        }
        for d in shown {
            let name = "\(d.ruleID) \(d.line):\(d.column)"
            x += "    <testcase classname=\"\(Self.escape(file.path))\" name=\"\(Self.escape(name))\">\n"
            let text = "\(d.path):\(d.line):\(d.column): \(d.severity.label(lang)): \(d.message[lang]) [\(d.ruleID)]\n\(d.snippet)"
            if d.severity >= .warning {
                x += "      <failure type=\"\(d.severity.rawValue)\" message=\"\(Self.escape(d.message[lang]))\">\(Self.escape(text))</failure>\n"
            } else {
                x += "      <system-out>\(Self.escape(text))</system-out>\n"
            }
            x += "    </testcase>\n"
        }
        x += "  </testsuite>\n"
        out.append(contentsOf: x.utf8)
    }

    public func end(_ totals: LintTotals, failures: [LintResults.Failure], into out: inout [UInt8]) {
        var x = ""
        for f in failures {
            x += "  <testsuite name=\"\(Self.escape(f.path))\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
            x += "    <testcase classname=\"\(Self.escape(f.path))\" name=\"xxgk-lint\">\n"
            x += "      <error message=\"\(Self.escape(f.error.message(options.language)))\"/>\n    </testcase>\n  </testsuite>\n"
        }
        out.append(contentsOf: (x + "</testsuites>\n").utf8)
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
