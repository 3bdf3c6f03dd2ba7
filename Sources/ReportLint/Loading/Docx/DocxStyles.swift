/// What word/styles.xml says about paragraph styles: which are headings (and of what level), and which
/// carry list numbering. A paragraph only names its style id ("2", "Heading1", "a3"…); WPS and localised
/// Word pick arbitrary ids, so the heading level comes from the style's name ("heading 1", "标题 1") or its
/// outline level (`w:outlineLvl`), following `w:basedOn` to the styles it inherits from.
struct DocxStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numID: String?
        var numLevel: Int?
    }

    private(set) var styles: [String: Style] = [:]

    init() {}

    init(_ xml: DocxXML) throws(LoadError) {
        var currentID: String?
        var current = Style()
        var events = xml.events()
        while let event = try events.next() {
            switch event {
            case .start(let element?):
                let parent = events.parent
                switch (element, parent) {
                case (.style, _):
                    currentID = events.attribute("w:styleId")
                    current = Style()
                case (.name, .style): current.name = events.attribute("w:val")
                case (.basedOn, .style): current.basedOn = events.attribute("w:val")
                case (.outlineLvl, .pPr): current.outlineLevel = events.attribute("w:val").flatMap { Int($0) }
                case (.numId, .numPr): current.numID = events.attribute("w:val")
                case (.ilvl, .numPr): current.numLevel = events.attribute("w:val").flatMap { Int($0) }
                default: break
                }
            case .end(.style):
                if let id = currentID { styles[id] = current }
                currentID = nil
            default: break
            }
        }
    }

    /// The heading level (1-based) of a paragraph style, or nil for body text.
    func headingLevel(styleID: String) -> Int? {
        var id: String? = styleID
        var seen: Set<String> = []
        while let current = id, seen.insert(current).inserted, seen.count <= 16 {
            guard let style = styles[current] else { return Self.headingLevel(named: current) }
            if let name = style.name, let level = Self.headingLevel(named: name) { return level }
            if let outline = style.outlineLevel { return outline >= 0 && outline <= 8 ? outline + 1 : nil }
            id = style.basedOn
        }
        return nil
    }

    /// The list a paragraph style numbers its paragraphs with, following `w:basedOn`.
    func numbering(styleID: String) -> (numID: String, level: Int)? {
        var id: String? = styleID
        var seen: Set<String> = []
        while let current = id, seen.insert(current).inserted, seen.count <= 16, let style = styles[current] {
            if let numID = style.numID { return (numID, style.numLevel ?? 0) }
            id = style.basedOn
        }
        return nil
    }

    /// "heading 1", "Heading1", "标题 1" → 1; "Title", "标题" (Word's Chinese name for Title) → 1.
    static func headingLevel(named name: String) -> Int? {
        let key = name.lowercased().filter { !$0.isWhitespace }
        if key == "title" || key == "标题" { return 1 }
        for prefix in ["heading", "标题"] where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            if rest.count == 1, let digit = rest.first?.wholeNumberValue, digit >= 1 { return digit }
        }
        return nil
    }
}
