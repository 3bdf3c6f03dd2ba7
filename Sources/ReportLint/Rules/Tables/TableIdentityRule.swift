/// `table-identity`: an arithmetic identity (勾稽关系) of a statutory table fails — 表三 一+二 = （七）总计+四 for
/// every column (the official one, printed in the table), （七）总计 = the sum of the outcome rows, 总计 = the six
/// applicant columns in every row; 表四 总计 = the four outcomes for each of its three groups
/// (format-spec.md §4; the identities themselves are data in rules/tables.json).
///
/// Each failing identity is reported once, on the first cell of its total side, with both sides' values and the
/// other cells as related locations. Blank or “/” cells are not zero: an identity needing them is not checked,
/// and the table gets one note saying so. Rows or columns that could not be read are never guessed at.
public struct TableIdentityRule: Rule {
    public init() {}

    public static let descriptor = RuleDescriptor(
        id: "table-identity", severity: .error,
        name: Localized(zh: "统计表勾稽关系不成立", en: "Statutory table identity fails"),
        summary: Localized(zh: "表三、表四的行列数据不满足勾稽关系（如表三“一+二=（七）总计+四”、总计列等于各类申请人之和）",
                           en: "Cells of Table 3 or 4 break an arithmetic identity (Table 3: 一+二 = （七）总计+四, the 总计 column is the sum of the applicant columns, …)"),
        rationale: Localized(
            zh: "表三表头注明“第一项加第二项之和，等于第三项加第四项之和”；（七）总计是各项办理结果之和，总计列是六类申请人之和；表四每组的总计是四种结果之和。不成立说明某个单元格填错。空白或“/”的单元格视为未填写，不按0计算，相关关系无法核对。",
            en: "Table 3's header states that rows 一 + 二 equal （七）总计 + 四; （七）总计 is the sum of the outcomes, the 总计 column the sum of the applicant columns; in Table 4 each group's 总计 is the sum of its four outcomes. A failure means a cell is wrong. Blank or “/” cells are not stated, not zero: identities needing them cannot be checked."),
        basis: Localized(zh: "年度报告格式 表三、表四（国办公开办函〔2019〕60号、〔2021〕30号）", en: "Report format, Tables 3 and 4 (国办公开办函〔2019〕60号 and 〔2021〕30号)"),
        triggering: [
            RuleExample("""
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
            \t自然人\t法人或其他组织\t\t\t\t\t总计
            \t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
            一、本年新收政府信息公开申请数量\t↓24\t0\t0\t0\t0\t0\t↓24
            二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2
            （七）总计\t25\t0\t0\t0\t0\t0\t25
            四、结转下年度继续办理\t2\t0\t0\t0\t0\t0\t2
            """, year: 2023),
            RuleExample("""
            	结果维持	结果纠正	其他结果	尚未审结	总计
            行政复议	0	0	0	0	↓1
            行政诉讼（未经复议直接起诉）	0	1	0	1	2
            """, year: 2022),
            RuleExample("""
            \t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计
            （一）予以公开\t5\t1\t0\t0\t0\t0\t↓7
            （二）部分公开\t1\t0\t0\t0\t0\t0\t↓/
            """, year: 2021),
        ],
        nonTriggering: [
            RuleExample("""
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
            \t自然人\t法人或其他组织\t\t\t\t\t总计
            \t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
            一、本年新收政府信息公开申请数量\t24\t0\t3\t1\t0\t0\t28
            二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2
            （七）总计\t25\t0\t3\t1\t0\t0\t29
            四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1
            """, year: 2023),
            RuleExample("""
            行政复议\t\t\t\t\t行政诉讼
            \t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉
            结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
            1\t0\t0\t0\t1\t0\t0\t1\t0\t1\t0\t0\t0\t0\t0
            """, year: 2024),
            // A table that cannot be put in columns (placeholder headers) is not guessed at.
            RuleExample("""
            | 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
            |---|---|---|---|---|---|---|---|
            | 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 999 |
            | 上年结转政府信息公开申请数量 | 36 | 0 | 0 | 0 | 0 | 0 | 36 |
            """, year: 2025),
        ])

    public func check(_ report: Report, _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // Fetched once (a locked look-up), and the checks read in place by index: a loop variable copied every
        // check of the pack for every table.
        let checks = context.knowledge.identityChecks
        for table in report.statutoryTables where !table.isTrace {
            guard let definition = context.pack.table(table.kind) else { continue }
            let layout = report.layout(of: table)
            var blank: Set<TextSpan> = []
            for k in checks.indices where checks[k].identity.table == table.kind {
                for instance in checks[k].failures(in: table, layout: layout) {
                    switch instance.outcome {
                    case .holds: continue
                    case .notStated(let spans): blank.formUnion(spans)
                    case .fails(let t, let p): findings.append(finding(checks[k], instance, total: t, parts: p))
                    }
                }
            }
            if let first = blank.min() {
                findings.append(Finding(span: first, message: Localized(
                    zh: "\(definition.shortTitle)有\(blank.count)处单元格空白或填“/”等（视为未填写，不按0计），涉及这些单元格的勾稽关系无法核对",
                    en: "\(definition.shortTitleEn) has \(blank.count) blank or “/” cells (not stated, not zero); the identities involving them cannot be checked"),
                    severity: .note, related: blank.sorted().dropFirst().prefix(20).map { ($0, Localized(zh: "未填写", en: "not stated")) }))
            }
        }
        return findings
    }

    private func finding(_ check: TableIdentityCheck, _ i: TableIdentityCheck.Instance, total: Double, parts: Double) -> Finding {
        let d = check.definition, identity = check.identity
        let scope: Localized = identity.per == .column
            ? Localized(zh: "\(d.shortTitle)\(d.columnName(i.scope).zh)列", en: "\(d.shortTitleEn), column \(d.columnName(i.scope).en)")
            : Localized(zh: "\(d.shortTitle)\(d.rowName(i.scope).zh)\(d.kind == .table4 ? "" : "行")", en: "\(d.shortTitleEn), row \(d.rowName(i.scope).en)")
        let totalKeys = i.total.map { identity.per == .column ? $0.0.row : $0.0.column }
        let partKeys = i.parts.map { identity.per == .column ? $0.0.row : $0.0.column }
        let totalName = check.sideName(totalKeys, text: identity.totalText)
        let partsName = check.sideName(partKeys, text: identity.partsText)
        let partsNameEn = check.sideName(partKeys, text: identity.partsTextEn ?? identity.partsText)
        let totalTerms = check.terms(i.total, sum: total), partTerms = check.terms(i.parts, sum: parts)
        let note = identity.official == true ? "（表内注明的勾稽关系）" : ""
        // Related: the other cells of the identity — of a long sum, the non-zero ones.
        let parts = i.parts.count > 8 ? i.parts.filter { ($0.1.number ?? 0) != 0 } : i.parts
        let related = (i.total.dropFirst() + parts).map { ($0.1.span, d.cellName($0.0)) }
        return Finding(span: i.total[0].1.span, message: Localized(
            zh: "\(scope.zh)：\(totalName)=\(totalTerms.zh)，而\(partsName)=\(partTerms.zh)，两者不等\(note)",
            en: "\(scope.en): \(totalName) = \(totalTerms.en) but \(partsNameEn) = \(partTerms.en) [\(identity.id)]"),
            related: related)
    }
}
