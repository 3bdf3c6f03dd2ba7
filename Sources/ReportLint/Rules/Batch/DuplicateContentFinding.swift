extension DuplicateContentRule {
    /// The finding for report a, copied from (or copying) report b: the share, the counterpart, the longest
    /// shared passage — where it starts in a, and in b as the related location.
    func finding(_ entries: [CollectedFacts<Facts>], _ a: Int, _ b: Int, sameBody: Bool, _ c: Comparison,
                 _ samplesB: [(hash: UInt32, sentence: Int)], _ index: ShingleIndex) -> Finding {
        let sketch = entries[a].facts.sketch, other = entries[b].facts.sketch
        let file = BatchText.file(entries[b].path), share = BatchText.percent(c.share)
        let yearB = entries[b].facts.stamp.year ?? 0
        let whoZh = sameBody ? "本机关上一年度（\(yearB)年）的报告" : "另一机关同年度的报告"
        let whoEn = sameBody ? "the body's own report of last year (\(yearB))" : "another body's report of the same year"
        guard let passage = c.longestPassage(sketch) else {
            return Finding(location: entries[a].facts.stamp.location(entries[a].path), message: Localized(
                zh: "约\(share)的叙述文字与\(whoZh) \(file) 相同（不计表格、标题和通用表述）",
                en: "About \(share) of the narrative is the same as \(whoEn) \(file) (tables, headings and standard phrases left out)"))
        }
        let start = sketch.sentence(passage.first).start, end = sketch.sentence(passage.last).end
        let length = (passage.first...passage.last).reduce(0) { $0 + sketch.sentence($1).weight }
        let span = sketch.span(start, end)
        let opening = sketch.excerpt(start, end, limit: 24)
        var related: [Finding.Related] = []
        if let match = matchingSentence(sketch, c, passage.first, samplesA: entries[a].facts.sketch.sampleList, in: samplesB, index) {
            let s = other.sentence(match)
            related.append(Finding.Related(.init(path: entries[b].path, span: other.span(s.start, s.end), snippet: other.excerpt(s.start, s.end, limit: 40)),
                                           message: Localized(zh: "\(file) 中相同的段落", en: "the same passage in \(file)")))
        } else {
            related.append(Finding.Related(entries[b].facts.stamp.location(entries[b].path),
                                           message: Localized(zh: "雷同的报告 \(file)", en: "the similar report \(file)")))
        }
        return Finding(
            location: .init(path: entries[a].path, span: span, snippet: sketch.excerpt(start, start + max(1, span.end - span.start), limit: 60)),
            message: Localized(
                zh: "约\(share)的叙述文字与\(whoZh) \(file) 相同（不计表格、标题和通用表述）；最长的相同段落约\(length)字，从“\(opening)”开始",
                en: "About \(share) of the narrative is the same as \(whoEn) \(file) (tables, headings and standard phrases left out); the longest shared passage, about \(length) characters, starts “\(opening)”"),
            related: related)
    }

    /// The sentence of b that shares the most shingles with sentence `first` of a.
    private func matchingSentence(_ sketch: NarrativeSketch, _ c: Comparison, _ first: Int, samplesA: [(hash: UInt32, sentence: Int)],
                                  in samplesB: [(hash: UInt32, sentence: Int)], _ index: ShingleIndex) -> Int? {
        let wanted = Set(samplesA.filter { $0.sentence == first && !index.isStandard($0.hash) }.map(\.hash))
        var counts: [Int: Int] = [:]
        for s in samplesB where wanted.contains(s.hash) { counts[s.sentence, default: 0] += 1 }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }
}
