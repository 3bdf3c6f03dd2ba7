/// `--annotate OUT.docx DRAFT.docx`: a copy of a Word draft with a comment (批注) on each finding's words,
/// for the clerk who works in Word. Each comment says the message in the message language with the rule
/// id, and, where the fix is certain (`Fixer.isCertain`), what to write instead.
///
/// A finding is placed through the source map (`Document.docxSpan`); one that cannot be placed exactly —
/// it starts in an automatic list number, or is about the whole report (a missing section) — goes on its
/// paragraph's text, or on the first paragraph, and its comment says so. Every other part of the package
/// is copied byte for byte; the draft's own comments stay. The copy is read back before it is handed over:
/// its text view must be the draft's.
public enum DocxAnnotator {
    public struct Result {
        /// The annotated .docx.
        public var bytes: [UInt8]
        /// Findings that could not be placed on their own words (placed on a paragraph instead).
        public var inexact: [Diagnostic]
    }

    public struct Failure: Error, Equatable {
        public var reason: Localized
    }

    /// Reads the draft and loads it with its source map (for the caller to lint, then annotate).
    public static func load(path: String, limits: LoadLimits) throws(LoadError) -> (bytes: [UInt8], document: Document) {
        let bytes = try FileBytes.read(path: path, limit: limits.maxFileBytes)
        return (bytes, try DocxLoader(recordingSources: true).load(bytes, path: path, limits: limits))
    }

    public static func annotate(_ bytes: [UInt8], document: Document, diagnostics: [Diagnostic], lang: Language,
                                customRules: Set<String> = [], limits: LoadLimits = .default) throws -> Result {
        do {
            return try place(bytes, document: document, diagnostics: diagnostics, lang: lang, customRules: customRules, limits: limits)
        } catch let error as LoadError {
            throw error
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(reason: Localized(zh: "无法生成加批注的副本：\(error)", en: "the annotated copy could not be made: \(error)"))
        }
    }

    private static func place(_ bytes: [UInt8], document: Document, diagnostics: [Diagnostic], lang: Language,
                              customRules: Set<String>, limits: LoadLimits) throws -> Result {
        let zip = try ZipArchive(bytes, limits: limits)
        var budget = limits.maxInflatedBytes
        func contents(_ name: String) throws -> [UInt8]? {
            try zip.entry(named: name).map { entry throws in try zip.contents(of: entry, budget: &budget) }
        }
        guard let rawDocument = try contents("word/document.xml"), let types = try contents("[Content_Types].xml") else {
            throw LoadError.missingPart("word/document.xml")
        }
        if rawDocument.starts(with: [0xFF, 0xFE]) || rawDocument.starts(with: [0xFE, 0xFF]) {
            throw Failure(reason: Localized(zh: "word/document.xml 为 UTF-16 编码，暂不支持加批注",
                                            en: "word/document.xml is UTF-16; annotating it is not supported"))
        }
        let xml = DocxXML(part: "word/document.xml", bytes: rawDocument, maxDepth: limits.maxNestingDepth)
        let existingComments = try contents("word/comments.xml")
        var nextID = DocxPackageParts.largestID(in: [xml.bytes, existingComments ?? []]) + 1

        var cuts: [DocxCommentMarkers.Cut] = []
        var comments: [String] = []
        var inexact: [Diagnostic] = []
        let fallback = (1...max(document.lines.count, 1)).lazy.compactMap { line -> (Int, Int)? in
            if case .mapped(let s, let e) = document.docxLineSpan(line) { (s, e) } else { nil }
        }.first
        for d in diagnostics {
            var place: (Int, Int)?
            var note: Localized?
            if case .mapped(let s, let e) = document.docxSpan(line: d.line, column: d.column, endLine: d.endLine,
                                                              endColumn: d.endColumn, documentXML: xml.bytes) {
                place = (s, e)
            } else if case .mapped(let s, let e) = document.docxLineSpan(d.line) {
                place = (s, e)
                note = Localized(zh: "（未能精确定位到原文字句，此批注加在所在段落上）", en: "(the exact words could not be found; this comment is on their paragraph)")
            } else if let f = fallback {
                place = f
                note = Localized(zh: "（未能在文中定位，此批注加在第一段上）", en: "(the place could not be found in the text; this comment is on the first paragraph)")
            }
            guard let (start, end) = place else { continue }
            if note != nil { inexact.append(d) }
            let id = nextID
            nextID += 1
            cuts += [.init(offset: start, commentID: id, isStart: true), .init(offset: end, commentID: id, isStart: false)]
            comments.append(DocxPackageParts.comment(id: id, paragraphs: text(of: d, note: note, lang: lang, customRules: customRules)))
        }
        if comments.isEmpty { return Result(bytes: bytes, inexact: inexact) }

        // The parts that change, by name as written (OPC names compare without case); what they held.
        let relsName = "word/_rels/document.xml.rels"
        let rels = try contents(relsName)
        let parts: [(name: String, old: [UInt8]?, new: [UInt8])] = [
            ("word/document.xml", rawDocument, try DocxCommentMarkers.insert(cuts, into: xml)),
            ("word/comments.xml", existingComments, try DocxPackageParts.comments(comments, existing: existingComments)),
            ("[Content_Types].xml", types, try DocxPackageParts.contentTypes(types)),
            (relsName, rels, try DocxPackageParts.relationships(rels)),
        ]
        var pending = Dictionary(parts.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var writer = ZipWriter()
        let stamp = zip.entry(named: "word/document.xml")
        for entry in zip.entries {
            if let part = pending.removeValue(forKey: entry.name.lowercased()), part.new != part.old {
                try writer.add(name: entry.name, contents: part.new, time: entry.time, date: entry.date)
            } else {
                try writer.copy(entry, from: zip)
            }
        }
        for part in parts where pending[part.name.lowercased()] != nil {
            try writer.add(name: part.name, contents: part.new, time: stamp?.time ?? 0, date: stamp?.date ?? 0x21)
        }
        let out = try writer.finish()
        try verify(out, against: document, comments: comments.count, limits: limits)
        return Result(bytes: out, inexact: inexact)
    }

    /// The paragraphs of one comment: the message and rule id, what to write instead, a note on the place.
    static func text(of d: Diagnostic, note: Localized?, lang: Language, customRules: Set<String>) -> [String] {
        var paragraphs = ["\(d.severity.label(lang)): \(d.message[lang]) [\(d.ruleID)]"]
        if let fix = d.fix, Fixer.isCertain(d, customRules: customRules) {
            paragraphs.append(lang == .zh ? "建议改为：\(fix.replacement)" : "write instead: \(fix.replacement)")
        }
        if let note { paragraphs.append(note[lang]) }
        return paragraphs
    }

    /// The copy must read as the draft does, with the comments added.
    private static func verify(_ bytes: [UInt8], against document: Document, comments: Int, limits: LoadLimits) throws {
        let copy = try DocxLoader().load(bytes, path: document.path, limits: limits)
        guard copy.lines.map(\.text) == document.lines.map(\.text),
              copy.wordComments.count == document.wordComments.count + comments else {
            throw Failure(reason: Localized(zh: "加批注后的副本与原稿文字不一致，未写入（请报告此问题）",
                                            en: "the annotated copy does not read as the draft does; not written (please report this)"))
        }
    }
}
