/// The words the demo subdistrict is made of: names, places, businesses.
enum DemoNames {
    /// Surnames with rough weights (王, 李, 张, 刘, 陈 are about a third of Beijing).
    static let surnames: [(String, Int)] = [
        ("王", 90), ("李", 85), ("张", 80), ("刘", 70), ("陈", 40), ("杨", 35), ("赵", 35), ("黄", 20), ("周", 20), ("吴", 18),
        ("徐", 15), ("孙", 20), ("马", 18), ("朱", 12), ("胡", 12), ("郭", 15), ("何", 10), ("高", 15), ("林", 8), ("罗", 8),
        ("郑", 8), ("梁", 8), ("谢", 6), ("宋", 8), ("唐", 6), ("许", 6), ("韩", 10), ("冯", 8), ("邓", 6), ("曹", 8),
        ("彭", 5), ("曾", 4), ("肖", 6), ("田", 8), ("董", 8), ("袁", 6), ("潘", 5), ("于", 10), ("蒋", 5), ("蔡", 5),
        ("余", 4), ("杜", 6), ("叶", 4), ("程", 5), ("苏", 5), ("魏", 6), ("吕", 5), ("丁", 5), ("任", 5), ("沈", 4),
        ("姚", 4), ("卢", 4), ("姜", 5), ("崔", 6), ("钟", 3), ("谭", 3), ("陆", 3), ("汪", 3), ("范", 4), ("金", 4),
        ("石", 4), ("贾", 5), ("夏", 3), ("付", 4), ("方", 3), ("白", 4), ("邹", 3), ("孟", 5), ("秦", 4), ("侯", 4),
        ("齐", 3), ("常", 3), ("尹", 3), ("薛", 3), ("闫", 4), ("段", 3), ("雷", 3), ("龙", 2), ("史", 3), ("郝", 3),
    ]
    static let maleGiven = Array("伟强磊军勇杰涛明超斌刚平辉鹏华飞鑫波宇浩凯健俊帆国建志海东亮文永春成德庆利明祥福生")
    static let femaleGiven = Array("芳娜敏静丽艳娟霞燕玲桂英秀兰萍红梅莉婷雪琳颖慧晶洁倩琴云凤翠珍淑华玉霞蓉")

    /// Communities of the demo subdistrict and the place names their compounds carry.
    /// The first five are those of `examples/demo.msh`.
    static let communities: [(String, [String])] = [
        ("六里屯社区", ["六里屯北里", "六里屯南里"]), ("十里堡社区", ["十里堡北里", "十里堡东里"]),
        ("八里庄社区", ["八里庄北里", "八里庄东里"]), ("甜水园社区", ["甜水园北里", "甜水园东街"]),
        ("道家园社区", ["道家园", "道家园西里"]), ("丽水嘉园社区", ["丽水嘉园"]), ("炫特嘉园社区", ["炫特嘉园"]),
        ("石佛营社区", ["石佛营东里", "石佛营西里"]), ("延静里社区", ["延静里", "延静西里"]), ("晨光社区", ["晨光家园"]),
    ]

    static let departments = ["城建科", "城管科", "社会事务科", "平安建设科", "党群工作科"]

    static let businessPrefixes = [
        "鑫源", "华美", "瑞丰", "恒通", "盛世", "金诚", "嘉禾", "福满", "益民", "康宁", "顺达", "宏图", "天成", "聚德", "百顺", "佳和",
        "同仁", "永兴", "安居", "乐活", "京华", "新锐", "博雅", "惠民",
    ]
    static let businessKinds = [
        "便民超市", "餐饮有限公司", "物业服务有限公司", "洗衣店", "大药房", "美容美发店", "科技有限公司", "文化传媒有限公司",
        "汽车维修中心", "快递服务站", "托育中心", "家政服务有限公司", "房地产经纪有限公司", "口腔诊所", "教育咨询有限公司", "生鲜超市",
    ]
    /// Community units (社区单位) other than enterprises, named after the place.
    static let unitKinds = ["小学", "幼儿园", "派出所警务站", "物业服务中心", "社区卫生服务站", "养老驿站", "菜市场"]

    static let notes = [
        "独居老人，身体尚可", "反映楼道堆物", "询问供暖情况", "对物业服务有意见", "家中有残疾人，需定期关注", "反映停车难",
        "了解垃圾分类情况", "邻里关系已缓和", "宣传防范电信诈骗", "登记困难家庭需求",
    ]
}

extension DemoRandom {
    /// A plausible Chinese name: a surname and one or two given characters.
    mutating func personName() -> String {
        let female = chance(500)
        let given = female ? DemoNames.femaleGiven : DemoNames.maleGiven
        var name = weighted(DemoNames.surnames) + String(pick(given))
        if chance(700) { name += String(pick(given)) }
        return name
    }

    /// A mobile number (13x, 15x, 18x) or, now and then, a Beijing landline.
    mutating func phone() -> String {
        if chance(60) { return "010-8" + digits(7) }
        let prefix = pick(["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158", "159", "185", "186", "188", "189"])
        return prefix + digits(8)
    }

    mutating func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(below(10))) }) }
}
