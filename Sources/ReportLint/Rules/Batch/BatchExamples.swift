/// Small reports for the batch rules' examples: a title and one statutory table, or a title and prose.
enum BatchExamples {
    /// A title and 表三's rows 一, 二, （七） and 四 (the applicant columns other than 自然人 all zero).
    static func table3(title: String, new: Int, carried: String, total: Int, forward: Int) -> String {
        let zeros = "\t0\t0\t0\t0\t0"
        let carriedTotal = Int(carried.filter(\.isNumber)) ?? 0
        return """
        \(title)

        三、收到和处理政府信息公开申请情况

        （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况
        \t自然人\t法人或其他组织\t\t\t\t\t总计
        \t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他
        一、本年新收政府信息公开申请数量\t\(new)\(zeros)\t\(new)
        二、上年结转政府信息公开申请数量\t\(carried)\(zeros)\t\(carriedTotal)
        （七）总计\t\(total)\(zeros)\t\(total)
        四、结转下年度继续办理\t\(forward)\(zeros)\t\(forward)
        """
    }

    /// A title and 表二's first block in the 2021 format.
    static func table2(title: String, issued: Int, repealed: Int, inForce: String) -> String {
        """
        \(title)

        二、主动公开政府信息情况

        第二十条第（一）项
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t0\t0\t0
        行政规范性文件\t\(issued)\t\(repealed)\t\(inForce)
        """
    }

    /// A title and 表三 and 表四 with every figure given.
    static func tables(title: String, figures: [Int]) -> String {
        let f = figures.map(String.init), forward = String(figures[0] + figures[1] - figures[2])
        return """
        \(title)

        三、收到和处理政府信息公开申请情况

        \t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计
        一、本年新收政府信息公开申请数量\t\(f[0])\t0\t0\t0\t0\t0\t\(f[0])
        二、上年结转政府信息公开申请数量\t\(f[1])\t0\t0\t0\t0\t0\t\(f[1])
        （一）予以公开\t\(f[2])\t0\t0\t0\t0\t0\t\(f[2])
        （七）总计\t\(f[2])\t0\t0\t0\t0\t0\t\(f[2])
        四、结转下年度继续办理\t\(forward)\t0\t0\t0\t0\t0\t\(forward)

        四、政府信息公开行政复议、行政诉讼情况

        行政复议\t\t\t\t\t行政诉讼
        \t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉
        结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
        \(f[3])\t0\t0\t0\t\(f[3])\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0
        """
    }

    /// A report's narrative that two bodies (or one body in two years) may share; “↓” before its first sentence
    /// when `marker`.
    static func narrative(body: String, year: Int, marker: Bool) -> String {
        let we = body.contains("乡") ? "我乡" : body.contains("镇") ? "我镇" : "我局"
        return """
        \(body)\(year)年政府信息公开工作年度报告

        \(marker ? "↓" : "")\(year)年，\(we)坚持以公开为常态、不公开为例外，围绕乡村振兴、民生保障和营商环境等重点领域持续加大信息发布力度，全年通过门户网站和政务新媒体发布各类信息\(year - 1900)条。
        \(we)把基层政务公开标准化规范化建设作为重点，梳理完善本级公开事项目录，逐项明确公开内容、时限和责任人。
        在依申请公开方面，严格执行登记、审核、答复全流程管理，规范答复文书格式，全年答复均在规定时间内完成，未发生被纠错情况。
        针对群众反映查阅不便的问题，在便民服务中心设置查阅点，安排专人值守，提供政策咨询和信息查询服务。
        经自查，\(body)在政府信息公开工作中还存在政策解读形式较为单一、信息更新不够及时等短板，下一步将加强业务培训，丰富图解和短视频等解读形式。
        """
    }

    /// A report's opening in the standard wording every report may use.
    static func standard(body: String, year: Int) -> String {
        """
        \(body)\(year)年政府信息公开工作年度报告

        根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求，编制本报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。本报告所列数据的统计期限自\(year)年1月1日起至\(year)年12月31日止。

        六、其他需要报告的事项

        本年度未收取信息处理费。本年度无其他需要报告的事项。

        """
    }

    /// Narrative of a body's own.
    static let own = [
        "全年组织村组干部开展条例专题学习三次，在集市日设置咨询台，现场解答群众关于低保、临时救助和危房改造政策的疑问，发放宣传资料六百余份。",
        "围绕教育资助、校园安全和招生入学等群众关心的事项，编印政策问答手册，在各中小学家长群同步推送，组织校长和教师代表参加政策解读直播。",
    ]

    /// A report stating how much it published proactively.
    static func published(body: String, count: String, year: Int = 2023) -> String {
        """
        \(body)\(year)年政府信息公开工作年度报告

        一、总体情况

        \(year)年，通过政府门户网站共主动公开政府信息\(count)条，其中工作动态120条。
        """
    }

    /// Towns of one county with ordinary counts (700 to 900).
    static func peers(count: Int) -> [(String, String)] {
        let towns = ["金牛镇", "辛屯镇", "松桂镇", "黄坪镇", "草海镇", "六合乡", "龙开口镇", "西邑镇", "朵美乡", "云鹤镇"]
        return (0..<count).map { i in ("\(towns[i])-2023.txt", published(body: "鹤庆县\(towns[i])人民政府", count: String(700 + 25 * i))) }
    }
}
