// libFuzzer harness: the .txt/.md loader (TextLoader + TextDecoding) in every encoding it reads.
//
// The first byte picks how the rest is presented to the loader:
//   0 raw bytes as .txt      1 raw bytes as .md          2 UTF-8 with a BOM
//   3 UTF-16LE with a BOM    4 UTF-16BE with a BOM       5 UTF-16LE without BOM (sniffed)
//   6 UTF-16BE without BOM   7 GB18030 (via iconv; raw bytes when not representable)
// For 2–7 the rest is taken as (lossily decoded) UTF-8 text and re-encoded, so the mutations the fuzzer
// makes to text survive into the encodings; mode 0 still reaches the GB18030 fallback with raw bytes.
// Load only: reading and checking text is LintFuzz's job, and leaving it out here is ~10 times faster.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let mode = data[0] & 7
    let rest = FuzzSupport.bytes(data + 1, size - 1)
    let text = String(decoding: rest, as: UTF8.self)
    let bytes: [UInt8]
    switch mode {
    case 2: bytes = [0xEF, 0xBB, 0xBF] + rest
    case 3: bytes = [0xFF, 0xFE] + utf16(text, littleEndian: true)
    case 4: bytes = [0xFE, 0xFF] + utf16(text, littleEndian: false)
    case 5: bytes = utf16(text, littleEndian: true)
    case 6: bytes = utf16(text, littleEndian: false)
    case 7: bytes = TextDecoding.iconvConvert(Array(text.utf8), from: "UTF-8", to: "GB18030") ?? rest
    default: bytes = rest
    }
    FuzzSupport.loadAndLint(bytes, path: mode == 1 ? "fuzz.md" : "fuzz.txt", format: mode == 1 ? .markdown : .text,
                            lint: false)
    return 0
}

private func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf16.count * 2)
    for unit in text.utf16 {
        let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
        if littleEndian { out += [lo, hi] } else { out += [hi, lo] }
    }
    return out
}
