/// The package parts `--annotate` adds to or changes besides word/document.xml: word/comments.xml (new,
/// or the draft's own with ours added after its comments), the content type of that part in
/// [Content_Types].xml, and the relationship from the document to it in word/_rels/document.xml.rels.
enum DocxPackageParts {
    static let commentsType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    static let commentsRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    struct Failure: Error, Equatable { var reason: String }

    /// One `w:comment`: its paragraphs as text.
    static func comment(id: Int, paragraphs: [String]) -> String {
        let body = paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\(XMLText.escape($0))</w:t></w:r></w:p>" }.joined()
        return "<w:comment w:id=\"\(id)\" w:author=\"xxgk-lint\" w:initials=\"XL\">\(body)</w:comment>"
    }

    /// word/comments.xml with `comments` added: a new part, or the existing one with them before its end tag.
    static func comments(_ comments: [String], existing: [UInt8]?) throws(Failure) -> [UInt8] {
        let added = Array(comments.joined().utf8)
        guard let existing else {
            return Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"\(wordNamespace)\">".utf8)
                + added + Array("</w:comments>".utf8)
        }
        guard existing.firstRange(of: Array("xmlns:w=\"\(wordNamespace)\"".utf8)) != nil,
              let end = existing.lastRange(of: Array("</w:comments>".utf8)) else {
            // An empty <w:comments/>, or the namespace bound to another prefix: rare enough to refuse plainly.
            throw Failure(reason: "word/comments.xml is not written as Word writes it")
        }
        return Array(existing[..<end.lowerBound]) + added + Array(existing[end.lowerBound...])
    }

    /// [Content_Types].xml declaring word/comments.xml (unchanged when it already does).
    static func contentTypes(_ xml: [UInt8]) throws(Failure) -> [UInt8] {
        if xml.firstRange(of: Array("PartName=\"/word/comments.xml\"".utf8)) != nil { return xml }
        return try inserting("<Override PartName=\"/word/comments.xml\" ContentType=\"\(commentsType)\"/>", before: "</Types>", in: xml)
    }

    /// word/_rels/document.xml.rels with a relationship to comments.xml (unchanged when it has one).
    static func relationships(_ xml: [UInt8]?) throws(Failure) -> [UInt8] {
        guard let xml else {
            return Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdXxgkLintComments\" Type=\"\(commentsRelationship)\" Target=\"comments.xml\"/></Relationships>").utf8)
        }
        if xml.firstRange(of: Array("Type=\"\(commentsRelationship)\"".utf8)) != nil { return xml }
        return try inserting("<Relationship Id=\"rIdXxgkLintComments\" Type=\"\(commentsRelationship)\" Target=\"comments.xml\"/>",
                             before: "</Relationships>", in: xml)
    }

    private static func inserting(_ text: String, before end: String, in xml: [UInt8]) throws(Failure) -> [UInt8] {
        guard let at = xml.lastRange(of: Array(end.utf8)) else { throw Failure(reason: "no \(end) in a package part") }
        return Array(xml[..<at.lowerBound]) + Array(text.utf8) + Array(xml[at.lowerBound...])
    }

    /// The largest number given as `w:id="N"` in the parts: comment ids must not collide with any
    /// annotation id (comments, tracked changes, bookmarks) already in the draft.
    static func largestID(in parts: [[UInt8]]) -> Int {
        let needle = Array("w:id=\"".utf8)
        var largest = -1
        for xml in parts {
            var from = xml.startIndex
            while let hit = xml[from...].firstRange(of: needle) {
                var i = hit.upperBound, value = 0, digits = 0
                while i < xml.count, xml[i] >= 0x30, xml[i] <= 0x39, digits < 9 {
                    value = value * 10 + Int(xml[i] - 0x30)
                    i += 1
                    digits += 1
                }
                if digits > 0 { largest = max(largest, value) }
                from = hit.upperBound
            }
        }
        return largest
    }
}

extension Array where Element == UInt8 {
    /// The last occurrence of `needle`.
    func lastRange(of needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        var i = count - needle.count
        while i >= 0 {
            if self[i] == needle[0], self[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
            i -= 1
        }
        return nil
    }
}
