// Shared by every libFuzzer harness in Fuzz/. Compiled into the same module as Sources/ReportLint (see
// scripts/fuzz.sh), so the harnesses reach internal API (ZipArchive, Inflate) without `import`.
enum FuzzSupport {
    /// One linter (every built-in rule enabled) for every input: building the registry is not what we fuzz.
    static let linter = Linter()
    /// The same with the report year given (`--year 2023`).
    static let linter2023: Linter = {
        var configuration = Configuration()
        configuration.yearOverride = 2023
        return Linter(configuration: configuration)
    }()

    /// The fuzzer's bytes as an array (the loaders take `[UInt8]`).
    static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Loads bytes through the public entry point, then reads and checks what loaded with every rule.
    /// A `LoadError` is the expected way to refuse input; anything else (a trap, an ASan report, a hang)
    /// is a bug.
    static func loadAndLint(_ bytes: [UInt8], path: String, format: InputFormat, lint: Bool = true) {
        let document: Document
        do {
            document = try DocumentLoader().load(bytes: bytes, path: path, format: format)
        } catch {
            _ = error.message(.en)
            return
        }
        if lint { check(document) }
    }

    /// Reader + every per-report rule, and the batch rules over the one report.
    static func check(_ document: Document, linter: Linter = FuzzSupport.linter) {
        let (report, diagnostics) = linter.lint(document)
        _ = linter.checkBatch([(document.path, linter.batchFacts(report))])
        for d in diagnostics { precondition(d.line >= 1 && d.column >= 1, "diagnostic outside the text: \(d)") }
    }

    /// A minimal valid zip of stored (uncompressed) entries, with correct CRCs, so that the fuzzer's bytes
    /// reach the XML layer of the docx loader instead of dying at the CRC check.
    static func storedZip(_ parts: [(name: String, data: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        func u16(_ v: Int, into a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32, into a: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { a.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
        for part in parts {
            let name = Array(part.name.utf8), crc = Inflate.crc32Checksum(part.data), offset = out.count
            u32(0x0403_4B50, into: &out); u16(20, into: &out); u16(0, into: &out); u16(0, into: &out)
            u16(0, into: &out); u16(0x21, into: &out); u32(crc, into: &out)
            u32(UInt32(part.data.count), into: &out); u32(UInt32(part.data.count), into: &out)
            u16(name.count, into: &out); u16(0, into: &out); out += name; out += part.data
            u32(0x0201_4B50, into: &directory); u16(20, into: &directory); u16(20, into: &directory)
            u16(0, into: &directory); u16(0, into: &directory); u16(0, into: &directory); u16(0x21, into: &directory)
            u32(crc, into: &directory); u32(UInt32(part.data.count), into: &directory)
            u32(UInt32(part.data.count), into: &directory); u16(name.count, into: &directory)
            u16(0, into: &directory); u16(0, into: &directory); u16(0, into: &directory); u16(0, into: &directory)
            u32(0, into: &directory); u32(UInt32(offset), into: &directory); directory += name
        }
        let directoryOffset = out.count
        out += directory
        u32(0x0605_4B50, into: &out); u16(0, into: &out); u16(0, into: &out)
        u16(parts.count, into: &out); u16(parts.count, into: &out)
        u32(UInt32(directory.count), into: &out); u32(UInt32(directoryOffset), into: &out); u16(0, into: &out)
        return out
    }

    /// Splits `bytes` at every occurrence of `separator`.
    static func split(_ bytes: [UInt8], on separator: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = [], start = 0, i = 0
        while i + separator.count <= bytes.count {
            if bytes[i] == separator[0] && Array(bytes[i..<i + separator.count]) == separator {
                pieces.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(Array(bytes[start...]))
        return pieces
    }
}
