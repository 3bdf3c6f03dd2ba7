/// `duplicate-content` (内容雷同): most of a report's narrative is shared with another body's report of the same
/// year, or with the same body's report of the year before. Tables, headings and the boilerplate every report
/// legitimately shares — the pack's standard phrases and what the reports of many bodies in the batch say — do
/// not count; figures and the body's own name do not make a copy original. The share is counted by sentence
/// (`NarrativeSketch`); the finding stands at the longest shared passage, the counterpart's at its related location.
public struct DuplicateContentRule: StampedCollectingRule, PackDataRule, ConfigurableRule {
    /// Standard sentences any report may use word for word (rules/phrases.json: `boilerplate`).
    public static let packKey = "boilerplate"
    public typealias Data = PhraseList

    /// The rule's settings: `"duplicate-content": {"threshold": 0.6}`.
    public struct Options: RuleOptions {
        /// The share of the narrative (boilerplate left out) from which a report is a copy (the assessments' line: half).
        public var threshold: Double = 0.5
        /// The least narrative, in comparable characters, shared before a share counts.
        public var minimumCharacters: Int = 150
        /// The share, counting what many reports of the batch say as well, from which two reports are near copies.
        public var nearCopy: Double = 0.9
        public init() {}

        public static let keys: [(key: String, meaning: Localized)] = [
            ("threshold", Localized(zh: "叙述文字（不计通用表述）相同的比例达到多少即报告为雷同（0–1，考核口径为一半）",
                                    en: "the share of the narrative (standard wording left out) from which a report is a copy (0–1; the assessments use a half)")),
            ("minimumCharacters", Localized(zh: "至少有多少个可比字符相同才计算比例", en: "the least shared narrative, in comparable characters, before a share counts")),
            ("nearCopy", Localized(zh: "连同多数报告共有的表述在内，相同比例达到多少即为近乎照抄（0–1）",
                                   en: "the share, counting what many reports of the batch say too, from which two reports are near copies (0–1)")),
        ]

        public func problem() -> (key: String, problem: Localized)? {
            let share = Localized(zh: "应为大于 0、不大于 1 的小数", en: "must be a fraction above 0 and at most 1")
            if !(threshold > 0 && threshold <= 1) { return ("threshold", share) }
            if !(nearCopy > 0 && nearCopy <= 1) { return ("nearCopy", share) }
            if minimumCharacters < 0 { return ("minimumCharacters", Localized(zh: "不能为负数", en: "must not be negative")) }
            return nil
        }
    }

    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "duplicate-content", severity: .warning,
        name: Localized(zh: "报告内容雷同", en: "Report copied from another"),
        summary: Localized(zh: "报告的叙述文字多半与另一机关同年度的报告或本机关上一年度的报告相同（不计表格、标题和通用表述）",
                           en: "Most of the narrative is the same as another body's report of the same year, or as the body's own report of last year (tables, headings and standard phrases left out)"),
        rationale: Localized(
            zh: "年度报告应如实反映本机关本年度的工作。考核评估对与上年报告或其他单位报告雷同的年度报告扣分（重复内容超过一半）。条例名称、标题、表格和人人都用的表述不算雷同；数字和机关名称改过的照搬仍算雷同。",
            en: "The report should describe this body's work this year. Assessments deduct for a report that repeats last year's or another body's (more than half the content). The regulation's name, headings, tables and phrases every report uses do not count; a copy with its figures and the body's name changed is still a copy."),
        basis: Localized(zh: "《条例》第五十条（年度报告内容）；各地政务公开第三方评估指标（年度报告内容雷同扣分）",
                         en: "Regulations Art. 50 (contents of the report); provincial assessment criteria (deductions for copied reports)"),
        triggering: [
            RuleExample(BatchExamples.narrative(body: "云龙县双河乡人民政府", year: 2023, marker: true), name: "双河乡-2023.txt",
                        batch: [("金牛镇-2023.txt", BatchExamples.narrative(body: "鹤庆县金牛镇人民政府", year: 2023, marker: false))]),
            RuleExample(BatchExamples.narrative(body: "鹤庆县金牛镇人民政府", year: 2024, marker: true), name: "金牛镇-2024.txt",
                        batch: [("金牛镇-2023.txt", BatchExamples.narrative(body: "鹤庆县金牛镇人民政府", year: 2023, marker: false))]),
        ],
        nonTriggering: [
            // Reports that share only the standard wording.
            RuleExample(BatchExamples.standard(body: "云龙县双河乡人民政府", year: 2023) + BatchExamples.own[0], name: "双河乡-2023.txt",
                        batch: [("金牛镇-2023.txt", BatchExamples.standard(body: "鹤庆县金牛镇人民政府", year: 2023) + BatchExamples.own[1])]),
            // A report that comes before the one it resembles is not the copy of it.
            RuleExample(BatchExamples.narrative(body: "鹤庆县金牛镇人民政府", year: 2022, marker: false), name: "金牛镇-2022.txt",
                        batch: [("金牛镇-2023.txt", BatchExamples.narrative(body: "鹤庆县金牛镇人民政府", year: 2023, marker: false))]),
        ])

    public struct Facts: Codable, Sendable, Stamped {
        public var stamp: ReportStamp
        var sketch: NarrativeSketch
    }

    public func facts(of report: Report, stamp: ReportStamp, _ context: RuleContext) -> Facts? {
        guard stamp.year != nil else { return nil }
        // The body's own names, made comparable piece by piece (the form of “X人民政府” is X's form and 人民政府's).
        var names = Self.ownWords
        if let body = report.body, let identity = stamp.identity {
            let key = NarrativeSketch.comparableForm(identity.key)
            names += [NarrativeSketch.comparableForm(body), key, key + Self.people, key + Self.government]
            let unit = Self.unit(of: identity.key)
            if unit.unicodeScalars.count >= 2, BodyReader.looksLikeBody(unit) {
                let form = NarrativeSketch.comparableForm(unit)
                names += [form, form + Self.people, form + Self.government]
            }
        }
        let phrases = context.knowledge.phrases
        return Facts(stamp: stamp, sketch: NarrativeSketch(report, names: ComparablePhrases(names, adding: phrases.comparableSubjects),
                                                           standard: phrases.comparablePeriodMarkers))
    }

    static let ownWords = ["本机关", "本单位", "本部门"].map(NarrativeSketch.comparableForm)
    static let people = NarrativeSketch.comparableForm("人民政府"), government = NarrativeSketch.comparableForm("政府")
    static let placeEnds = BodyIdentity.placeEnds.compactMap(\.unicodeScalars.first)

    /// The last part of a body's key after a place name (“太平镇” of “鹤庆县太平镇”; the key itself when it is all
    /// place endings), as splitting it at the place endings gives it. A key is Han characters and digits, each a
    /// Character of its own: the cut is made on scalars (splitting by Character cost more than the rest of the names).
    static func unit(of key: String) -> String {
        let s = key.scalars
        var end = s.count
        while end > 0, placeEnds.contains(s[end - 1]) { end -= 1 }
        guard end > 0 else { return key }
        var start = end
        while start > 0, !placeEnds.contains(s[start - 1]) { start -= 1 }
        return s[start..<end].string
    }

    public func check(_ entries: [CollectedFacts<Facts>], _ context: RuleContext) -> [Finding] {
        let options = context.options(Self.self)
        let batch = BatchIndex(entries)
        // A number for each report's body; a report whose body is unknown is a body of its own.
        var bodyCount = batch.bodyCount
        let bodies = entries.indices.map { i -> Int in
            if let n = batch.bodyNumber(i) { return n }
            bodyCount += 1
            return bodyCount - 1
        }
        // Each report's distinct hashes in order (sorted, then repeats dropped: no set made for every report).
        let hashes = entries.map { entry -> [UInt32] in
            var h = entry.facts.sketch.sampleHashes
            h.sort()
            var kept = 0
            for k in h.indices where k == 0 || h[k] != h[kept - 1] { h[kept] = h[k]; kept += 1 }
            h.removeLast(h.count - kept)
            return h
        }
        let phrases = Self.standardPhrases(context)
        let standard = phrases == Self.builtIn.phrases && context.pack.subjects == RulePack.builtIn.subjects
            ? Self.builtIn.hashes : NarrativeSketch.shingleHashes(phrases, names: context.pack.subjects)
        let index = ShingleIndex(hashes: hashes, bodies: bodies, packBoilerplate: standard,
                                 bodyThreshold: Self.boilerplateBodies(bodyCount))
        var findings: [Finding] = []
        var counts = [Int](repeating: 0, count: entries.count)
        for a in entries.indices {
            guard let year = entries[a].facts.stamp.year else { continue }
            let own = hashes[a].filter { !index.isBoilerplate($0) }
            guard own.count >= 4 else { continue }
            var best: (other: Int, sameBody: Bool, comparison: Comparison)?
            // Report a's samples with their sentences, read when a is first compared (most reports never are).
            var samplesA: [(hash: UInt32, sentence: Int)]?
            // In order of report, so that of two equally close the first is reported, in every run.
            for (b, count) in index.candidates(of: a, own, counts: &counts) where Double(count) >= Double(own.count) * options.threshold * 0.5 {
                guard let yearB = entries[b].facts.stamp.year, let bodyA = batch.bodyNumber(a), let bodyB = batch.bodyNumber(b) else { continue }
                let sameBody = bodyA == bodyB
                let counterpart = sameBody ? yearB == year - 1 : yearB == year && !batch.resolver.mayBeSame(
                    entries[a].facts.stamp.identity!, entries[b].facts.stamp.identity!)
                guard counterpart else { continue }
                let samples = samplesA ?? entries[a].facts.sketch.sampleList
                samplesA = samples
                var c = Comparison(samples, entries[a].facts.sketch, other: hashes[b], boilerplate: index.isBoilerplate)
                if c.share < options.threshold {
                    // What many reports of the batch say is boilerplate — unless two reports say all of it alike.
                    let whole = Comparison(samples, entries[a].facts.sketch, other: hashes[b], boilerplate: index.isStandard)
                    guard whole.shareOfOwn >= options.nearCopy else { continue }
                    c = whole
                }
                guard c.sharedWeight >= options.minimumCharacters else { continue }
                if best.map({ c.share > $0.comparison.share }) ?? true { best = (b, sameBody, c) }
            }
            if let best { findings.append(finding(entries, a, best.other, sameBody: best.sameBody, best.comparison, entries[best.other].facts.sketch.sampleList, index)) }
        }
        return findings
    }

    /// How many bodies' reports must have a shingle for it to be boilerplate: a tenth of the bodies, at least
    /// four (three bodies with one text are copies; a county template used by many is not), at most fifty.
    static func boilerplateBodies(_ bodies: Int) -> Int { max(4, min((bodies + 9) / 10, 50)) }

    /// The built-in pack's standard wording and its shingles, made once.
    static let builtIn: (phrases: [String], hashes: Set<UInt32>) = {
        let phrases = standardPhrases(RuleContext(knowledge: .builtIn))  // the compiled built-in knowledge, not a new one
        return (phrases, NarrativeSketch.shingleHashes(phrases, names: RulePack.builtIn.subjects))
    }()

    /// The standard wording of a report that any two share: the regulation's names, the genre, the parts'
    /// headings, the table labels, and the pack's standard sentences.
    static func standardPhrases(_ context: RuleContext) -> [String] {
        let pack = context.pack
        return pack.regulation.correct + [pack.genre.correct] + pack.genre.knownVariants + pack.tableRowLabels + context.packData(Self.self).phrases
            + pack.eras.values.flatMap { $0.sections.flatMap { [$0.canonical] + $0.accept } }
            + pack.statutoryTables.flatMap { $0.rows.map(\.label) + $0.columns.map(\.label) }
    }

    /// Report a's narrative sentence by sentence against another report's shingles.
    struct Comparison {
        /// Per sentence of a: shared, boilerplate, own, or unknown (no shingle sampled).
        enum Kind { case shared, boilerplate, own, unknown }
        var kinds: [Kind]
        /// Shared sentences of the whole narrative (boilerplate counted as text, not as shared).
        var share: Double
        /// Shared sentences of those that are not boilerplate.
        var shareOfOwn: Double
        var sharedWeight: Int

        init(_ samples: [(hash: UInt32, sentence: Int)], _ sketch: NarrativeSketch, other: [UInt32], boilerplate isBoilerplate: (UInt32) -> Bool) {
            var total = [Int](repeating: 0, count: sketch.sentenceCount), standard = total, found = total
            for s in samples where s.sentence < total.count {
                total[s.sentence] += 1
                if isBoilerplate(s.hash) { standard[s.sentence] += 1 } else if Self.contains(other, s.hash) { found[s.sentence] += 1 }
            }
            var sharedWeight = 0, allWeight = 0, ownWeight = 0
            let sentences = sketch.sentences
            kinds = total.indices.map { i in
                if total[i] == 0 { return .unknown }
                let weight = sentences[3 * i + 2]
                allWeight += weight
                if standard[i] * 2 >= total[i] { return .boilerplate }
                // Shared: most of what is not standard in it (a copied sentence with a word changed still is).
                if Double(found[i]) >= Self.sentenceShare * Double(total[i] - standard[i]) { sharedWeight += weight; return .shared }
                ownWeight += weight
                return .own
            }
            shareOfOwn = sharedWeight + ownWeight == 0 ? 0 : Double(sharedWeight) / Double(sharedWeight + ownWeight)
            self.sharedWeight = sharedWeight
            // Of the whole narrative: standard sentences are not copied text, but they are text — a report of
            // standard phrases and one copied paragraph is not “mostly copied”.
            share = allWeight == 0 ? 0 : Double(sharedWeight) / Double(allWeight)
        }

        static let sentenceShare = 0.6

        static func contains(_ sorted: [UInt32], _ h: UInt32) -> Bool {
            var low = 0, high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid] < h { low = mid + 1 } else { high = mid }
            }
            return low < sorted.count && sorted[low] == h
        }

        /// The longest run of shared sentences, by comparable characters (sentences with no shingle sampled
        /// inside it count with it): its first and last sentence.
        func longestPassage(_ sketch: NarrativeSketch) -> (first: Int, last: Int)? {
            var best: (first: Int, last: Int)?, bestWeight = 0, start: Int?, weight = 0
            let sentences = sketch.sentences
            for (i, kind) in kinds.enumerated() {
                switch kind {
                case .shared:
                    if start == nil { start = i; weight = 0 }
                    weight += sentences[3 * i + 2]
                    if weight > bestWeight, let start { best = (start, i); bestWeight = weight }
                case .unknown:
                    if start != nil { weight += sentences[3 * i + 2] }
                case .boilerplate, .own:
                    start = nil
                }
            }
            return best
        }
    }
}
