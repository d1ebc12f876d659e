/**
 * Word pools for fictional but plausible Chinese unit names. They lean north-eastern (屯, 堡, 窝堡),
 * like the seed's city. Pools are data only; the rules that combine them live in names.ts.
 */

/** Long word lists read best as one space-separated string. */
function words(list: string): string[] {
  return list.split(' ')
}

/** The ten counties of 示例市, in the order the petitions fixture lists them, with their GB/T 2260 codes. */
export const SAMPLE_CITY_COUNTIES = [
  { name: '和平区', code: '210102', profile: 'urban' },
  { name: '沈河区', code: '210103', profile: 'urban' },
  { name: '大东区', code: '210104', profile: 'urban' },
  { name: '皇姑区', code: '210105', profile: 'urban' },
  { name: '铁西区', code: '210106', profile: 'urban' },
  { name: '浑南区', code: '210112', profile: 'suburban' },
  { name: '于洪区', code: '210114', profile: 'suburban' },
  { name: '新民市', code: '210181', profile: 'county_city' },
  { name: '法库县', code: '210124', profile: 'rural', assisted: true },
  { name: '康平县', code: '210123', profile: 'rural', assisted: true },
] as const

/** 示例市's universities; the technology-transfer fixture names the first seven. */
export const SAMPLE_CITY_UNIVERSITIES = [
  { name: '示例大学', vocational: false, ownership: 'public' },
  { name: '示例理工大学', vocational: false, ownership: 'public' },
  { name: '示例工业大学', vocational: false, ownership: 'public' },
  { name: '示例建筑大学', vocational: false, ownership: 'public' },
  { name: '示例农业大学', vocational: false, ownership: 'public' },
  { name: '示例航空航天大学', vocational: false, ownership: 'public' },
  { name: '示例师范大学', vocational: false, ownership: 'public' },
  { name: '示例医科大学', vocational: false, ownership: 'public' },
  { name: '示例职业技术学院', vocational: true, ownership: 'public' },
  { name: '示例城市学院', vocational: false, ownership: 'private' },
] as const

/** Templates for other cities' higher-education institutions; `{s}` is the city's short name. */
export const UNIVERSITY_TEMPLATES = [
  { template: '{s}大学', vocational: false, ownership: 'public' },
  { template: '{s}理工学院', vocational: false, ownership: 'public' },
  { template: '{s}师范学院', vocational: false, ownership: 'public' },
  { template: '{s}医学院', vocational: false, ownership: 'public' },
  { template: '{s}学院', vocational: false, ownership: 'public' },
  { template: '{s}科技学院', vocational: false, ownership: 'private' },
  { template: '{s}职业技术学院', vocational: true, ownership: 'public' },
  { template: '{s}医学高等专科学校', vocational: true, ownership: 'public' },
] as const

/** A bureau's departments (处室), the same at province and city level. */
export const DEPARTMENT_NAMES = [
  '办公室',
  '高等教育处',
  '基础教育处',
  '职业教育与成人教育处',
  '学生处',
  '人事处',
  '信访办',
  '督导室',
  '发展规划处',
  '科技处',
] as const

/** The province's other 13 cities: invented names, none a real prefecture-level city. */
export const OTHER_CITY_NAMES = [
  '北川市',
  '临河市',
  '云岭市',
  '清源市',
  '望海市',
  '青峰市',
  '长平市',
  '松岭市',
  '白桦市',
  '河阳市',
  '南屏市',
  '东岳市',
  '西津市',
] as const

/** Stems for urban districts (…区). */
export const DISTRICT_STEMS: readonly string[] = words(
  '振兴 新华 兴隆 长安 解放 胜利 红旗 前进 建设 文化 友谊 光明 太平 立新 站前 河东 河西 江北 江南 城东 城西 城南 城北 高新 新城 湖滨 北湖 南湖 东湖 山海 龙湾 凤鸣 海港 望江 永安 向阳 东山 西山 北塔 南关 中心 铁东 沿江 金河 银州 明山',
)

/** Two halves of county stems (…县, …市): 安 + 平 → 安平县. */
export const COUNTY_FIRST: readonly string[] = words(
  '安 宁 平 康 庆 丰 昌 兴 福 永 长 德 怀 泰 顺 和 清 广 嘉 阳 文 武 盛 宝 通 建 隆 定 靖 乐 仁 义 信 昭 凌 桓 岫 宽 彰 绥 敦 桦 柳 梨 辉',
)
export const COUNTY_SECOND: readonly string[] = words(
  '平 宁 安 丰 阳 山 河 源 城 原 林 川 泉 水 江 海 岭 远 化 兴 昌 乐 明 德 甸 树 台 岩 屯 营',
)

/**
 * Real prefecture-level (and a few county-level) city names the county halves above could spell:
 * a county named 绥化县 would read as a mistake to anyone from the north-east.
 */
export const REAL_CITY_STEMS: ReadonlySet<string> = new Set(
  words(
    '安阳 宁德 庆阳 兴安 德阳 怀化 泰安 清远 广安 嘉兴 阳江 阳泉 文山 通化 乐山 信阳 绥化 敦化 丰城 凌源 兴城 桦甸',
  ),
)

/** Three parts of town and village stems: 大 + 柳 + 屯 → 大柳屯, 孙 + 家 + 窝堡 → 孙家窝堡. */
export const PLACE_FIRST: readonly string[] = words(
  '大 小 老 新 东 西 南 北 前 后 上 下 高 白 黄 红 青 石 柳 杨 榆 桃 梨 杏 沙 马 牛 羊 鹿 龙 凤 金 三 双 四 五 七 八 万 秀 叶 包 郝 孟 冯 赵 钱 孙 周 吴 郑 王 刘 张 李 陈 何 韩 于 付 蔡 姜 崔 邱 秦 曹 兴 太',
)
export const PLACE_MIDDLE: readonly string[] = words('家 官 柳 树 台 山 河 岗 泉 水 林 平 安 茂 面')
export const PLACE_LAST: readonly string[] = words(
  '屯 堡 台 河 沟 甸 岭 营 子 窝堡 坨 店 庄 铺 寨 泡 岗 洼 湾 桥 城 峪 家子 房身',
)

/** Streets and roads that urban schools are named after. */
export const STREETS: readonly string[] = words(
  '南京街 北京街 长白路 文化路 青年大街 黄河街 长江街 珠江街 松花江街 民主路 胜利街 光明街 建设路 兴华街 新华路 中山路 太原街 北市 南湖 五里河 万泉 北陵 三台子 小河沿 大南街 望花 滂江街 东陵路 沈州路 勋望 保工街 启工街 重工街 卫工街 肇工街 云峰街 艳粉街 兴工街 虹桥 泰山路 崇山路 陵东街 岐山路 宁山路 昆山路 华山路 黄山路 嵩山路 鸭绿江街 长青街 文艺路 文安路 振工街 砂山街 十三纬路 三好街 浑河站 白塔街 东塔街 八一路',
)

/** Descriptive names public schools take (育才, 育英, 实验 …). */
export const THEMES: readonly string[] = words(
  '实验 育才 育英 启明 博文 明德 文萃 朝阳 向阳 春晖 晨光 光明 东方 红星 新华 振兴 雷锋 英才 求是 励志 树人 立人 文华 新星 滨河 景星 友爱 培英 德才 崇文 尚德 敬业 育红 红旗 北关 南关',
)

/** Private school brands. */
export const PRIVATE_BRANDS: readonly string[] = words(
  '博雅 华英 启航 远航 世纪 华夏 卓越 弘文 嘉禾 金桥 明珠 思源 睿德 致远 新世纪 培元 格致 博才 翰林 慧德 精英 天骄 鸿文 誉华',
)

/** Private kindergarten brands. */
export const KINDERGARTEN_BRANDS: readonly string[] = words(
  '小天使 金色童年 蓝天 七彩虹 阳光宝贝 小太阳 童心 贝乐 星星 快乐岛 小博士 爱心 春苗 小海豚 彩虹桥 绿苗 小精灵 童趣 乐童 启智 育苗 智慧树 萌芽 小百灵 格林 蒲公英 小星星 童之梦 金摇篮 小橡树 贝贝 花蕾 小脚丫 嘟嘟 天天 哈哈 小叮当 开心果 童乐 新蕾',
)

/** Fictional people for the demo accounts. */
export const DEMO_PEOPLE = {
  leader: '周明远',
  department: '陈思雨',
  county: '刘晓东',
  school: '赵雪梅',
  expert: '孙立新',
  auditor: '吴国平',
} as const
