/// Automatic list numbering from word/numbering.xml, so that a paragraph Word shows as "一、总体情况"
/// — where "一、" is not in the text but generated from a list definition — reads the same in the text
/// view. Counters advance in document order, as Word's do.
///
/// A paragraph names a list instance (`w:numId`) and a level (`w:ilvl`); the instance points to an
/// abstract definition whose levels give the start value, the number format (`w:numFmt`: decimal,
/// chineseCounting, ideographTraditional…) and the label template (`w:lvlText`, e.g. "%1、", "（%1）",
/// "%1.%2"). Instances of one abstract definition share their counters, as in Word, unless an instance
/// overrides a level (`w:lvlOverride`), which makes it a list of its own (the "restart numbering" case).
struct DocxNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        var suffix = "tab"
        var legal = false
    }

    private struct Instance {
        var abstractID = ""
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: Instance] = [:]
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    init(_ xml: DocxXML) throws(LoadError) {
        var abstractID: String?
        var numID: String?
        var overrideLevel: Int?
        var level: (index: Int, value: Level)?
        var events = xml.events()
        while let event = try events.next() {
            switch event {
            case .start(let element?):
                let parent = events.parent
                var val: String? { events.attribute("w:val") }  // decoded only where a case reads it
                switch element {
                case .abstractNum: abstractID = events.attribute("w:abstractNumId")
                case .num: numID = events.attribute("w:numId"); instances[numID ?? ""] = Instance()
                case .abstractNumId where parent == .num: instances[numID ?? ""]?.abstractID = val ?? ""
                case .lvlOverride: overrideLevel = events.attribute("w:ilvl").flatMap { Int($0) }
                case .startOverride:
                    if let n = numID, let l = overrideLevel, let v = val.flatMap({ Int($0) }) { instances[n]?.startOverrides[l] = v }
                case .lvl: level = events.attribute("w:ilvl").flatMap { Int($0) }.map { ($0, Level()) }
                case .start where parent == .lvl: level?.value.start = val.flatMap { Int($0) } ?? 1
                case .numFmt where val != "custom": level?.value.format = val ?? "decimal"
                case .lvlText where parent == .lvl: level?.value.text = val ?? ""
                case .suff where parent == .lvl: level?.value.suffix = val ?? "tab"
                case .isLgl where parent == .lvl: level?.value.legal = val != "0" && val != "false"
                default: break
                }
            case .end(.lvl):
                guard let (index, value) = level else { break }
                if let n = numID, overrideLevel != nil {
                    instances[n]?.levelOverrides[index] = value
                } else if let a = abstractID {
                    abstracts[a, default: [:]][index] = value
                }
                level = nil
            case .end(.abstractNum): abstractID = nil
            case .end(.num): numID = nil
            case .end(.lvlOverride): overrideLevel = nil
            default: break
            }
        }
    }

    /// Advances the counter of list `numID` at `level` and returns the label Word shows before the
    /// paragraph text, including the separator (see `separator`); nil when the paragraph shows no label.
    mutating func label(numID: String, level: Int) -> String? {
        guard let instance = instances[numID], let definition = abstracts[instance.abstractID] else { return nil }
        func levelDef(_ l: Int) -> Level? { instance.levelOverrides[l] ?? definition[l] }
        func start(_ l: Int) -> Int { instance.startOverrides[l] ?? levelDef(l)?.start ?? 1 }
        guard let current = levelDef(level) else { return nil }

        let key = instance.startOverrides.isEmpty && instance.levelOverrides.isEmpty
            ? "abstract:" + instance.abstractID : "num:" + numID
        var values = counters[key] ?? [:]
        values[level] = (values[level] ?? start(level) - 1) + 1
        values = values.filter { $0.key <= level }
        counters[key] = values

        guard ListNumberFormat.render(0, format: current.format) != nil else { return nil }
        var label = ""
        var chars = current.text.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { label.append(c); continue }
            guard let d = chars.next() else { break }
            guard let k = d.wholeNumberValue, k >= 1, k <= 9 else { label.append(c); label.append(d); continue }
            let format = current.legal ? "decimal" : (levelDef(k - 1)?.format ?? "decimal")
            label += ListNumberFormat.render(values[k - 1] ?? start(k - 1), format: format) ?? ""
        }
        return label.isEmpty ? nil : label + Self.separator(after: label, suffix: current.suffix)
    }

    /// What stands between the label and the text. Word puts a tab (or a space) there, but a tab in a
    /// paragraph line would look like a table cell, and Chinese labels end in punctuation ("一、",
    /// "（二）", "3.") that needs no gap: "一、总体情况" is what a reader types when searching. So: nothing
    /// after punctuation, CJK or ①, a single space after a bare ASCII number or letter ("1 总则"), nothing when the
    /// level says `w:suff="nothing"`.
    static func separator(after label: String, suffix: String) -> String {
        guard suffix != "nothing", let last = label.unicodeScalars.last else { return "" }
        return last.isASCII && last.properties.isAlphabetic || last.isASCII && last.properties.numericType != nil ? " " : ""
    }
}
