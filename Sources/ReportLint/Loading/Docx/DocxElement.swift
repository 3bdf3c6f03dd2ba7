extension DocxXML {
    /// The elements the docx readers look at, by their normalised names. Every other element reads as nil.
    ///
    /// Looking a name up goes through a small hash table keyed by the name's bytes, so that no String is
    /// built per element (a `switch` over Strings was a large part of the cost of loading). For these
    /// ASCII names byte equality is exactly String equality: no other character sequence is canonically
    /// equivalent to them (the only ASCII letters with such twins are K, ";" and "`", which none contain).
    enum Element: String, CaseIterable {
        // Paragraphs and runs
        case p = "w:p", pPr = "w:pPr", pStyle = "w:pStyle", outlineLvl = "w:outlineLvl"
        case numPr = "w:numPr", numId = "w:numId", ilvl = "w:ilvl"
        case r = "w:r", rPr = "w:rPr", vanish = "w:vanish", t = "w:t"
        case tab = "w:tab", ptab = "w:ptab", br = "w:br", cr = "w:cr", noBreakHyphen = "w:noBreakHyphen"
        case fldChar = "w:fldChar"
        // Comments (批注): their anchors in document.xml, the comments in comments.xml
        case commentRangeStart = "w:commentRangeStart", commentRangeEnd = "w:commentRangeEnd"
        case commentReference = "w:commentReference", comment = "w:comment"
        // Tables
        case tbl = "w:tbl", tr = "w:tr", trPr = "w:trPr", gridBefore = "w:gridBefore", gridAfter = "w:gridAfter"
        case tc = "w:tc", tcPr = "w:tcPr", gridSpan = "w:gridSpan", vMerge = "w:vMerge", hMerge = "w:hMerge"
        // Hidden content (see `DocxBodyReader`)
        case del = "w:del", moveFrom = "w:moveFrom", delText = "w:delText", instrText = "w:instrText"
        case txbxContent = "w:txbxContent", drawing = "w:drawing", pict = "w:pict", object = "w:object"
        case fallback = "mc:Fallback", pPrChange = "w:pPrChange", rPrChange = "w:rPrChange"
        case tblPrChange = "w:tblPrChange", trPrChange = "w:trPrChange", tcPrChange = "w:tcPrChange"
        case sectPrChange = "w:sectPrChange", tblGridChange = "w:tblGridChange"
        case numberingChange = "w:numberingChange", sdtPr = "w:sdtPr", fldData = "w:fldData"
        // styles.xml
        case style = "w:style", name = "w:name", basedOn = "w:basedOn"
        // numbering.xml
        case abstractNum = "w:abstractNum", num = "w:num", abstractNumId = "w:abstractNumId"
        case lvlOverride = "w:lvlOverride", startOverride = "w:startOverride", lvl = "w:lvl", start = "w:start"
        case numFmt = "w:numFmt", lvlText = "w:lvlText", suff = "w:suff", isLgl = "w:isLgl"

        /// The element whose (normalised) name is `name`, if a reader looks at it.
        init?(_ name: UnsafeBufferPointer<UInt8>) {
            guard let element = Self.lookUp(name) else { return nil }
            self = element
        }

        private static func lookUp(_ name: UnsafeBufferPointer<UInt8>) -> Element? {
            let table = Self.table
            return table.spellings.withUnsafeBufferPointer { spellings in
                var i = hash(name)
                while let element = table.slots[i].element {
                    if MarkupScanner.equal(UnsafeBufferPointer(rebasing: spellings[table.slots[i].spelling]), name) { return element }
                    i = (i + 1) & slotMask
                }
                return nil
            }
        }

        // An open-addressing table (linear probing), a quarter full. The names are spelled out in one byte
        // array that the slots point into, so a lookup touches no reference-counted storage but that; both
        // live in one static so that a lookup checks one lazy initialisation, not two.
        private struct Slot {
            var element: Element?
            var spelling = 0..<0
        }
        private struct Table {
            var spellings: [UInt8] = []
            var slots = Array(repeating: Slot(), count: slotMask + 1)
        }
        private static let slotMask = 255
        private static let table: Table = {
            var table = Table()
            for element in allCases {
                let name = Array(element.rawValue.utf8)
                let spelling = table.spellings.count..<(table.spellings.count + name.count)
                table.spellings += name
                var i = name.withUnsafeBufferPointer { hash($0) }
                while table.slots[i].element != nil { i = (i + 1) & slotMask }
                table.slots[i] = Slot(element: element, spelling: spelling)
            }
            return table
        }()

        /// The slot a name hashes to, from its length, third and last bytes only: hashing every byte of every
        /// tag cost more than the rest of the lookup, and these tell nearly all the names apart (they share
        /// beginnings like "w:" and "w:comment"); the few that collide take the next slots.
        private static func hash(_ name: UnsafeBufferPointer<UInt8>) -> Int {
            guard let last = name.last else { return 0 }
            let third = name.count > 2 ? name[2] : last
            return (name.count &* 37 &+ Int(third) &* 7 &+ Int(last)) & slotMask
        }
    }
}
