/// Every built-in rule. Adding a rule: write its file under `Rules/<family>/` and list its type here
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
        DocumentNumberRule.self,
        DateFormatRule.self,
        PartCountRule.self,
        VagueFigureRule.self,
        TemplateLeftoverRule.self,
        PersonalDataRule.self,
        PublicationDeadlineRule.self,
    ]

    public static let batchRuleTypes: [any BatchRule.Type] = []

    public static func makeRules() -> [any Rule] { ruleTypes.map { $0.init() } }
    public static func makeBatchRules() -> [AnyBatchRule] { batchRuleTypes.map { box($0) } }

    private static func box<R: BatchRule>(_ type: R.Type) -> AnyBatchRule { AnyBatchRule(type.init()) }

    /// Every descriptor, per-report rules first, in a stable order.
    public static var descriptors: [RuleDescriptor] {
        ruleTypes.map { $0.descriptor } + batchRuleTypes.map { $0.descriptor }
    }

    public static func descriptor(_ id: String) -> RuleDescriptor? { descriptors.first { $0.id == id } }
}
