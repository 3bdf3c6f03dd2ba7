/// SARIF 2.1.0 for code-scanning tools and CI (valid against the OASIS schema).
public struct SARIFReporter: Reporter {
    public static let name = "sarif"
    public static let summary = Localized(zh: "SARIF 2.1.0，供代码扫描平台使用", en: "SARIF 2.1.0, for code-scanning services")
    public static let fileExtension = "sarif"
    public var options: ReporterOptions
    public static let informationURI = "https://github.com/xxgk-lint/xxgk-lint"

    /// Each rule's position in `tool.driver.rules`.
    private let ruleIndex: [String: Int]

    public init(options: ReporterOptions) {
        self.options = options
        ruleIndex = Dictionary(options.descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    // The log is written around the streamed `results` array, laid out exactly as `JSONValue.serialized()`
    // lays out a whole document: the top object at level 0, `runs` at 1, the run at 2, its members at 3,
    // each result at 4. `results` comes before `invocations`, which needs the unreadable inputs known at the end.
    public func begin(into out: inout [UInt8]) {
        let lang = options.language
        let rules: [JSONValue] = options.descriptors.map { d in
            .object([
                ("id", .string(d.id)),
                ("name", .string(pascalCase(d.id))),
                ("shortDescription", .object([("text", .string(d.name[lang]))])),
                ("fullDescription", .object([("text", .string(d.summary[lang]))])),
                ("help", .object([("text", .string(d.rationale[lang] + " " + (lang == .zh ? "依据：" : "Basis: ") + d.basis[lang]))])),
                ("helpUri", .string("\(Self.informationURI)#\(d.id)")),
                ("defaultConfiguration", .object([("level", .string(d.severity.rawValue))])),
            ])
        }
        var top = JSONObjectWriter(indent: 0)
        top.member("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json"), to: &out)
        top.member("version", .string("2.1.0"), to: &out)
        top.key("runs", to: &out)
        var runs = JSONArrayWriter(indent: 1)
        runs.next(&out)
        var run = JSONObjectWriter(indent: 2)
        run.member("tool", .object([("driver", .object([
            ("name", .string("xxgk-lint")),
            ("version", .string(Version.current)),
            ("semanticVersion", .string(Version.current)),
            ("informationUri", .string(Self.informationURI)),
            ("language", .string(lang == .zh ? "zh-CN" : "en-US")),
            ("rules", .array(rules)),
        ]))]), to: &out)
        run.member("originalUriBaseIds", .object([("SRCROOT", .object([("uri", .string(baseURI))]))]), to: &out)
        run.member("columnKind", .string("unicodeCodePoints"), to: &out)
        run.key("results", to: &out)
    }

    public func file(_ file: LintResults.File, after totals: LintTotals, into out: inout [UInt8]) {
        let lang = options.language
        var results = JSONArrayWriter(indent: 3, written: totals.diagnostics)
        let fingerprints = Fingerprint.keys(file.diagnostics)
        let textFormat = file.report.map { $0.format == "txt" || $0.format == "md" } ?? false
        for (d, fingerprint) in zip(file.diagnostics, fingerprints) {
            var members: [(String, JSONValue)] = [
                ("ruleId", .string(d.ruleID)),
                ("ruleIndex", .int(ruleIndex[d.ruleID] ?? 0)),
                ("level", .string(d.severity.rawValue)),
                ("message", .object([("text", .string(d.message[lang]))])),
                ("locations", .array([location(d)])),
                ("partialFingerprints", .object([
                    ("xxgkLintSnippet/v1", .string(fingerprint)),
                ])),
            ]
            if !d.related.isEmpty {
                members.append(("relatedLocations", .array(d.related.enumerated().map { k, r in
                    .object([
                        ("id", .int(k + 1)),
                        ("physicalLocation", physical(r.path ?? d.path, region: .object([
                            ("startLine", .int(r.line)), ("startColumn", .int(r.column)), ("endColumn", .int(max(r.endColumn, r.column + 1))),
                        ]))),
                        ("message", .object([("text", .string(r.message[lang]))])),
                    ])
                })))
            }
            if let fix = d.fix, textFormat {
                members.append(("fixes", .array([.object([
                    ("description", .object([("text", .string(fix.description[lang]))])),
                    ("artifactChanges", .array([.object([
                        ("artifactLocation", artifact(d.path)),
                        ("replacements", .array([.object([
                            ("deletedRegion", .object([
                                ("startLine", .int(d.line)), ("startColumn", .int(d.column)),
                                ("endLine", .int(d.endLine)), ("endColumn", .int(d.endColumn)),
                            ])),
                            ("insertedContent", .object([("text", .string(fix.replacement))])),
                        ])])),
                    ])])),
                ])])))
            }
            results.append(.object(members), to: &out)
        }
    }

    public func end(_ totals: LintTotals, failures: [LintResults.Failure], into out: inout [UInt8]) {
        let lang = options.language
        JSONArrayWriter(indent: 3, written: totals.diagnostics).close(&out)
        let notifications: [JSONValue] = failures.map { f in
            .object([
                ("level", .string("error")),
                ("message", .object([("text", .string("\(f.path): \(f.error.message(lang))"))])),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(f.path))]))])])),
            ])
        }
        var run = JSONObjectWriter(indent: 2, written: 4)
        run.member("invocations", .array([.object([
            ("executionSuccessful", .bool(failures.isEmpty)),
            ("toolExecutionNotifications", .array(notifications)),
        ])]), to: &out)
        run.close(&out)
        JSONArrayWriter(indent: 1, written: 1).close(&out)
        JSONObjectWriter(indent: 0, written: 3).close(&out)
        out.append(0x0A)
    }

    private func location(_ d: Diagnostic) -> JSONValue {
        .object([("physicalLocation", physical(d.path, region: .object([
            ("startLine", .int(d.line)), ("startColumn", .int(d.column)),
            ("endLine", .int(d.endLine)), ("endColumn", .int(d.endColumn)),
            ("snippet", .object([("text", .string(d.snippet))])),
        ])))])
    }

    private func physical(_ path: String, region: JSONValue) -> JSONValue {
        .object([("artifactLocation", artifact(path)), ("region", region)])
    }

    private func artifact(_ path: String) -> JSONValue {
        if path.hasPrefix("/") && !path.hasPrefix(options.baseDirectory) {
            return .object([("uri", .string("file://" + URIEncoding.encode(path)))])
        }
        var relative = path
        if relative.hasPrefix(options.baseDirectory) { relative.removeFirst(options.baseDirectory.count) }
        while relative.hasPrefix("/") { relative.removeFirst() }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return .object([("uri", .string(URIEncoding.encode(relative))), ("uriBaseId", .string("SRCROOT"))])
    }

    private var baseURI: String {
        var base = options.baseDirectory
        if !base.hasSuffix("/") { base += "/" }
        return "file://" + URIEncoding.encode(base)
    }

    private func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// Percent-encoding for URIs (RFC 3986): Chinese file names become %E7%A4%BE….
enum URIEncoding {
    static func encode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/".contains(c) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

public enum Version {
    public static let current = "0.1.0"
}
