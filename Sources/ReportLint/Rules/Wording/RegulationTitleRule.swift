/// `regulation-title`: the Regulations cited by a wrong or incomplete name. The correct name is
/// 《中华人民共和国政府信息公开条例》 (short forms 《政府信息公开条例》 and 《条例》); 2019+ reports that cite
/// only the 2007 decree (国务院令第492号) cite a superseded text.
public struct RegulationTitleRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "regulation-title", severity: .error,
        name: Localized(zh: "条例名称错误", en: "Wrong name of the Regulations"),
        summary: Localized(zh: "《中华人民共和国政府信息公开条例》的名称写错、写漏或夹有空格",
                           en: "The Regulations (《中华人民共和国政府信息公开条例》) are cited by a wrong or incomplete name"),
        rationale: Localized(
            zh: "法规名称必须准确。常见错误有漏写“政府”（《中华人民共和国信息公开条例》）、写成“政务信息公开条例”、书名号内夹空格；2019年起的报告只引国务院令第492号，引用的是已被修订的旧文本。",
            en: "A regulation must be cited by its exact name. Common slips: dropping 政府, writing 政务信息公开条例, stray spaces inside the title marks; a report from 2019 on that cites only Decree No. 492 cites the superseded 2007 text."),
        basis: Localized(zh: "《中华人民共和国政府信息公开条例》（国务院令第711号）", en: "The Regulations (State Council Decree No. 711)"),
        triggering: [
            RuleExample("贯彻实施↓《中华人民共和国信息公开条例》，对于建立公正透明的行政管理体制具有重要意义。", year: 2019),
            RuleExample("认真落实↓《政务信息公开条例》要求。", year: 2021),
            RuleExample("根据↓《中华人民共和国政府信息公开条例 》要求编制本报告。", year: 2019),
            RuleExample("根据《中华人民共和国政府信息公开条例》（↓国务院令第492号）编制本报告。", year: 2020),
            RuleExample("根据《中华人民共和国政府信息公开条例》（中华人民共和国↓国务院第492号令）编制。", year: 2009),
            RuleExample("根据《中华人民共和国政府信息公开条例》（↓国务院492号令）编制。", year: 2009),
            RuleExample("根据《中华人民共和国政府信息公开条例》（↓国务院令711号）编制。", year: 2021),
            RuleExample("根据《中华人民共和国政府信息公开条例》↓2019版要求编制。", year: 2021),
            RuleExample("认真贯彻落实↓《政府信息公开条例》，全年公开信息12条。", year: 2021),
        ],
        nonTriggering: [
            RuleExample("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制本报告。", year: 2021),
            RuleExample("根据《中华人民共和国政府信息公开条例》编制。严格遵守《政府信息公开条例》相关制度规定，认真贯彻新《条例》。", year: 2021),
            RuleExample("我镇高度重视政务公开工作，根据《\n中华人民共和国政府信息公开条例》（以下简称《条例》）编制本报告。", year: 2009),
            RuleExample("根据《中华人民共和国政府信息公开条例》（国务院令第711号）和《上海市政府信息公开规定》编制。", year: 2021),
            RuleExample("根据《广东省政务公开条例》要求。", year: 2021),
            RuleExample("根据《中华人民共和国政府信息公开条例》（国务院令第492号）编制本报告。", year: 2016),
            RuleExample("根据《中华人民共和国政府信息公开条例》（国令第711号）编制本报告。", year: 2021),
        ],
        corrections: [
            RuleCorrection("贯彻实施《中华人民共和国信息公开条例》，保障公民依法获取政府信息。",
                           "贯彻实施《中华人民共和国政府信息公开条例》，保障公民依法获取政府信息。", year: 2019),
            RuleCorrection("认真落实《政务信息公开条例》要求。", "认真落实《中华人民共和国政府信息公开条例》要求。", year: 2021),
            RuleCorrection("根据《中华人民共和国政府信息公开条例 》要求编制本报告。", "根据《中华人民共和国政府信息公开条例》要求编制本报告。", year: 2019),
        ])

    private static let currentDecreeNumber = "711号".scalars
    /// Searched for in every paragraph: made once, not for each.
    private static let council = "国务院".scalars, regulations = "条例".scalars

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        let names = context.pack.regulation
        var findings: [Finding] = []
        let correct = names.correct.first ?? "中华人民共和国政府信息公开条例"
        var citesCurrentDecree = false
        var outdated: [TextSpan] = []
        let decree = names.outdatedDecree.scalars  // once, not for every paragraph
        for p in report.paragraphs {
            let s = p.scalars
            var i = 0
            while i < s.count {
                // Straight to the next 《 (a short loop of its own: most scalars are none).
                guard let open = s.firstIndex(from: i, where: { $0 == "《" }) else { break }
                i = open
                guard let close = s[(i + 1)...].prefix(40).firstIndex(of: "》") else { i += 1; continue }
                let inner = s[(i + 1)..<close].string
                let compact = inner.withoutBlanks
                i = close + 1
                guard compact.hasSuffix("条例"), compact.contains("公开") else { continue }
                if names.correct.contains(compact) {
                    if compact != inner {
                        findings.append(Finding(span: p.span(close - inner.unicodeScalars.count - 1, close + 1), message: Localized(
                            zh: "条例名称中夹有空格：“《\(inner)》”", en: "stray space inside the Regulations' name: 《\(inner)》"),
                            fix: Fix(description: Localized(zh: "删除空格", en: "remove the spaces"), replacement: "《\(compact)》")))
                    }
                    continue
                }
                let local = names.localPrefixes.contains { prefix in
                    guard let r = compact.range(of: prefix) else { return false }
                    return !compact[..<r.lowerBound].isEmpty && !compact.hasPrefix("中华人民共和国")
                }
                if local { continue }
                findings.append(Finding(span: p.span(close - inner.unicodeScalars.count - 1, close + 1), message: Localized(
                    zh: "条例名称有误：“《\(inner)》”，应为“《\(correct)》”",
                    en: "wrong name of the Regulations: 《\(inner)》; it is 《\(correct)》"),
                    fix: Fix(description: Localized(zh: "改为《\(correct)》", en: "replace with 《\(correct)》"), replacement: "《\(correct)》")))
            }
            if !citesCurrentDecree, !names.currentDecree.isEmpty, s.contains(Self.currentDecreeNumber) { citesCurrentDecree = true }
            if !names.outdatedDecree.isEmpty {
                var from = 0
                while let at = s.firstIndex(of: decree, from: from) {
                    outdated.append(p.span(at, at + decree.count))
                    from = at + 1
                }
            }
        }
        findings += decreeForms(report) + firstMention(report, names)
        if let era = report.era, era != .y2008, !citesCurrentDecree {
            for span in outdated {
                findings.append(Finding(span: span, message: Localized(
                    zh: "引用的是2007年公布的\(names.outdatedDecree)；《条例》已于2019年修订（\(names.currentDecree)，2019年5月15日起施行）",
                    en: "cites the 2007 \(names.outdatedDecree); the Regulations were revised in 2019 (\(names.currentDecree), in force 15 May 2019)"),
                    severity: .warning))
            }
        }
        return findings
    }

    /// The decree cited in a wrong form: inverted (国务院492号令, 国务院第492号令) or without 第 (国务院令711号).
    /// 国令第711号, the form official sites use, is right.
    func decreeForms(_ report: Report) -> [Finding] {
        var findings: [Finding] = []
        let council = Self.council, marker = Self.regulations
        for p in report.paragraphs {
            let s = p.scalars
            var from = 0
            while let at = s.firstIndex(of: council, from: from) {
                from = at + council.count
                var j = from
                let isDecree = j < s.count && s[j] == "令"
                if isDecree { j += 1 }
                let hasDi = j < s.count && s[j] == "第"
                if hasDi { j += 1 }
                let digits = j
                while j < s.count, s[j].isDigitLike { j += 1 }
                guard j > digits, j < s.count, s[j] == "号" else { continue }
                let number = s[digits..<j].string
                let inverted = !isDecree && j + 1 < s.count && s[j + 1] == "令"
                guard inverted || (isDecree && !hasDi) else { continue }
                let end = inverted ? j + 2 : j + 1
                let correct = "国务院令第\(number)号"
                let written = s[at..<end].string
                findings.append(Finding(span: p.span(at, end), message: Localized(
                    zh: "国务院令的引用格式有误：“\(written)”，应为“\(correct)”", en: "malformed decree citation \(written); it is \(correct)"),
                    severity: .warning,
                    fix: Fix(description: Localized(zh: "改为“\(correct)”", en: "replace with \(correct)"), replacement: correct)))
            }
            // “条例2019版”, “条例（2019年版）”: the 2019 text is the 2019 revision (国务院令第711号), not an edition.
            from = 0
            while let at = s.firstIndex(of: marker, from: from) {
                from = at + 1
                var j = at + marker.count
                while j < s.count, s[j] == "》" || s[j] == "（" || s[j] == "(" || s[j] == " " { j += 1 }
                let year = j
                while j < s.count, s[j].isDigitLike { j += 1 }
                guard j - year == 4 else { continue }
                if j < s.count, s[j] == "年" { j += 1 }
                guard j < s.count, s[j] == "版" else { continue }
                findings.append(Finding(span: p.span(year, j + 1), message: Localized(
                    zh: "“\(s[year...j].string)”不是法规的版本称谓，应写作“2019年修订”或注明国务院令第711号",
                    en: "'\(s[year...j].string)' is no edition of a regulation; write 2019年修订 or cite Decree No. 711"),
                    severity: .warning))
            }
        }
        return findings
    }

    /// The Regulations first cited by a short name (《政府信息公开条例》, 《条例》) before the full name
    /// has appeared: the reader is not told which regulation it is.
    func firstMention(_ report: Report, _ names: RulePack.RegulationNames) -> [Finding] {
        guard let full = names.correct.first else { return [] }
        let fullName = full.scalars
        for p in report.paragraphs {
            let s = p.scalars
            // The full name also counts without its 《: a title mark a line break cut off (“《\n中华人民共和国…条例》”).
            let plainFull = s.firstIndex(of: fullName) ?? s.count
            var i = 0
            while i < s.count {
                if i >= plainFull { return [] }
                // Straight to the next 《 before the plain full name (a short loop of its own: most scalars are none);
                // reaching the full name first is the answer.
                guard let at = s.firstIndex(from: i, where: { $0 == "《" }), at < plainFull else {
                    if plainFull < s.count { return [] }
                    break
                }
                i = at
                guard let close = s[(i + 1)...].prefix(40).firstIndex(of: "》") else { i += 1; continue }
                let open = i
                let inner = s[(i + 1)..<close].string.withoutBlanks
                i = close + 1
                // A full name, even a wrong one (reported above), is the first mention.
                if inner == full || inner.hasPrefix("中华人民共和国") && inner.hasSuffix("条例") { return [] }
                guard names.correct.contains(inner) else { continue }
                return [Finding(span: p.span(open, close + 1), message: Localized(
                    zh: "首次引用条例时使用了简称“《\(inner)》”，应先写全称“《\(full)》”",
                    en: "the Regulations are first cited by the short name 《\(inner)》; give the full name 《\(full)》 first"),
                    severity: .warning)]
            }
        }
        return []
    }
}
