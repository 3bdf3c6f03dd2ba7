// libFuzzer harness: the XML layer of the .docx loader (DocxXML scanner, DocxBodyReader, DocxStyles,
// DocxNumbering, ListNumberFormat), with the fuzzer's bytes wrapped into a valid zip so that they are not
// all refused at the CRC check.
//
// The input is split at the marker `\n<!--PART-->\n` into word/document.xml, word/styles.xml and
// word/numbering.xml (missing pieces are left out of the zip). scripts/fuzz.sh makes seeds in that shape
// from the parts of real .docx files. What loads is read and checked with every rule: docx table rows
// carry cells, which text input never does.

let partMarker = Array("\n<!--PART-->\n".utf8)
let partNames = ["word/document.xml", "word/styles.xml", "word/numbering.xml"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let pieces = FuzzSupport.split(FuzzSupport.bytes(data, size), on: partMarker)
    var parts: [(name: String, data: [UInt8])] = []
    for (name, piece) in zip(partNames, pieces) { parts.append((name, piece)) }
    FuzzSupport.loadAndLint(FuzzSupport.storedZip(parts), path: "fuzz.docx", format: .docx)
    return 0
}
