// libFuzzer harness: the PDF loader after pdftotext — the `pdftotext -tsv` parser (PDFWords), visual lines and
// cells (PDFLines), tables rebuilt from word positions (PDFTableBlocks, PDFTableRows), page text and clean-up;
// then the reader and every rule. pdftotext's output is untrusted (it comes from any PDF), so the input is taken
// as that output: coordinates, levels and text of every kind.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let document = try? PDFLoader.document(fromTSV: FuzzSupport.bytes(data, size), path: "fuzz.pdf") {
        FuzzSupport.check(document)
    }
    return 0
}
