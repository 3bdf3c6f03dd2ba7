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

        /// The element whose (normalised) name is `bytes[name]`, if a reader looks at it. The name is looked
        /// up in place: making a slice of the part for every tag cost a retain and a release.
        init?(_ bytes: [UInt8], _ name: Range<Int>) {
            guard let element = bytes.withUnsafeBufferPointer({ Self.lookUp(UnsafeBufferPointer(rebasing: $0[name])) }) else {
                return nil
            }
            self = element
        }

        private static func lookUp(_ name: UnsafeBufferPointer<UInt8>) -> Element? {
            var h: UInt32 = 2_166_136_261  // FNV-1a, as `hash`
            for b in name { h = (h ^ UInt32(b)) &* 16_777_619 }
            let slots = Self.slots
            return spellings.withUnsafeBufferPointer { spellings in
                var i = Int(h) & slotMask
                while let element = slots[i].element {
                    if MarkupScanner.equal(UnsafeBufferPointer(rebasing: spellings[slots[i].spelling]), name) { return element }
                    i = (i + 1) & slotMask
                }
                return nil
            }
        }

        // An open-addressing table (linear probing), a quarter full. The names are spelled out in one byte
        // array that the slots point into, so a lookup touches no reference-counted storage but that.
        private struct Slot {
            var element: Element?
            var spelling = 0..<0
        }
        private static let slotMask = 255
        private static let spellings: [UInt8] = allCases.flatMap { Array($0.rawValue.utf8) }
        private static let slots: [Slot] = {
            var slots = Array(repeating: Slot(), count: slotMask + 1)
            var offset = 0
            for element in allCases {
                let spelling = offset..<(offset + element.rawValue.utf8.count)
                offset = spelling.upperBound
                var i = hash(spellings, spelling) & slotMask
                while slots[i].element != nil { i = (i + 1) & slotMask }
                slots[i] = Slot(element: element, spelling: spelling)
            }
            return slots
        }()

        /// FNV-1a over the bytes.
        private static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
            var h: UInt32 = 2_166_136_261
            for i in range { h = (h ^ UInt32(bytes[i])) &* 16_777_619 }
            return Int(h)
        }
    }
}
