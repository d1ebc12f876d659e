/**
 * Demo petition cases (信访台账示例数据) for the demo org tree: cases received from 2015 up to
 * today, spread over the counties and their schools, each one moved through its statutory stages
 * only as far as today allows, with fake but well-formed petitioners (sealed like real ones), a
 * timeline, one campaign (专项行动) and a few resolution plans. Deterministic for a seed, except
 * the ciphertexts (AES-GCM draws a fresh IV).
 *
 * Built for 300,000 cases: ids are assigned here, rows go in as multi-row INSERTs compiled once
 * per shape (the query builder would spend longer building 15 million value nodes than the
 * database spends inserting them), one transaction per 10,000 cases, and every date is day-number
 * arithmetic over a table of the calendar. The stored deadline columns still come from `derived()`.
 */
import { CompiledQuery } from 'kysely'
import type { WorkCalendar } from '../../../domain/calendar/calendar.js'
import {
  OUTCOMES,
  type Outcome,
  SATISFACTIONS,
  type Satisfaction,
  type Status,
} from '../../../domain/petitions/lifecycle.js'
import { maskName } from '../../../domain/privacy/mask.js'
import type { Services, Tx } from '../../context.js'
import { type DialectName, resetIdentity } from '../../db/dialect.js'
import { PLACE_FIRST, PLACE_LAST, PLACE_MIDDLE, STREETS } from '../../demo/name-pools.js'
import { createRng, type Rng } from '../../demo/random.js'
import { idCheckChar } from '../../spreadsheet/parse-id.js'
import { workCalendar } from '../calendar/work-calendar.js'
import { derived } from './derive.js'
import { type PersonPlain, sealPerson } from './people.js'
import { type CaseRow, nextCaseNo } from './repository.js'
import type { PetitionEventTable, PetitionPersonTable } from './tables.js'
import { seedTaxonomy } from './taxonomy.js'
import { tokenize } from './tokens.js'

export interface PetitionDemoOptions {
  count: number
  seed: number
  /** YYYY-MM-DD in China: nothing happens after it. */
  today: string
}

const FIRST_DAY = '2015-01-01'
export const DEMO_CAMPAIGN = {
  name: '信访积案化解攻坚行动（大起底、大化解、大清仓）',
  cutoffOn: '2023-04-01',
  goal: '减存控增',
} as const
/** Stock cases tagged with the campaign. */
const CAMPAIGN_CASES = 200
const CASES_PER_TX = 10_000
const CASES_PER_CHUNK = 200
/** PostgreSQL only: SQLite writes in this thread, so yielding would only add turns of the loop. */
const YIELD_EVERY = 50
const CASES_PER_INSERT = 200
const ROWS_PER_INSERT = 1_000
/** Repeat petitions pick their original among the latest 1/40 of the cases: a few months back. */
const RECENT_SHARE = 1 / 40
const ACTOR = '系统（示例数据）'

// ---------------------------------------------------------------------------------------------
// Weights and texts

/**
 * A weighted pick by binary search over cumulative weights: `Rng.weighted` sums and scans the list
 * on every call, which adds up over a hundred surnames or counties times 300,000 cases.
 */
class Picker<T> {
  private readonly items: T[] = []
  private readonly upTo: number[] = []
  private readonly total: number
  constructor(pairs: readonly (readonly [T, number])[]) {
    let sum = 0
    for (const [item, w] of pairs) {
      if (!(w > 0)) continue
      sum += w
      this.items.push(item)
      this.upTo.push(sum)
    }
    if (sum <= 0) throw new RangeError('Picker needs a positive total weight')
    this.total = sum
  }
  pick(rng: Rng): T {
    const r = rng.next() * this.total
    let lo = 0
    let hi = this.upTo.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.upTo[mid] as number) > r) hi = mid
      else lo = mid + 1
    }
    return this.items[lo] as T
  }
}

/** Category weights, by name without the trailing 类 (so an edited '教师待遇' still matches). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  教师待遇: 22,
  职称评聘: 14,
  人事编制: 13,
  招生入学: 15,
  学校管理: 15,
  民办教育: 9,
  师德师风: 12,
}
const DEMAND_WEIGHTS: Record<string, number> = {
  非公办教师补助: 55,
  社会保险缴纳: 20,
  工资待遇落实: 25,
  收费问题: 40,
  食堂管理: 20,
  校园安全: 40,
  义务教育入学: 45,
  随迁子女入学: 30,
  中考招生: 25,
  乡村教师职称评定: 50,
  职称聘任: 50,
}
/** Share of accusations (检举控告) by category; about 5% overall. */
const ACCUSATION: Record<string, number> = { 师德师风: 0.3, 学校管理: 0.06, 民办教育: 0.03 }
/** Categories about teachers themselves: the county, not one school, is more often concerned. */
const TEACHER_MATTERS = new Set(['教师待遇', '职称评聘', '人事编制'])
/** 包案领导 by category (the bureau's division of work), with 王局长 taking some of everything. */
const LEADER_OF: Record<string, string> = {
  教师待遇: '张副局长',
  职称评聘: '张副局长',
  人事编制: '张副局长',
  招生入学: '李副局长',
  民办教育: '李副局长',
  学校管理: '赵副局长',
  师德师风: '赵副局长',
}
const LEADERS = ['张副局长', '李副局长', '王局长', '赵副局长'] as const

const SUMMARIES: Record<string, readonly string[]> = {
  体罚学生: [
    '反映某校教师多次体罚学生，造成学生身心伤害，要求严肃处理。',
    '家长反映班主任对学生罚站、打手心，请求调查处理。',
    '反映教师辱骂、变相体罚学生，要求学校公开道歉。',
  ],
  有偿补课: [
    '反映在职教师组织学生有偿补课，变相收费，要求查处。',
    '家长反映教师暗示学生参加其校外辅导班，请求整治。',
    '反映教师利用寒暑假在家中办班收费补课。',
  ],
  违规收受礼品: [
    '反映教师在教师节收受家长礼品礼金，要求调查。',
    '家长反映班主任借毕业之机收受学生家长购物卡。',
    '反映教师通过微信群暗示家长送礼。',
  ],
  编制调整: [
    '反映学校教师编制长期不足，代课教师多年未能入编，请求核增编制。',
    '反映乡村学校编制被借调占用，一线教师缺员。',
    '请求按生师比重新核定学校教职工编制。',
  ],
  教师岗位设置: [
    '反映学校中高级岗位设置比例过低，教师长期无法晋升，请求调整。',
    '反映岗位设置方案未经教职工大会讨论通过。',
    '反映交流轮岗教师岗位安排不合理。',
  ],
  招聘考试: [
    '反映教师招聘考试面试评分不公，要求公开成绩和评分细则。',
    '反映招聘公告资格条件设置不合理，限制应聘。',
    '对特岗教师招聘体检结果有异议，请求复检。',
  ],
  乡村教师职称评定: [
    '反映乡村教师职称评定名额过少，任教三十年仍为中级职称，请求倾斜。',
    '反映乡村学校教师评审条件与城区一致，未体现政策倾斜。',
    '反映在乡村学校任教满二十年未按政策评定高级职称。',
  ],
  职称聘任: [
    '反映已取得高级职称多年未被聘任，工资待遇未兑现，请求落实聘任。',
    '反映学校职称聘任排序办法不公开、不公平。',
    '反映职称评审材料被退回，要求说明理由。',
  ],
  义务教育入学: [
    '反映孩子按学区应就近入学，但未被学区学校录取，请求协调。',
    '反映学区划分调整后孩子需跨区上学，距离过远。',
    '反映房产证与户籍不一致导致孩子无法在学区学校报名。',
  ],
  随迁子女入学: [
    '反映进城务工人员随迁子女入学材料要求过多，孩子无法入学。',
    '反映随迁子女被安排到较远学校就读，请求就近安排。',
    '反映随迁子女居住证办理时限不足，影响入学报名。',
  ],
  中考招生: [
    '反映中考加分政策执行不公，要求公开加分名单。',
    '反映中考志愿填报指导有误，导致孩子未被录取。',
    '对中考成绩有异议，请求查分复核。',
  ],
  办学资质: [
    '反映某培训机构无证办学，存在安全隐患，请求取缔。',
    '反映民办幼儿园未取得办学许可证擅自招生。',
    '反映民办学校超范围办学、虚假宣传。',
  ],
  退费纠纷: [
    '反映民办学校停办后预收学费不予退还，请求协调退费。',
    '反映校外培训机构停业，家长预交课时费无法退回。',
    '反映孩子转学后民办学校拒绝按比例退还学费。',
  ],
  收费问题: [
    '反映学校违规收取资料费、校服费，要求退还。',
    '反映学校代收午餐费标准过高且账目不公开。',
    '反映学校强制学生购买教辅资料。',
    '反映课后服务收费未经家长同意。',
  ],
  食堂管理: [
    '反映学校食堂饭菜质量差、分量不足，要求整改。',
    '反映学校食堂卫生状况差，学生出现肠胃不适。',
    '反映食堂承包经营价格过高。',
  ],
  校园安全: [
    '反映学校门口交通秩序混乱，存在安全隐患，请求设置护学岗。',
    '反映学生在校内受伤后学校处理不当，要求赔偿。',
    '反映校园欺凌事件处理不及时，要求学校严肃处理。',
    '反映校舍墙体开裂，担心学生安全。',
  ],
  非公办教师补助: [
    '原民办教师反映退休后未享受生活补助，请求按政策落实。',
    '原代课教师反映任教多年，请求落实养老保险补缴和生活补助。',
    '反映原民办教师教龄认定有误，补助标准偏低。',
    '原代课教师请求参照公办教师给予待遇。',
  ],
  社会保险缴纳: [
    '反映学校未为聘用教师足额缴纳社会保险。',
    '反映民办学校教师社保断缴，影响退休。',
    '请求补缴任教期间的养老保险。',
  ],
  工资待遇落实: [
    '反映教师平均工资不低于当地公务员平均工资的政策未落实。',
    '反映乡村教师生活补助未按时发放。',
    '反映绩效工资分配方案不合理，要求公开。',
    '反映班主任津贴多年未调整。',
  ],
}
const genericSummaries = (demand: string) => [
  `反映${demand}方面的问题，请求依法处理。`,
  `就${demand}问题提出诉求，希望尽快解决。`,
]

const PLAN_TEXT: Record<string, { title: string; owner: string; measures: string }> = {
  教师待遇: {
    title: '原民办代课教师待遇问题化解方案',
    owner: '王局长（人事科、计财科）',
    measures: '摸清底数、逐人建档；按政策落实生活补助和养老保险补缴；对政策外诉求做好解释疏导。',
  },
  职称评聘: {
    title: '教师职称评聘遗留问题化解方案',
    owner: '张副局长（人事科）',
    measures: '开展职称评聘专项核查；评审名额向乡村学校倾斜；已评未聘人员分批落实聘任。',
  },
  人事编制: {
    title: '中小学教职工编制核定问题化解方案',
    owner: '张副局长（人事科）',
    measures: '会同编制部门重新核定编制；清理借调占编；制定代课教师逐步消化方案。',
  },
  招生入学: {
    title: '义务教育招生入学信访化解方案',
    owner: '李副局长（基础教育科）',
    measures: '提前公开学区划分和入学政策；建立随迁子女入学绿色通道；逐案复核未录取情况。',
  },
  学校管理: {
    title: '学校规范收费与校园安全专项整治方案',
    owner: '赵副局长（安全稳定科）',
    measures: '全面清理违规收费并限期退还；落实护学岗和校园安全隐患排查；建立家长监督机制。',
  },
  民办教育: {
    title: '民办学校及培训机构退费纠纷化解方案',
    owner: '李副局长（民办教育科）',
    measures: '建立预收费监管账户；会同市场监管部门处置无证办学；逐户协调退费。',
  },
  师德师风: {
    title: '师德师风问题专项整治方案',
    owner: '赵副局长（教师工作科）',
    measures: '逐件核查举报线索；对查实问题依规处理并通报；开展师德警示教育。',
  },
}

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文',
]
/** The most common surnames come up more often, as they do. */
const SURNAME_PICKER = new Picker(SURNAMES.map((s, i) => [s, i < 10 ? 6 : i < 30 ? 3 : 1] as const))
const GIVEN_ONE = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚辉鹏华飞玲红宇浩凯琳斌']
const GIVEN_TWO = [
  '秀英',
  '秀兰',
  '桂英',
  '建国',
  '建华',
  '志强',
  '海燕',
  '玉兰',
  '淑珍',
  '凤英',
  '红梅',
  '国庆',
  '丽华',
  '春梅',
  '立新',
  '德明',
  '晓东',
  '晓梅',
  '玉梅',
  '桂兰',
  '永刚',
  '金凤',
  '俊杰',
  '雪梅',
  '文静',
  '子涵',
  '欣怡',
  '浩然',
  '宇航',
  '佳琪',
  '振华',
  '国强',
  '淑芬',
  '长春',
  '志刚',
  '艳华',
  '丽娟',
  '海波',
  '春生',
  '福林',
]
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '199',
]
const CHANNELS = [
  ['online', 38],
  ['letter', 20],
  ['phone', 14],
  ['fax', 3],
  ['visit', 25],
] as const
type Channel = (typeof CHANNELS)[number][0]
/** How often a petitioner gives each personal field, by channel (visits are 实名; calls often not). */
const GIVES: Record<Channel, { id: number; phone: number; address: number }> = {
  online: { id: 0.9, phone: 0.95, address: 0.2 },
  letter: { id: 0.55, phone: 0.8, address: 0.8 },
  phone: { id: 0.4, phone: 1, address: 0.05 },
  fax: { id: 0.6, phone: 0.9, address: 0.4 },
  visit: { id: 1, phone: 0.95, address: 0.25 },
}
/** Event details, serialised once: the same few strings stand for over a million events. */
const NOTE_ONLY = JSON.stringify({ note: null })
const DECLINE_JSON = [
  '不属于教育行政部门职权范围，已告知向有权机关提出',
  '已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，已告知',
  '诉求已依法处理完毕且无新的事实和理由，不再受理',
].map((note) => JSON.stringify({ note }))
const REPLY_JSON = Object.fromEntries(
  OUTCOMES.map((outcome) => [outcome, JSON.stringify({ note: null, outcome })]),
) as Record<Outcome, string>
const VISIT_JSON = Object.fromEntries(
  SATISFACTIONS.map((satisfaction) => [satisfaction, JSON.stringify({ note: null, satisfaction })]),
) as Record<Satisfaction, string>
const FINAL_AFTER_REPLY = JSON.stringify({ note: '复查申请期限届满，信访事项终结' })
const FINAL_AFTER_REVIEW = JSON.stringify({ note: '复核申请期限届满，信访事项终结' })
const REGISTER_JSON = new Map(
  CHANNELS.map(([channel]) => [channel, JSON.stringify({ channel, duplicateOf: null })]),
)
const SATISFACTION_BY_OUTCOME: Record<Outcome, readonly (readonly [Satisfaction, number])[]> = {
  supported: [
    ['satisfied', 75],
    ['basic', 22],
    ['unsatisfied', 3],
  ],
  explained: [
    ['satisfied', 50],
    ['basic', 36],
    ['unsatisfied', 14],
  ],
  not_supported: [
    ['satisfied', 20],
    ['basic', 38],
    ['unsatisfied', 42],
  ],
}

// ---------------------------------------------------------------------------------------------
// Days: integers since 1970-01-01 (UTC), with the working-day calendar tabulated once

const MS_PER_DAY = 86_400_000
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY

class DayTable {
  private readonly isos: string[] = []
  private readonly nextWorking: number[] = []
  private readonly working = new Map<string, boolean>()
  /** The same calendar, answering from the table: the domain's date maths asks it a lot. */
  readonly calendar: WorkCalendar
  constructor(
    cal: WorkCalendar,
    readonly first: number,
    readonly last: number,
  ) {
    for (let d = first; d <= last; d++) this.isos.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10))
    // From the end backwards: each day's next working day is itself or the next day's.
    const n = last - first + 1
    this.nextWorking = new Array<number>(n)
    let next = last + 1
    for (let i = n - 1; i >= 0; i--) {
      const iso = this.isos[i] as string
      const works = cal.isWorkingDay(iso)
      this.working.set(iso, works)
      if (works) next = first + i
      this.nextWorking[i] = next
    }
    const working = this.working
    this.calendar = { isWorkingDay: (date) => working.get(date) ?? cal.isWorkingDay(date) }
  }
  iso(d: number): string {
    const s = this.isos[d - this.first]
    if (s === undefined) throw new RangeError(`day ${d} is outside the demo's calendar table`)
    return s
  }
  /** The day itself if it is a working day, else the next working day (statutory period end). */
  wd(d: number): number {
    const w = this.nextWorking[d - this.first]
    if (w === undefined || w > this.last)
      throw new RangeError(`day ${d} is outside the demo's calendar table`)
    return w
  }
}

// ---------------------------------------------------------------------------------------------
// Units, taxonomy, people

interface Unit {
  id: number
  path: string
  name: string
  shortName: string
}
interface County extends Unit {
  code: string
  urban: boolean
  city: Unit
  cityLeader: string
  regionLeader: string
  schools: Unit[]
  privates: Unit[]
}
interface Demand {
  id: number
  name: string
  weight: number
  /** Summary variants with their tokens, tokenised once each. */
  texts: { summary: string; tokens: string }[]
}
interface Category {
  id: number
  key: string
  weight: number
  demands: Demand[]
}
interface Person extends PersonPlain {
  name: string
}

const baseName = (name: string) => name.replace(/类$/, '')

async function loadUnits(db: Tx, rng: Rng): Promise<County[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'path', 'kind', 'name', 'short_name', 'code', 'ownership'])
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const unit = (r: (typeof rows)[number]): Unit => ({
    id: r.id,
    path: r.path,
    name: r.name,
    shortName: r.short_name,
  })
  const leaders = new Map<number, string>()
  const leaderOf = (id: number, title: string) => {
    const have = leaders.get(id)
    if (have) return have
    const made = `${rng.pick(SURNAMES.slice(0, 40))}${title}`
    leaders.set(id, made)
    return made
  }
  const counties: County[] = []
  const byPath = new Map<string, County>()
  for (const r of rows) {
    if (r.kind !== 'county') continue
    // The bureau above the county: its city, or whatever unit it hangs from.
    let up = r.parent_id === null ? undefined : byId.get(r.parent_id)
    while (up && up.kind !== 'city' && up.parent_id !== null) up = byId.get(up.parent_id)
    const cityRow = up ?? r
    const suffix = r.name.endsWith('县') ? '副县长' : r.name.endsWith('市') ? '副市长' : '副区长'
    const c: County = {
      ...unit(r),
      code: r.code && /^\d{6}$/.test(r.code) ? r.code : '210102',
      urban: r.name.endsWith('区'),
      city: unit(cityRow),
      cityLeader: leaderOf(cityRow.id, '副市长'),
      regionLeader: leaderOf(r.id, suffix),
      schools: [],
      privates: [],
    }
    counties.push(c)
    byPath.set(r.path, c)
  }
  for (const r of rows) {
    if (r.kind !== 'school' && r.kind !== 'kindergarten') continue
    const parts = r.path.split('/').filter(Boolean)
    for (let i = parts.length - 1; i > 0; i--) {
      const c = byPath.get(`/${parts.slice(0, i).join('/')}/`)
      if (!c) continue
      c.schools.push(unit(r))
      if (r.ownership === 'private') c.privates.push(unit(r))
      break
    }
  }
  return counties
}

async function loadTaxonomy(db: Tx): Promise<Category[]> {
  const rows = await db
    .selectFrom('petition_categories')
    .select(['id', 'parent_id', 'name'])
    .where('voided_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute()
  const cats: Category[] = []
  for (const r of rows) {
    if (r.parent_id !== null) continue
    const key = baseName(r.name)
    const demands = rows
      .filter((d) => d.parent_id === r.id)
      .map((d) => ({
        id: d.id,
        name: d.name,
        weight: DEMAND_WEIGHTS[d.name] ?? 30,
        texts: (SUMMARIES[d.name] ?? genericSummaries(d.name)).map((summary) => ({
          summary,
          // As registering a case computes them; once per text, jieba is slow per call.
          tokens: tokenize(`${d.name} ${summary}`).join(' '),
        })),
      }))
    if (demands.length > 0) cats.push({ id: r.id, key, weight: CATEGORY_WEIGHTS[key] ?? 3, demands })
  }
  return cats
}

const pad = (n: number, w: number) => String(n).padStart(w, '0')

function fakePerson(rng: Rng, county: County, channel: Channel, needId: boolean): Person {
  const surname = SURNAME_PICKER.pick(rng)
  const name = `${surname}${rng.chance(0.3) ? rng.pick(GIVEN_ONE) : rng.pick(GIVEN_TWO)}`
  const gives = GIVES[channel]
  const p: Person = { name }
  if (needId || rng.chance(gives.id)) {
    const first17 = `${county.code}${rng.int(1950, 2002)}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}${pad(rng.int(1, 999), 3)}`
    p.idNumber = `${first17}${idCheckChar(first17)}`
  }
  if (rng.chance(gives.phone)) p.phone = `${rng.pick(MOBILE_PREFIXES)}${pad(rng.int(0, 99_999_999), 8)}`
  if (rng.chance(gives.address)) {
    p.address =
      county.urban || rng.chance(0.3)
        ? `${county.name}${rng.pick(STREETS)}${rng.int(1, 299)}号${rng.int(1, 30)}栋${rng.int(1, 6)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`
        : `${county.name}${rng.pick(PLACE_FIRST)}${rng.pick(PLACE_MIDDLE)}镇${rng.pick(PLACE_FIRST)}${rng.pick(PLACE_MIDDLE)}${rng.pick(PLACE_LAST)}村${rng.int(1, 12)}组`
  }
  return p
}

// ---------------------------------------------------------------------------------------------
// One case's life up to today

interface Step {
  action: string
  on: number
  /** detail_json, as the use cases write it. */
  detail: string
}
interface Life {
  status: Status
  forwardedOn: number | null
  acceptedOn: number | null
  extensionDays: number
  repliedOn: number | null
  outcome: Outcome | null
  reviewRequestedOn: number | null
  reviewDecidedOn: number | null
  rereviewRequestedOn: number | null
  rereviewDecidedOn: number | null
  closedOn: number | null
  satisfaction: Satisfaction | null
  visitedOn: number | null
  steps: Step[]
}

interface LifePlan {
  received: number
  /** Registered by this unit and forwarded (交办) to the responsible one. */
  forwardFrom: Unit | null
  responsible: Unit
  leader: string
  /** 积案: accepted, then stuck; resolved late (often during the campaign) or not yet. */
  hard: boolean
  kind: string
}

/** The working day on or after `raw`, or null when that is after today. */
function stepDay(days: DayTable, today: number, raw: number): number | null {
  if (raw > today) return null
  const d = days.wd(raw)
  return d > today ? null : d
}

/**
 * Plays the case forward step by step; the first step that would fall after today ends it, so the
 * status is wherever the case has got to. Every step is on a working day and never before the last.
 */
function live(rng: Rng, days: DayTable, today: number, cutoff: number, plan: LifePlan): Life {
  const life: Life = {
    status: 'registered',
    forwardedOn: null,
    acceptedOn: null,
    extensionDays: 0,
    repliedOn: null,
    outcome: null,
    reviewRequestedOn: null,
    reviewDecidedOn: null,
    rereviewRequestedOn: null,
    rereviewDecidedOn: null,
    closedOn: null,
    satisfaction: null,
    visitedOn: null,
    steps: [],
  }
  const at = (raw: number) => stepDay(days, today, raw)
  const R = plan.received
  if (plan.forwardFrom) {
    const f = at(R + rng.int(0, 3))
    if (f === null) return life
    life.status = 'forwarded'
    life.forwardedOn = f
    life.steps.push({
      action: 'forward',
      on: f,
      detail: JSON.stringify({
        note: '按照属地管理、分级负责原则转交办理',
        fromUnitId: plan.forwardFrom.id,
        toUnitId: plan.responsible.id,
        toUnit: plan.responsible.shortName,
      }),
    })
  }

  if (!plan.hard && rng.chance(plan.kind === 'suggestion' ? 0.01 : 0.035)) {
    const d = at((life.forwardedOn ?? R) + rng.int(3, 14))
    if (d === null) return life
    life.status = 'not_accepted'
    life.closedOn = d
    life.steps.push({ action: 'decline', on: d, detail: rng.pick(DECLINE_JSON) })
    return life
  }

  // 受理: mostly within the 15 days, some a few days late.
  const r = rng.next()
  const delay = r < 0.88 ? rng.int(1, 15) : r < 0.985 ? rng.int(16, 20) : rng.int(21, 40)
  const A = at(Math.max(R + delay, (life.forwardedOn ?? R) + 1))
  if (A === null) return life
  life.status = 'handling'
  life.acceptedOn = A
  life.steps.push({ action: 'accept', on: A, detail: NOTE_ONLY })

  // 延期: approved before the 60 days run out, never more than 30 days in total.
  const extend = plan.hard ? rng.chance(0.6) : rng.chance(0.12)
  if (extend) {
    const ext = plan.hard
      ? 30
      : rng.weighted([
          [10, 2],
          [15, 3],
          [20, 2],
          [30, 3],
        ] as const)
    const E = at(A + rng.int(40, 56))
    if (E === null) return life
    life.status = 'extended'
    life.extensionDays = ext
    life.steps.push({
      action: 'extend',
      on: E,
      detail: JSON.stringify({
        note: '案情复杂，需进一步调查核实，经批准延期办理',
        days: ext,
        approvedBy: plan.leader,
      }),
    })
  }
  const handlingDue = days.wd(A + 60 + life.extensionDays)

  // 答复
  let raw: number
  if (plan.hard) {
    const lag = Math.round(-Math.log(1 - rng.next()) * (R < cutoff ? 220 : 150))
    if (R < cutoff) {
      if (rng.chance(0.45)) return life
      raw = Math.max(handlingDue + rng.int(1, 60), cutoff + rng.int(0, 30) + lag)
    } else {
      if (rng.chance(0.45)) return life
      raw = handlingDue + rng.int(1, 30) + lag
    }
  } else if (rng.chance(extend ? 0.9 : 0.93)) {
    // Many replies come close to the deadline, some on its last days.
    const u = rng.next()
    raw = extend
      ? A + rng.int(60, 59 + life.extensionDays)
      : u < 0.4
        ? A + rng.int(20, 44)
        : u < 0.8
          ? A + rng.int(45, 57)
          : Math.max(A + 57, handlingDue - rng.int(0, 2))
  } else {
    raw = handlingDue + rng.int(1, 25)
  }
  const P = at(raw)
  if (P === null) return life
  const outcome: Outcome =
    plan.kind === 'suggestion'
      ? rng.chance(0.4)
        ? 'supported'
        : 'explained'
      : rng.weighted([
          ['supported', 35],
          ['explained', 45],
          ['not_supported', 20],
        ] as const)
  life.status = 'replied'
  life.repliedOn = P
  life.closedOn = P
  life.outcome = outcome
  life.steps.push({ action: 'reply', on: P, detail: REPLY_JSON[outcome] })

  // 回访 for about 60% of replies.
  let after = P
  if (rng.chance(0.62)) {
    const V = at(P + rng.int(3, 20))
    if (V === null) return life
    const satisfaction = rng.weighted(SATISFACTION_BY_OUTCOME[outcome])
    life.visitedOn = V
    life.satisfaction = satisfaction
    life.steps.push({ action: 'visit', on: V, detail: VISIT_JSON[satisfaction] })
    after = V
  }

  // 复查 within 30 days of the reply, mostly by the unsatisfied.
  const reviewChance =
    life.satisfaction === 'unsatisfied'
      ? 0.45
      : life.satisfaction === null
        ? 0.05
        : life.satisfaction === 'basic'
          ? 0.04
          : 0.01
  if (rng.chance(reviewChance) && after < P + 30) {
    const RR = at(Math.min(P + 30, after + rng.int(1, 12)))
    if (RR === null) return life
    life.status = 'review'
    life.reviewRequestedOn = RR
    life.steps.push({ action: 'request_review', on: RR, detail: NOTE_ONLY })
    const RD = at(RR + rng.int(10, 28))
    if (RD === null) return life
    life.status = 'reviewed'
    life.reviewDecidedOn = RD
    life.steps.push({ action: 'decide_review', on: RD, detail: NOTE_ONLY })
    if (rng.chance(0.3)) {
      const RRR = at(RD + rng.int(5, 28))
      if (RRR === null) return life
      life.status = 'rereview'
      life.rereviewRequestedOn = RRR
      life.steps.push({ action: 'request_rereview', on: RRR, detail: NOTE_ONLY })
      const RRD = at(RRR + rng.int(10, 28))
      if (RRD === null) return life
      life.status = 'final'
      life.rereviewDecidedOn = RRD
      life.steps.push({ action: 'decide_rereview', on: RRD, detail: NOTE_ONLY })
    } else if (rng.chance(0.5)) {
      const F = at(days.wd(RD + 30) + rng.int(1, 20))
      if (F === null) return life
      life.status = 'final'
      life.steps.push({ action: 'finalise', on: F, detail: FINAL_AFTER_REVIEW })
    }
  } else if (rng.chance(0.12)) {
    const F = at(days.wd(P + 30) + rng.int(1, 20))
    if (F === null) return life
    life.status = 'final'
    life.steps.push({ action: 'finalise', on: F, detail: FINAL_AFTER_REPLY })
  }
  return life
}

// ---------------------------------------------------------------------------------------------
// Bulk inserts

/**
 * Multi-row inserts of rows that all have the same keys (column names of our own, never input).
 * SQLite: `insert … values (?, …), …`, a few hundred rows a statement (its variable limit is
 * 32,766). PostgreSQL: one `insert … select … from json_populate_recordset(null::t, $1)` per
 * batch, the rows as one JSON parameter: a short statement instead of thousands of parameters.
 */
class BulkWriter {
  private readonly sqlCache = new Map<string, string>()

  constructor(private readonly dialect: DialectName) {}

  async insert(trx: Tx, table: string, rows: readonly object[], perStatement: number): Promise<void> {
    const first = rows[0]
    if (!first) return
    const cols = Object.keys(first)
    if (this.dialect === 'postgres') {
      const list = cols.map((c) => `"${c}"`).join(', ')
      const text = this.cached(
        `${table}|${cols.join(',')}`,
        () =>
          `insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", $1)`,
      )
      await trx.executeQuery(CompiledQuery.raw(text, [JSON.stringify(rows)]))
      return
    }
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement) as readonly Record<string, unknown>[]
      const params: unknown[] = []
      for (const r of chunk) for (const c of cols) params.push(r[c] ?? null)
      const text = this.cached(`${table}|${cols.join(',')}|${chunk.length}`, () => {
        const tuple = `(${cols.map(() => '?').join(', ')})`
        return `insert into "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) values ${new Array(chunk.length).fill(tuple).join(', ')}`
      })
      await trx.executeQuery(CompiledQuery.raw(text, params))
    }
  }

  private cached(key: string, make: () => string): string {
    let text = this.sqlCache.get(key)
    if (text === undefined) {
      text = make()
      this.sqlCache.set(key, text)
    }
    return text
  }
}

// ---------------------------------------------------------------------------------------------
// The loader

interface Batch {
  cases: CaseRow[]
  people: WithId<PetitionPersonTable>[]
  events: WithId<PetitionEventTable>[]
}

/** What a case is about and who answers for it. */
interface Matter {
  category: Category
  demand: Demand
  county: County
  /** The unit concerned (涉及单位): the county or one of its schools. */
  unit: Unit
  level: 'city' | 'county' | 'school'
  responsible: Unit
  kind: 'claim' | 'suggestion' | 'accusation'
}
interface Original {
  id: number
  person: Person
  matter: Matter
}

type WithId<T> = Omit<T, 'id'> & { id: number }

interface Pickers {
  county: Picker<County>
  category: Picker<Category>
  demand: Map<number, Picker<Demand>>
}

function pickMatter(g: Rng, pickers: Pickers): Matter {
  const category = pickers.category.pick(g)
  const demand = (pickers.demand.get(category.id) as Picker<Demand>).pick(g)
  const county = pickers.county.pick(g)
  const kind = g.chance(ACCUSATION[category.key] ?? 0.01)
    ? 'accusation'
    : g.chance(category.key === '学校管理' || category.key === '招生入学' ? 0.2 : 0.12)
      ? 'suggestion'
      : 'claim'
  const pool = category.key === '民办教育' && county.privates.length > 0 ? county.privates : county.schools
  const atCounty =
    pool.length === 0 || (kind !== 'accusation' && g.chance(TEACHER_MATTERS.has(category.key) ? 0.45 : 0.12))
  const unit = atCounty ? county : g.pick(pool)
  const level = atCounty
    ? g.chance(0.25)
      ? 'city'
      : 'county'
    : g.weighted([
        ['city', 12],
        ['county', 55],
        // An accused school does not handle its own accusation; private schools answer to the county.
        ['school', kind === 'accusation' || category.key === '民办教育' ? 0 : 33],
      ] as const)
  const responsible = level === 'city' ? county.city : level === 'county' ? county : unit
  return { category, demand, county, unit, level, responsible, kind }
}

/**
 * Inserts `count` demo cases into a database that has the demo org tree, plus the demo campaign
 * and plans. Returns how many cases went in.
 */
export async function loadPetitionDemo(
  services: Services,
  opts: PetitionDemoOptions,
): Promise<{ cases: number }> {
  const { db, dialect, personal } = services
  const at = services.now().toISOString()
  const count = Math.max(0, Math.floor(opts.count))
  await db.transaction().execute((trx) => seedTaxonomy(trx, at))
  if (count === 0) return { cases: 0 }

  const rng = createRng(opts.seed).fork('petitions')
  const counties = await loadUnits(db, rng.fork('units'))
  if (counties.length === 0) throw new Error('the petition demo needs the demo org tree (no counties found)')
  const categories = await loadTaxonomy(db)
  if (categories.length === 0) throw new Error('the petition demo needs the petition taxonomy')
  const cal = await workCalendar(db)

  const today = dayNumber(opts.today)
  const start = Math.min(dayNumber(FIRST_DAY), today)
  const cutoff = dayNumber(DEMO_CAMPAIGN.cutoffOn)
  const days = new DayTable(cal, start - 1, today + 3_000)

  // When: more cases in later years, mostly on working days; sorted, so ids and numbers follow time.
  const when = rng.fork('received')
  const lastYear = Number(opts.today.slice(0, 4))
  const years: (readonly [number, number])[] = []
  for (let y = Math.min(2015, lastYear); y <= lastYear; y++) {
    const from = Math.max(start, dayNumber(`${y}-01-01`))
    const to = Math.min(today, dayNumber(`${y}-12-31`))
    if (to >= from) years.push([y, 1.1 ** (y - 2015) * (to - from + 1)])
  }
  const yearPicker = new Picker(years)
  const received = new Int32Array(count)
  for (let i = 0; i < count; i++) {
    const y = yearPicker.pick(when)
    const from = Math.max(start, dayNumber(`${y}-01-01`))
    const to = Math.min(today, dayNumber(`${y}-12-31`))
    let d = when.int(from, to)
    if (when.chance(0.85)) {
      const w = days.wd(d)
      if (w <= today) d = w
    }
    received[i] = d
  }
  received.sort()

  const ids = await db
    .selectFrom('petition_cases')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  const pids = await db
    .selectFrom('petition_people')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  const eids = await db
    .selectFrom('petition_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  let nextCase = Number(ids?.id ?? 0) + 1
  let nextPerson = Number(pids?.id ?? 0) + 1
  let nextEvent = Number(eids?.id ?? 0) + 1
  const caseNoNext = new Map<string, number>()
  for (const [y] of years) {
    const no = await nextCaseNo(db, String(y))
    caseNoNext.set(String(y), Number(no.slice(6)))
  }

  const pickers: Pickers = {
    // Bigger counties, more cases.
    county: new Picker(counties.map((c) => [c, c.schools.length + 10] as const)),
    category: new Picker(categories.map((c) => [c, c.weight] as const)),
    demand: new Map(categories.map((c) => [c.id, new Picker(c.demands.map((d) => [d, d.weight] as const))])),
  }
  const eventAt = (on: number) => {
    const t = `${days.iso(on)}T02:00:00.000Z`
    return t < at ? t : at
  }

  const g = rng.fork('cases')
  const recent: Original[] = []
  const recentMax = Math.max(30, Math.round(count * RECENT_SHARE))
  let ring = 0
  const stock: number[] = []
  const openByCategory = new Map<number, number>()
  const openByDemand = new Map<number, number>()

  /**
   * Generates cases [from, to). On PostgreSQL it yields to the event loop now and then, so that
   * the previous batch's statements keep the server busy while this one is computed.
   */
  const pipelined = dialect === 'postgres'
  const generate = async (from: number, to: number): Promise<Batch> => {
    const cases: CaseRow[] = []
    const people: WithId<PetitionPersonTable>[] = []
    const events: WithId<PetitionEventTable>[] = []
    for (let i = from; i < to; i++) {
      if (pipelined && (i - from) % YIELD_EVERY === YIELD_EVERY - 1)
        await new Promise<void>((r) => setImmediate(r))
      const id = nextCase++
      const R = received[i] as number
      const receivedOn = days.iso(R)
      const year = receivedOn.slice(0, 4)
      const seq = caseNoNext.get(year) ?? 1
      caseNoNext.set(year, seq + 1)
      const channel: Channel = g.weighted(CHANNELS)

      // A repeat petition: the same person on the same matter, a while after the first.
      const original = recent.length > 0 && g.chance(0.03) ? g.pick(recent) : undefined
      const m = original?.matter ?? pickMatter(g, pickers)
      const { category, demand, county, unit, level, responsible, kind } = m
      let persons: Person[]
      let groupSize: number | null = null
      if (original) persons = [original.person]
      else {
        const group = channel === 'visit' && kind !== 'accusation' && g.chance(0.14)
        if (group) groupSize = g.int(6, 60)
        const reps = group ? g.int(1, 5) : 1
        persons = []
        for (let k = 0; k < reps; k++) persons.push(fakePerson(g, county, channel, group))
      }
      const text = g.pick(demand.texts)
      const leader = g.chance(0.15) ? g.pick(LEADERS) : (LEADER_OF[category.key] ?? g.pick(LEADERS))
      const forwardFrom =
        level === 'county' && g.chance(0.35)
          ? county.city
          : level === 'school' && g.chance(0.4)
            ? county
            : null
      const y = Number(year)
      const hard =
        !original &&
        g.chance(R < cutoff ? (y >= 2019 ? 0.15 : y >= 2017 ? 0.08 : 0.04) : R < today - 180 ? 0.12 : 0.05)
      const life = live(g, days, today, cutoff, { received: R, forwardFrom, responsible, leader, hard, kind })

      const dates = {
        received_on: receivedOn,
        forwarded_on: life.forwardedOn === null ? null : days.iso(life.forwardedOn),
        accepted_on: life.acceptedOn === null ? null : days.iso(life.acceptedOn),
        extension_days: life.extensionDays,
        replied_on: life.repliedOn === null ? null : days.iso(life.repliedOn),
        review_requested_on: life.reviewRequestedOn === null ? null : days.iso(life.reviewRequestedOn),
        review_decided_on: life.reviewDecidedOn === null ? null : days.iso(life.reviewDecidedOn),
        rereview_requested_on: life.rereviewRequestedOn === null ? null : days.iso(life.rereviewRequestedOn),
        rereview_decided_on: life.rereviewDecidedOn === null ? null : days.iso(life.rereviewDecidedOn),
      }
      const accused = kind === 'accusation' ? unit : null
      cases.push({
        id,
        case_no: `XF${year}${pad(seq, 5)}`,
        channel,
        kind,
        group_size: groupSize,
        category_id: category.id,
        demand_id: demand.id,
        summary: text.summary,
        tokens: text.tokens,
        org_unit_id: unit.id,
        county_id: county.id,
        level,
        responsible_unit_id: responsible.id,
        scope_path: responsible.path,
        responsible_leader: leader,
        region_leader: level === 'city' ? county.cityLeader : county.regionLeader,
        accused_unit_id: accused?.id ?? null,
        accused_path: accused?.path ?? null,
        accused_user_id: null,
        petitioner_mask: maskName(persons[0]?.name ?? ''),
        people_count: persons.length,
        status: life.status,
        ...dates,
        forwarded_to_unit_id: forwardFrom ? responsible.id : null,
        outcome: life.outcome,
        closed_on: life.closedOn === null ? null : days.iso(life.closedOn),
        satisfaction: life.satisfaction,
        visited_on: life.visitedOn === null ? null : days.iso(life.visitedOn),
        ...derived(days.calendar, life.status, dates),
        duplicate_of: original?.id ?? null,
        source: 'demo',
        import_hash: null,
        personal_erased_at: null,
        version: 1,
        created_by: null,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })
      const role = groupSize ? 'representative' : 'petitioner'
      for (let k = 0; k < persons.length; k++) {
        const row = sealPerson(personal, id, k + 1, role, persons[k] as Person) as WithId<PetitionPersonTable>
        row.id = nextPerson++
        people.push(row)
      }
      events.push({
        id: nextEvent++,
        case_id: id,
        at: eventAt(R),
        on_date: receivedOn,
        action: 'register',
        actor_id: null,
        actor_name: ACTOR,
        detail_json: original
          ? JSON.stringify({ channel, duplicateOf: original.id })
          : (REGISTER_JSON.get(channel) as string),
      })
      for (const s of life.steps) {
        events.push({
          id: nextEvent++,
          case_id: id,
          at: eventAt(s.on),
          on_date: days.iso(s.on),
          action: s.action,
          actor_id: null,
          actor_name: ACTOR,
          detail_json: s.detail,
        })
      }

      if (!original) {
        const open = life.closedOn === null
        if (R < cutoff && (life.closedOn === null || life.closedOn >= cutoff)) stock.push(id)
        if (open) {
          openByCategory.set(category.id, (openByCategory.get(category.id) ?? 0) + 1)
          openByDemand.set(demand.id, (openByDemand.get(demand.id) ?? 0) + 1)
        }
        const person = persons[0]
        if (person?.idNumber && !groupSize) {
          // A ring of the latest cases: repeats come a few weeks or months after the first.
          if (recent.length < recentMax) recent.push({ id, person, matter: m })
          else recent[ring++ % recentMax] = { id, person, matter: m }
        }
      }
    }
    return { cases, people, events }
  }

  const writer = new BulkWriter(dialect)
  const write = async (trx: Tx, b: Batch) => {
    await writer.insert(trx, 'petition_cases', b.cases, CASES_PER_INSERT)
    await writer.insert(trx, 'petition_people', b.people, ROWS_PER_INSERT)
    await writer.insert(trx, 'petition_events', b.events, ROWS_PER_INSERT)
  }
  for (let from = 0; from < count; from += CASES_PER_TX) {
    await db.transaction().execute(async (trx) => {
      // A few hundred cases at a time, so the rows die young (cheap to collect); each batch is
      // computed while the one before is being written.
      const end = Math.min(count, from + CASES_PER_TX)
      let writing: Promise<void> = Promise.resolve()
      for (let chunk = from; chunk < end; chunk += CASES_PER_CHUNK) {
        const batch = await generate(chunk, Math.min(end, chunk + CASES_PER_CHUNK))
        await writing
        writing = write(trx, batch)
        // Awaited above or below; until then a failure must not count as unhandled.
        writing.catch(() => undefined)
      }
      await writing
      for (const t of ['petition_cases', 'petition_people', 'petition_events'])
        await resetIdentity(trx, dialect, t)
    })
  }

  await db.transaction().execute(async (trx) => {
    await addCampaign(trx, rng.fork('campaign').shuffle(stock).slice(0, CAMPAIGN_CASES), at)
    await addPlans(trx, categories, openByCategory, openByDemand, opts.today, at)
  })
  return { cases: count }
}

async function addCampaign(trx: Tx, caseIds: number[], at: string) {
  const existing = await trx
    .selectFrom('petition_campaigns')
    .select('id')
    .where('name', '=', DEMO_CAMPAIGN.name)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  const id =
    existing?.id ??
    (
      await trx
        .insertInto('petition_campaigns')
        .values({
          name: DEMO_CAMPAIGN.name,
          cutoff_on: DEMO_CAMPAIGN.cutoffOn,
          ends_on: null,
          goal: DEMO_CAMPAIGN.goal,
          version: 1,
          created_at: at,
          updated_at: at,
          voided_at: null,
          void_reason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const sorted = [...caseIds].sort((a, b) => a - b)
  for (let i = 0; i < sorted.length; i += 500) {
    await trx
      .insertInto('petition_campaign_cases')
      .values(sorted.slice(i, i + 500).map((caseId) => ({ campaign_id: id, case_id: caseId, tagged_at: at })))
      .onConflict((oc) => oc.columns(['campaign_id', 'case_id']).doNothing())
      .execute()
  }
}

/**
 * Plans for the categories with the most open cases, two category-wide and one for a demand, and
 * always at least one category with open cases left without a plan: the dashboard warns about it.
 */
async function addPlans(
  trx: Tx,
  categories: Category[],
  openByCategory: Map<number, number>,
  openByDemand: Map<number, number>,
  today: string,
  at: string,
) {
  const open = categories
    .filter((c) => (openByCategory.get(c.id) ?? 0) > 0)
    .sort((a, b) => (openByCategory.get(b.id) ?? 0) - (openByCategory.get(a.id) ?? 0) || a.id - b.id)
  const planned = open.slice(0, Math.min(3, open.length - 1))
  const rows = planned.map((c, i) => {
    const text = PLAN_TEXT[c.key] ?? {
      title: `${c.key}信访问题化解方案`,
      owner: '王局长',
      measures: '逐案梳理、分类施策，落实包案领导责任，限期化解。',
    }
    const demand =
      i === 2
        ? [...c.demands].sort((a, b) => (openByDemand.get(b.id) ?? 0) - (openByDemand.get(a.id) ?? 0))[0]
        : undefined
    return {
      category_id: c.id,
      demand_id: demand?.id ?? null,
      title: demand ? `${demand.name}问题专项化解方案` : text.title,
      owner: text.owner,
      measures: text.measures,
      status: 'running',
      due_on: `${today.slice(0, 4)}-12-31`,
      version: 1,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    }
  })
  if (rows.length > 0) await trx.insertInto('petition_plans').values(rows).execute()
}
