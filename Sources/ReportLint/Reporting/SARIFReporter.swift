/// SARIF 2.1.0 for code-scanning tools and CI (valid against the OASIS schema).
public struct SARIFReporter: Reporter {
    public static let name = "sarif"
    public var options: ReporterOptions
    public static let informationURI = "https://github.com/xxgk-lint/xxgk-lint"

    public init(options: ReporterOptions) { self.options = options }

    public func render(_ results: LintResults) -> String {
        let lang = options.language
        let descriptors = options.descriptors
        let ruleIndex = Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($1.id, $0) })
        let rules: [JSONValue] = descriptors.map { d in
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
        var sarifResults: [JSONValue] = []
        for file in results.files {
            var seen: [String: Int] = [:]
            let textFormat = file.report.map { $0.format == "txt" || $0.format == "md" } ?? false
            for d in file.diagnostics {
                let key = d.ruleID + "\u{1F}" + d.snippet
                let occurrence = seen[key, default: 0]
                seen[key] = occurrence + 1
                var members: [(String, JSONValue)] = [
                    ("ruleId", .string(d.ruleID)),
                    ("ruleIndex", .int(ruleIndex[d.ruleID] ?? 0)),
                    ("level", .string(d.severity.rawValue)),
                    ("message", .object([("text", .string(d.message[lang]))])),
                    ("locations", .array([location(d)])),
                    ("partialFingerprints", .object([
                        ("xxgkLintSnippet/v1", .string(Fingerprint.hex("\(d.ruleID)|\(d.snippet)|\(occurrence)"))),
                    ])),
                ]
                if !d.related.isEmpty {
                    members.append(("relatedLocations", .array(d.related.enumerated().map { k, r in
                        .object([
                            ("id", .int(k + 1)),
                            ("physicalLocation", physical(d.path, region: .object([
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
                sarifResults.append(.object(members))
            }
        }
        let notifications: [JSONValue] = results.failures.map { f in
            .object([
                ("level", .string("error")),
                ("message", .object([("text", .string("\(f.path): \(f.error.message(lang))"))])),
                ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(f.path))]))])])),
            ])
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("xxgk-lint")),
                ("version", .string(Version.current)),
                ("semanticVersion", .string(Version.current)),
                ("informationUri", .string(Self.informationURI)),
                ("language", .string(lang == .zh ? "zh-CN" : "en-US")),
                ("rules", .array(rules)),
            ]))])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(results.failures.isEmpty)),
                ("toolExecutionNotifications", .array(notifications)),
            ])])),
            ("originalUriBaseIds", .object([("SRCROOT", .object([("uri", .string(baseURI))]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(sarifResults)),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).serialized() + "\n"
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

/// Stable 64-bit FNV-1a fingerprints: they depend on the rule and the text, not on line numbers, so
/// they survive edits elsewhere in the draft.
enum Fingerprint {
    static func hex(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

public enum Version {
    public static let current = "0.1.0"
}
