import Foundation
import ReportLint

/// Generates realistic drafts for the benchmark: both eras, towns and county departments, prose with
/// totals, breakdowns and shares, the statutory tables with consistent arithmetic — and, for some, the
/// defects clerks make (a stale year, shares that miss 100%, parts that miss the total).
///
/// The drafts are a county's batch as the batch rules see one: each body reports once a year, 2019–2025 in
/// turn (consecutive drafts), and a year's 上年结转 is the year before's 结转下年度继续办理. (Until 3 Dec 2026
/// 84 bodies took random years, so a 2,000-draft batch held ~3 versions of every body's report for a year:
/// report-version-conflict fired on 97 % of the files, which no county's batch looks like.)
struct DraftGenerator {
    var random: SeededRandom
    /// Drafts made so far: the body is `drawn / 7`, the year `2019 + drawn % 7`.
    private var drawn = 0
    /// The body's applications carried to next year in the draft before (0 before its first year).
    private var carriedForward = 0
    /// The body's normative documents in force at the end of the year before (nil before its first 2021-era year).
    private var inForce: Int?

    init(random: SeededRandom) { self.random = random }

    struct Draft {
        var lines: [String]
        var tableRows: Set<Int>  // indices of lines that are table rows (tab-separated)
        var year: Int
        var defective: Bool
    }

    mutating func draft() -> Draft {
        let year = 2019 + drawn % 7
        let (body, we) = SampleBatch.body(drawn / 7)
        if drawn % 7 == 0 { carriedForward = 0; inForce = nil }
        drawn += 1
        let defective = random.next(3) == 0
        var lines: [String] = []
        var rows = Set<Int>()
        func p(_ s: String) { lines.append(s); lines.append("") }
        func row(_ cells: [String]) { rows.insert(lines.count); lines.append(cells.joined(separator: "\t")) }

        p("\(body)\(year)年政府信息公开工作年度报告")
        p("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制。本报告所列数据的统计期限为\(year)年1月1日至\(year)年12月31日。")
        p("一、总体情况")
        // A breakdown whose shares are printed with two decimals, adjusted to sum to 100.
        let parts = [random.next(600) + 20, random.next(300) + 5, random.next(80) + 1]
        let total = parts.reduce(0, +)
        var shares = parts.map { (Double($0) / Double(total) * 10_000).rounded() / 100 }
        shares[2] = ((100 - shares[0] - shares[1]) * 100).rounded() / 100
        let statedYear = defective && random.next(3) == 0 ? year - 1 : year
        let statedTotal = defective && random.next(3) == 1 ? total + 1 : total
        p("（一）主动公开。\(statedYear)年，\(we)通过政府门户网站和政务新媒体共主动公开政府信息\(statedTotal)条。工作动态\(parts[0])条，占\(String(format: "%.2f", shares[0]))%；通知公告\(parts[1])条，占\(String(format: "%.2f", shares[1]))%；政策文件\(parts[2])条，占\(String(format: "%.2f", shares[2]))%。")
        let natural = random.next(20), legal = random.next(4)
        p("（二）依申请公开。\(year)年共收到政府信息公开申请\(natural + legal)件，其中自然人申请\(natural)件，法人或其他组织申请\(legal)件，均在法定期限内答复。")
        p("（三）政府信息管理。对照主动公开基本目录逐项梳理，清理过期信息\(random.next(40))条，落实“先审后发”制度。")
        p("（四）政府信息公开平台建设。完善信息公开专栏，在便民服务中心设置政府信息查阅点\(random.next(3) + 1)个。")
        p("（五）监督保障。将政务公开工作纳入年度目标考核，开展社会评议\(random.next(3) + 1)次，未发生责任追究情况。")
        p("二、主动公开政府信息情况")
        let era2021 = year >= 2021
        lines.append("第二十条第（一）项")
        if era2021 {
            row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
            // In force: last year's, plus this year's issued, less this year's repealed (carry-over-mismatch checks it).
            let issued = random.next(5), repealed = random.next(3)
            let now = inForce.map { max($0 + issued - repealed, 0) } ?? random.next(20) + 3
            let repealedStated = inForce.map { $0 + issued - now } ?? repealed
            inForce = now
            row(["规章", "0", "0", "0"]); row(["行政规范性文件", "\(issued)", "\(repealedStated)", "\(now)"])
            lines.append("第二十条第（五）项"); row(["信息内容", "本年处理决定数量"]); row(["行政许可", "\(random.next(500))"])
            lines.append("第二十条第（六）项"); row(["信息内容", "本年处理决定数量"]); row(["行政处罚", "\(random.next(90))"]); row(["行政强制", "\(random.next(5))"])
            lines.append("第二十条第（八）项"); row(["信息内容", "本年收费金额（单位：万元）"]); row(["行政事业性收费", "\(random.next(50)).\(random.next(10))"])
        } else {
            row(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"])
            row(["规章", "0", "0", "0"]); row(["规范性文件", "2", "2", "\(random.next(20) + 2)"])
            lines.append("第二十条第（五）项"); row(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]); row(["行政许可", "\(random.next(30))", "0", "\(random.next(300))"])
        }
        lines.append("")
        p("三、收到和处理政府信息公开申请情况")
        appendTable3(&lines, &rows, natural: natural, legal: legal, era2021: era2021, defective: defective && random.next(3) == 2)
        lines.append("")
        p("四、政府信息公开行政复议、行政诉讼情况")
        row(["行政复议", "", "", "", "", "行政诉讼"])
        row(["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉"])
        row(Array(repeating: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], count: 3).flatMap { $0 })
        let upheld = random.next(3)
        row(["\(upheld)", "0", "0", "0", "\(upheld)"] + Array(repeating: "0", count: 10))
        lines.append("")
        p("五、存在的主要问题及改进情况")
        p("主要问题是政策解读形式较为单一，基层公开人员业务能力有待提高。\(year + 1)年，\(we)将加强业务培训，丰富解读形式。")
        p("六、其他需要报告的事项")
        p("本年度未收取信息处理费。")
        lines.append(body)
        lines.append("\(year + 1)年1月\(random.next(28) + 1)日")
        return Draft(lines: lines, tableRows: rows, year: year, defective: defective)
    }

    private mutating func appendTable3(_ lines: inout [String], _ rows: inout Set<Int>, natural: Int, legal: Int, era2021: Bool, defective: Bool) {
        func row(_ label: String, _ n: Int, _ l: Int) {
            rows.insert(lines.count)
            lines.append(([label, "\(n)", "\(l)", "0", "0", "0", "0", "\(n + l)"]).joined(separator: "\t"))
        }
        rows.insert(lines.count); lines.append("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况")
        rows.insert(lines.count); lines.append("\t自然人\t法人或其他组织\t\t\t\t\t总计")
        rows.insert(lines.count); lines.append("\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他")
        let carried = carriedForward
        row("一、本年新收政府信息公开申请数量", natural, legal)
        row("二、上年结转政府信息公开申请数量", carried, 0)
        lines.append("三、本年度办理结果")
        let forward = natural + carried > 0 ? random.next(2) : 0
        let handledNatural = natural + carried - forward
        row("（一）予以公开", defective ? handledNatural + 1 : handledNatural, legal)
        row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 0, 0)
        for label in ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                      "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"] {
            row("（三）不予公开 " + label, 0, 0)
        }
        for label in ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"] { row("（四）无法提供 " + label, 0, 0) }
        for label in ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"] {
            row("（五）不予处理 " + label, 0, 0)
        }
        if era2021 {
            for label in ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"] {
                row("（六）其他处理 " + label, 0, 0)
            }
        } else {
            row("（六）其他处理", 0, 0)
        }
        row("（七）总计", handledNatural, legal)
        row("四、结转下年度继续办理", forward, 0)
        carriedForward = forward
    }
}

/// The deterministic generator of the sample batches (SplitMix64), so every run benchmarks the same drafts.
typealias SeededRandom = SampleBatch.Random
