/// One XML part of a .docx (document.xml, styles.xml, numbering.xml), read as a stream of events,
/// refusing what Word never writes and what could hurt: a DOCTYPE (the door to entity expansion and
/// external entities, which are never resolved anyway) and nesting deeper than `maxNestingDepth`.
/// Element and attribute names are normalised so that the WordprocessingML namespace always has the
/// prefix `w:` whatever prefix the file bound it to.
struct DocxXML {
    let part: String
    /// The part as UTF-8 (a UTF-16 part is converted, a byte order mark dropped).
    let bytes: [UInt8]
    let maxDepth: Int

    init(part: String, bytes: [UInt8], maxDepth: Int) {
        self.part = part
        self.bytes = Self.utf8(bytes)
        self.maxDepth = maxDepth
    }

    /// The events of the part. Without `unknownElements`, the elements no reader looks at (`start(nil)`,
    /// `end(nil)`) are not reported, though they still count in `depth` and are still checked for nesting.
    func events(unknownElements: Bool = true) -> Events { Events(self, unknownElements: unknownElements) }

    /// XML parts are UTF-8 in practice; a UTF-16 part (allowed by the standard) is converted first.
    private static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
           let text = try? TextDecoding.utf16(bytes[2...], littleEndian: bytes[0] == 0xFF) {
            return Array(text.utf8)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes[3...]) }
        return bytes
    }
}

extension DocxXML {
    enum Event: Equatable {
        /// An element opens (a self-closing one is followed by its `end` at once). Nil for the elements no
        /// reader looks at.
        case start(Element?)
        case end(Element?)
        /// Character data inside the root element; `Events.text()` gives it.
        case text
    }

    /// Pulls the events of a part one at a time. While an event is current, `depth`, `parent`,
    /// `ancestor(_:)` and `attribute(_:)` describe the element it belongs to (for `start` and `end`, the
    /// open elements include that element).
    ///
    /// Names are compared as bytes: the common case, a part that binds WordprocessingML to `w` itself,
    /// needs no String per element. A part that binds it to another prefix takes the slower path through
    /// `normalise`, which keeps the String semantics of the original name handling exactly.
    struct Events {
        private let part: String
        private let maxDepth: Int
        private var scanner: MarkupScanner
        /// The open elements, innermost last.
        private var open: [(element: Element?, name: Range<Int>)] = []
        /// The prefix bound to WordprocessingML, once the root element has been read.
        private var prefix: String?
        /// The prefix is "w" itself: names need no renaming and are compared as bytes (nearly every part).
        private var namesAsWritten = false
        /// The last event was the `end` of the innermost open element, which is to be popped.
        private var closing = false
        /// The last event was the `start` of a self-closing element, whose `end` comes next.
        private var selfClosing = false
        /// The piece of the current text event.
        private var textPiece: MarkupScanner.Piece?
        /// Whether elements no reader looks at are reported.
        private let unknownElements: Bool

        private static let wordNamespaces: Set<String> = [
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main",
        ]

        fileprivate init(_ xml: DocxXML, unknownElements: Bool) {
            self.unknownElements = unknownElements
            part = xml.part
            maxDepth = xml.maxDepth
            scanner = MarkupScanner(utf8: xml.bytes, dialect: .xml)
            open.reserveCapacity(32)
        }

        /// The bytes of the current event in the part: the whole tag of a `start` or `end` (for the `end`
        /// of a self-closing element, its one tag), the raw character data of a `text` (references not
        /// decoded; the inside of a CDATA section). Source mapping (`DocxSourceSegment`) keeps these.
        private(set) var markupRange = 0..<0
        /// The element just started is self-closing (`<w:tab/>`).
        var startIsSelfClosing: Bool { selfClosing }
        /// The current text event is a CDATA section (its bytes are the text as it is).
        var isCDATA: Bool { if case .cdata = textPiece { true } else { false } }

        /// How many elements are open.
        var depth: Int { open.count }
        /// The element enclosing the current one (nil at the root or when no reader knows its name).
        var parent: Element? { ancestor(1) }

        /// The `generations`-th element up from the current one.
        func ancestor(_ generations: Int) -> Element? {
            open.count > generations ? open[open.count - 1 - generations].element : nil
        }

        mutating func next() throws(LoadError) -> Event? {
            if selfClosing {
                selfClosing = false
                closing = true
                return .end(open.last?.element ?? nil)
            }
            if closing {
                closing = false
                open.removeLast()
            }
            while let piece = scanner.nextPiece() {
                markupRange = scanner.pieceStart..<scanner.position
                switch piece {
                case .doctype:
                    throw .malformedMarkup("\(part) contains a DOCTYPE declaration, which Word never writes")
                case .text, .cdata:
                    if !open.isEmpty {
                        textPiece = piece
                        if case .cdata(let range) = piece { markupRange = range }
                        return .text
                    }
                case .start(let name, let isSelfClosing):
                    if prefix == nil {
                        prefix = wordPrefix()
                        namesAsWritten = prefix == "w"
                    }
                    if open.count >= maxDepth {
                        throw .malformedMarkup("\(part) nests elements deeper than \(maxDepth) levels")
                    }
                    // The name is looked up where it lies in the part: passing the part's array along cost a retain and a release.
                    let element = namesAsWritten ? scanner.withBytes(of: name) { Element($0) } : Self.element(normalisedName(name))
                    // An unreported self-closing element (w:rFonts, w:jc…; a third of all) is never on the
                    // stack: pushing and popping it at once was much of the cost of this loop.
                    if element == nil && !unknownElements && isSelfClosing { continue }
                    open.append((element, name))
                    if element == nil && !unknownElements { continue }
                    selfClosing = isSelfClosing
                    return .start(element)
                case .end(let name):
                    guard let innermost = open.last,
                          scanner.bytesEqual(innermost.name, name) || closesAsStrings(innermost.name, with: name) else {
                        let inner = open.last.map { normalisedName($0.name) } ?? ""
                        throw .malformedMarkup("\(part): </\(scanner.string(name))> does not close <\(inner)>")
                    }
                    if innermost.element == nil && !unknownElements {
                        open.removeLast()
                        continue
                    }
                    closing = true
                    return .end(innermost.element)
                }
            }
            if let innermost = open.last {
                throw .malformedMarkup("\(part) ends inside <\(normalisedName(innermost.name))> (truncated?)")
            }
            return nil
        }

        private static func element(_ name: String) -> Element? {
            Array(name.utf8).withUnsafeBufferPointer { Element($0) }
        }

        /// The current text event's text, with references decoded.
        func text() -> String {
            switch textPiece {
            case .text(let range): scanner.decoded(range)
            case .cdata(let range): scanner.string(range)
            default: ""
            }
        }

        /// The value of an attribute of the element just started, by its normalised name ("w:val").
        func attribute(_ name: String) -> String? {
            let wanted = name.utf8
            for attribute in scanner.attributes {
                let matches = namesAsWritten
                    ? scanner.bytes[attribute.name].elementsEqual(wanted)
                    : normalisedName(attribute.name) == name
                if matches { return scanner.decoded(attribute.value) }
            }
            return nil
        }

        /// Whether an end tag's name closes an element opened with `start` though their bytes differ: it
        /// still may as Strings (canonically equivalent or invalid UTF-8), as in the String comparison that
        /// equal bytes short-cut.
        private func closesAsStrings(_ start: Range<Int>, with end: Range<Int>) -> Bool {
            normalisedName(start) == normalisedName(end)
        }

        /// The prefix the root element binds to the WordprocessingML namespace ("w" when none is bound).
        private func wordPrefix() -> String {
            for attribute in scanner.attributes {
                let name = scanner.string(attribute.name)
                if name.hasPrefix("xmlns:"), Self.wordNamespaces.contains(scanner.decoded(attribute.value)) {
                    return String(name.dropFirst(6))
                }
            }
            return "w"
        }

        /// A name with the WordprocessingML prefix, whatever it is in the file, replaced by "w".
        private func normalisedName(_ range: Range<Int>) -> String {
            let name = scanner.string(range)
            guard let prefix, prefix != "w", name.hasPrefix(prefix + ":") else { return name }
            return "w:" + name.dropFirst(prefix.count + 1)
        }
    }
}
