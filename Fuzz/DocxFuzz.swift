// libFuzzer harness: the .docx loader from raw bytes — our zip reader (end-of-central-directory search,
// central directory, local headers, size and ratio checks against zip bombs), zlib inflate, then the XML
// layer for whatever survives the CRC check. Seeded with real .docx files. For the XML layer alone see
// DocxXMLFuzz.swift, which is far more productive there, and also reads and checks what loads; this one
// stops at loading, which doubles its speed.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzSupport.loadAndLint(FuzzSupport.bytes(data, size), path: "fuzz.docx", format: .docx, lint: false)
    return 0
}
