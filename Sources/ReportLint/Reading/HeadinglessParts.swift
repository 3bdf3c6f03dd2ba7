/// A part of the report format whose content is there but whose own heading is not: “（一）…存在问题的改进情况”
/// right under the part before it — a heading lost when the report was copied or converted, or left out.
/// Not looked for under 总体情况, whose subsections are 主动公开, 依申请公开… by the format. Read once here,
/// so that required-section and section-order speak of it once between them.
extension Report {
    /// The subsection holding the content of the format's part `index` (0-based), when that part has no heading.
    public func headinglessPart(_ index: Int, of template: RulePack.EraTemplate) -> Section? {
        guard index >= 2, index < template.sections.count else { return nil }
        let required = template.sections[index]
        guard !sections.contains(where: { required.matches($0.title.withoutBlanks) }),
              let parent = sections.first(where: { template.sections[index - 1].matches($0.title.withoutBlanks) }) else { return nil }
        return parent.subsections.first { required.matches($0.title.withoutBlanks) }
    }
}
