/// Made-up reports for batch tests and the benchmark: distinct bodies (towns and departments of made-up
/// counties), year series whose carry-overs agree, narrative assembled from varied sentences — so that two
/// bodies' reports share what real ones share (the standard wording) and not more.
public enum SampleBatch {
    /// A small deterministic generator (SplitMix64).
    public struct Random: Sendable {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Int(z % UInt64(max(bound, 1)))
        }
        mutating func pick<T>(_ list: [T]) -> T { list[next(list.count)] }
    }

    static let syllables = Array("安宝碧长春成大德东凤福高古广和红华黄吉金锦康兰乐丽莲龙茂美明南平青庆仁瑞三山善石顺松泰桃天田万文西祥新兴秀阳永玉元云泽彰正中竹")

    /// Body number n (distinct for every n below about 700,000): a town, township, sub-district or county department.
    public static func body(_ n: Int) -> (name: String, we: String) {
        let s = syllables.count, counties = s * s
        let c = n % counties, rest = n / counties
        let county = "\(syllables[c % s])\(syllables[c / s])县"
        let kind = rest % 6, p = rest / 6 * 6 + kind
        let local = "\(syllables[(p + c * 7) % s])\(syllables[(p / s + c * 13) % s])"
        switch kind {
        case 0, 1: return (county + local + "镇人民政府", "我镇")
        case 2: return (county + local + "乡人民政府", "我乡")
        case 3: return (county + local + "街道办事处", "我街道")
        default:
            let departments = ["教育体育局", "民政局", "自然资源局", "卫生健康局", "农业农村局", "交通运输局", "市场监督管理局", "住房和城乡建设局",
                               "水务局", "林业和草原局", "文化和旅游局", "人力资源和社会保障局"]
            return (county + departments[(rest / 6 * 2 + kind - 4) % departments.count], "我局")
        }
    }

    /// Sentences of a body's own, `count` of them: varied phrases around the body's own villages and projects
    /// (what makes real reports differ), with the standard phrases real reports share.
    public static func sentences(_ random: inout Random, count: Int, we: String) -> [String] {
        func name(_ r: inout Random) -> String { "\(syllables[r.next(syllables.count)])\(syllables[r.next(syllables.count)])" }
        let villages = (0..<4).map { _ in name(&random) + random.pick(["村", "社区", "居委会", "村委会"]) }
        let projects = (0..<3).map { _ in name(&random) + random.pick(["水库", "大道", "安置点", "小学", "卫生院", "产业园", "集贸市场", "文化广场", "污水处理厂", "农贸市场"]) }
        let focus = ["乡村振兴", "民生保障", "营商环境", "安全生产", "生态环境保护", "义务教育", "医疗卫生", "农村人居环境整治", "防汛抗旱", "社会救助", "耕地保护", "就业创业"]
        let ways = ["政府门户网站", "政务新媒体", "村务公开栏", "便民服务中心电子屏", "微信公众号", "公开查阅点", "广播站", "政务服务大厅"]
        let acts = ["编印政策问答手册", "开展入户宣讲", "召开群众座谈会", "设置意见箱", "举办政策解读会", "组织现场答疑", "制作图解海报", "录制短视频"]
        let people = ["村组干部", "网格员", "驻村工作队", "信息员", "窗口工作人员", "社区志愿者", "机关干部", "业务骨干"]
        let gaps = ["解读形式较为单一", "更新频次不够稳定", "栏目设置不够清晰", "回应群众关切不够及时", "基层人员业务不熟", "数据发布不够规范", "公开内容可读性不强", "线上线下衔接不够"]
        let when = ["年初", "汛期前", "春耕时节", "三季度", "年底前", "暑期", "开学前", "节前"]
        let templates: [(inout Random) -> String] = [
            { r in "\(r.pick(when))，在\(r.pick(villages))和\(r.pick(villages))\(r.pick(acts))，围绕\(r.pick(focus))回答群众提问\(r.next(90) + 10)个，\(r.pick(people))现场登记诉求\(r.next(30) + 3)件。" },
            { r in "\(r.pick(projects))建设涉及\(r.pick(villages))群众切身利益，\(we)将项目批复、补偿标准和施工进度在\(r.pick(ways))逐项公开，接受群众监督。" },
            { r in "针对\(r.pick(villages))群众反映的\(r.pick(focus))问题，组织\(r.pick(people))\(r.pick(acts))，并把办理结果张贴在\(r.pick(villages))公开栏。" },
            { r in "\(r.pick(projects))\(r.pick(["竣工验收", "招标采购", "资金拨付", "选址论证"]))情况在\(r.pick(ways))公示\(r.next(20) + 5)日，期间收到意见\(r.next(12))条，均已答复。" },
            { r in "全年组织\(r.pick(people))参加业务培训\(r.next(6) + 1)期，\(r.pick(when))在\(r.pick(villages))\(r.pick(acts))，重点讲解\(r.pick(focus))领域公开标准。" },
            { r in "对\(r.pick(focus))领域的\(r.next(40) + 5)项公开事项逐项核对，\(r.pick(villages))、\(r.pick(villages))等点位的公开栏同步更新，\(r.pick(gaps))的情况有所改善。" },
            { r in "经自查，\(r.pick(villages))等地仍存在\(r.pick(gaps))、\(r.pick(gaps))等问题，下一步将结合\(r.pick(projects))建设\(r.pick(acts))。" },
            { r in "在\(r.pick(ways))开设\(r.pick(projects))专栏，按月更新进展和资金使用情况，累计访问\(r.next(9000) + 1000)次，\(r.pick(villages))群众留言\(r.next(80) + 5)条。" },
            { r in "建立\(r.pick(people))联络机制，对\(r.pick(villages))、\(r.pick(villages))群众关于\(r.pick(focus))的诉求做到当日登记、限时回应。" },
            { r in "\(r.pick(when))，\(we)就\(r.pick(projects))\(r.pick(["征地补偿", "移民安置", "道路改线", "用水收费"]))方案召开听证会，邀请\(r.pick(villages))群众代表\(r.next(20) + 5)人参加，意见采纳情况已公开。" },
        ]
        return (0..<count).map { _ in templates[random.next(templates.count)](&random) }
    }

    /// 表三's outcome rows (2021 format) after （二）, all zero in the samples.
    static let outcomeRows: [String] = {
        let groups: [(String, [String])] = [
            ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
                            "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
            ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
            ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]),
            ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]),
        ]
        return groups.flatMap { g in g.1.map { g.0 + " " + $0 } }
    }()

    /// One report: 2021 format, three tables, narrative `own` in paragraphs. `carried` is 表三 二、上年结转 by
    /// applicant column (six); `inForceBefore` last year's 现行有效 normative documents. Returns the text and
    /// what the next year carries on.
    public static func report(body: String, we: String, year: Int, own: [String], carried: [Int], inForceBefore: Int,
                              _ random: inout Random) -> (text: String, forward: [Int], inForce: Int) {
        let issued = random.next(4), repealed = random.next(2)
        let inForce = max(0, inForceBefore + issued - repealed)
        let new = (0..<6).map { c in c == 0 ? random.next(25) : (random.next(4) == 0 ? random.next(3) : 0) }
        let forward = (0..<6).map { c in random.next(4) == 0 ? min(new[c] + carried[c], 1 + random.next(2)) : 0 }
        let handled = (0..<6).map { new[$0] + carried[$0] - forward[$0] }
        let partial = handled.map { $0 > 2 ? 1 : 0 }
        let granted = (0..<6).map { handled[$0] - partial[$0] }
        func row(_ label: String, _ v: [Int]) -> String { ([label] + v.map(String.init) + [String(v.reduce(0, +))]).joined(separator: "\t") }
        let zero = [Int](repeating: 0, count: 6)
        var lines = ["\(body)\(year)年政府信息公开工作年度报告", "",
                     "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求，编制本报告。本报告所列数据的统计期限自\(year)年1月1日起至\(year)年12月31日止。", "",
                     "一、总体情况", ""]
        let half = own.count / 2
        lines += [own[..<half].joined(), "", "（一）主动公开。\(year)年，\(we)共主动公开政府信息\(random.next(700) + 80)条。", ""]
        lines += ["二、主动公开政府信息情况", "", "第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0",
                  "行政规范性文件\t\(issued)\t\(repealed)\t\(inForce)", "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可\t\(random.next(400))",
                  "第二十条第（六）项", "信息内容\t本年处理决定数量", "行政处罚\t\(random.next(60))", "行政强制\t\(random.next(5))",
                  "第二十条第（八）项", "信息内容\t本年收费金额（单位：万元）", "行政事业性收费\t\(random.next(30))",
                  "", "三、收到和处理政府信息公开申请情况", "",
                  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
                  "\t自然人\t法人或其他组织\t\t\t\t\t总计", "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
                  row("一、本年新收政府信息公开申请数量", new), row("二、上年结转政府信息公开申请数量", carried), "三、本年度办理结果",
                  row("（一）予以公开", granted), row("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", partial),
] + outcomeRows.map { row($0, zero) } + [
                  row("（七）总计", handled), row("四、结转下年度继续办理", forward), "",
                  "四、政府信息公开行政复议、行政诉讼情况", "",
                  "行政复议\t\t\t\t\t行政诉讼", "\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉",
                  Array(repeating: "结果维持\t结果纠正\t其他结果\t尚未审结\t总计", count: 3).joined(separator: "\t")]
        let upheld = random.next(3)
        lines.append((["\(upheld)", "0", "0", "0", "\(upheld)"] + Array(repeating: "0", count: 10)).joined(separator: "\t"))
        lines += ["", "五、存在的主要问题及改进情况", "", own[half...].joined(), "", "六、其他需要报告的事项", "", "本年度未收取信息处理费。", "",
                  body, "\(year + 1)年1月\(random.next(28) + 1)日"]
        return (lines.joined(separator: "\n") + "\n", forward, inForce)
    }
}
