// libFuzzer harness: the .html loader — charset sniffing and decoding (HTMLCharset), the tokenizer and
// tree builder (MarkupScanner, HTMLTree, Entities), article extraction (HTMLArticle), rendering
// (HTMLRenderer) and page facts (HTMLPageFacts); then the reader and every rule on what loads (HTML table
// rows carry cells, which text input never does).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzSupport.loadAndLint(FuzzSupport.bytes(data, size), path: "fuzz.html", format: .html)
    return 0
}
