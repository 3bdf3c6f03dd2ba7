// libFuzzer harness: ReportReader + every rule on arbitrary text, without a loader in between (so no
// input is refused as binary or undecodable: the fuzzer's bytes are decoded as UTF-8, invalid sequences
// becoming U+FFFD).
//
// The first byte picks the document shape:
//   0 plain .txt lines                 1 .md lines
//   2 "structured" lines as docx/html loaders make them: a line with a tab is a table row whose cells
//     are its tab-separated fields (consecutive rows share a table id), a line starting with '#' is a
//     heading of that many levels
//   3 like 0, with the report year given on the command line (`--year 2023`)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let mode = data[0] & 3
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let raw = TextDecoding.splitLines(text)
    var lines: [DocumentLine] = []
    var format = InputFormat.text
    switch mode {
    case 1:
        format = .markdown
        lines = raw.map { DocumentLine($0) }
    case 2:
        format = .docx
        var table = 0, inTable = false
        for line in raw {
            if line.contains("\t") {
                if !inTable { table += 1; inTable = true }
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                lines.append(DocumentLine(line, kind: .tableRow, cells: cells, tableID: table))
            } else {
                inTable = false
                let level = line.prefix(while: { $0 == "#" }).count
                lines.append(level > 0
                    ? DocumentLine(String(line.dropFirst(level)), kind: .heading(level: level))
                    : DocumentLine(line))
            }
        }
    default:
        lines = raw.map { DocumentLine($0) }
    }
    let document = Document(path: format == .markdown ? "fuzz.md" : "fuzz.txt", format: format, lines: lines)
    FuzzSupport.check(document, linter: mode == 3 ? FuzzSupport.linter2023 : FuzzSupport.linter)
    return 0
}
