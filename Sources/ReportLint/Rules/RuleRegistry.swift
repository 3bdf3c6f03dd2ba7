/// Every built-in rule, per report or collecting. Adding a rule: write its file under `Rules/<family>/` and list its type here
/// (a test checks that every rule file is listed and that ids are unique and kebab-case).
public enum RuleRegistry {
    public static let ruleTypes: [any Rule.Type] = [
        YearMismatchRule.self,
        StatisticsPeriodRule.self,
        ReportYearRule.self,
        PercentSumRule.self,
        PercentShareRule.self,
        SumMismatchRule.self,
        CountPlausibilityRule.self,
        RequiredSectionRule.self,
        SectionOrderRule.self,
        SupersededFormatRule.self,
        ReportTitleRule.self,
        RegulationTitleRule.self,
        PunctuationRule.self,
        RepeatedWordRule.self,
        TableIdentityRule.self,
        TableMissingRule.self,
        TextTableMismatchRule.self,
        TableUnreadRule.self,
        UnusedSuppressionRule.self,
        NotAReportRule.self,
        DocumentNumberRule.self,
        DateFormatRule.self,
        PartCountRule.self,
        VagueFigureRule.self,
        TemplateLeftoverRule.self,
        PersonalDataRule.self,
        PublicationDeadlineRule.self,
        // Batch: reports judged together.
        CarryOverMismatchRule.self,
        DuplicateContentRule.self,
        IdenticalTablesRule.self,
        PeerOutlierRule.self,
        ReportVersionConflictRule.self,
        AmbiguousBodyRule.self,
    ]

    public static func makeRules() -> [any Rule] { ruleTypes.map { $0.init() } }

    /// Every built-in descriptor, in a stable order (collecting rules among them; `RuleCatalogue` adds the
    /// custom rules of the configured packs).
    public static var descriptors: [RuleDescriptor] { ruleTypes.map { $0.descriptor } }

    public static func descriptor(_ id: String) -> RuleDescriptor? { descriptors.first { $0.id == id } }
}
