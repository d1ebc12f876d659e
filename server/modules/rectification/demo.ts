/**
 * Demo problems (检视问题清单) and teacher-ethics cases for the demo org tree: about 100 problems
 * and 10 cases for the city (ten times as many for the province), spread over the bureau's
 * departments, the counties and their schools, each problem moved through its rectification only
 * as far as `today` allows: measures with deadlines (some overdue), signed-off problems with a
 * small evidence file and a reviewer, fix-at-once problems; cases with fake but well-formed
 * teachers (sealed like real ones), some published with their public summary. Deterministic for
 * a seed (`server/demo/random.ts`), except the ciphertexts (AES-GCM draws a fresh IV).
 */
import { createHash } from 'node:crypto'
import { addDays } from '../../../domain/calendar/calendar.js'
import type { ProblemSource, ProblemStatus } from '../../../domain/rectification/lifecycle.js'
import type { Handling } from '../../../domain/rectification/public-summary.js'
import { recordAudit } from '../../audit/record.js'
import { type Services, SYSTEM_ACTOR, type Tx } from '../../context.js'
import { createRng, type Rng } from '../../demo/random.js'
import { idCheckChar } from '../../spreadsheet/parse-id.js'
import { schoolTerms } from './ethics-units.js'
import {
  allItems,
  CATEGORIES,
  DEFAULT_CATEGORIES,
  DEFAULT_VIOLATION_TYPES,
  seedItems,
  VIOLATION_TYPES,
} from './lists.js'
import { insertEthicsCase, insertMeasures, insertProblem, type MeasureRow } from './repository.js'
import { sealTeacher, summaryOf } from './teachers.js'

export interface RectificationDemoOptions {
  seed: number
  scale: 'city' | 'province'
  /** YYYY-MM-DD in China: nothing happens after it. */
  today: string
}

export const DEMO_PROBLEMS = { city: 100, province: 1_000 } as const
export const DEMO_ETHICS_CASES = { city: 10, province: 100 } as const
export const DEMO_CAMPAIGNS = ['主题教育检视整改', '作风建设专项整治'] as const
const ACTOR = '系统（示例数据）'

const PDF_TEXT = 'BT /F1 18 Tf 72 770 Td (Rectification evidence \\(demo\\)) Tj ET'
/** A one-page PDF that says "Rectification evidence (demo)": what signed-off demo problems carry. */
export const DEMO_EVIDENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n' +
    `4 0 obj<</Length ${PDF_TEXT.length}>>stream\n${PDF_TEXT}\nendstream endobj\n` +
    '5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
)
/** A 1×1 PNG: the demo's site photo. */
export const DEMO_EVIDENCE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** Problems and measures per category, the way bureaus word them; `{u}` is the responsible unit. */
const TEXTS: Record<(typeof DEFAULT_CATEGORIES)[number], { problems: string[]; measures: string[] }> = {
  思想观念: {
    problems: [
      '{u}理论学习与业务工作结合不紧，学用脱节',
      '{u}以人民为中心的发展思想树得不牢，回应群众关切不及时',
      '{u}创新意识不强，习惯于按老办法办事',
      '{u}抓教育高质量发展的紧迫感不够',
    ],
    measures: [
      '制定专题学习计划并按月开展集中学习',
      '组织开展专题研讨交流',
      '建立学习成果转化清单',
      '开展“回头看”检查学习成效',
    ],
  },
  工作作风: {
    problems: [
      '{u}调查研究不够深入，蹲点调研少',
      '{u}文件会议偏多，基层负担较重',
      '{u}督查检查频次偏高、多头重复',
      '{u}办事流程繁琐，群众办事跑腿多',
    ],
    measures: [
      '精简会议文件，压缩数量三成以上',
      '建立领导干部基层联系点制度',
      '统筹整合督查检查事项',
      '梳理办事流程，推行“一次办好”',
    ],
  },
  制度机制: {
    problems: [
      '{u}重点工作台账更新不及时，督办闭环不完善',
      '{u}内部控制制度不健全，经费审批把关不严',
      '{u}考核评价机制导向不够鲜明',
      '{u}信息公开制度执行不到位',
    ],
    measures: [
      '修订内部控制制度并组织培训',
      '建立重点任务月调度机制',
      '完善考核评价指标体系',
      '建立信息公开审核台账',
    ],
  },
  办学条件: {
    problems: [
      '{u}部分校舍老化，功能教室不足',
      '{u}基本均衡综合差异系数增大，校际差距拉大',
      '{u}体育运动场地生均面积未达标',
      '{u}教学仪器设备更新滞后',
    ],
    measures: [
      '编制薄弱学校改造计划',
      '统筹资金实施校舍维修改造',
      '调剂教学仪器设备并补充配备',
      '推进集团化办学缩小校际差距',
    ],
  },
  教育质量: {
    problems: [
      '{u}课后服务课程单一，学生选择余地小',
      '{u}作业设计质量不高，作业总量控制不严',
      '{u}教师培训针对性不强，实效不明显',
      '{u}教研活动形式化，对课堂教学指导不够',
    ],
    measures: [
      '开发课后服务特色课程',
      '建立作业公示和统筹机制',
      '开展分层分类教师培训',
      '组织学科教研员下校指导',
    ],
  },
  安全稳定: {
    problems: [
      '{u}校园周边交通安全隐患排查不彻底',
      '{u}食堂食品安全管理制度落实不到位',
      '{u}心理健康教育和危机干预机制不健全',
      '{u}消防设施检查维护记录不完整',
    ],
    measures: [
      '开展校园安全隐患专项排查',
      '落实食堂负责人陪餐和索证索票制度',
      '配齐心理健康教师并建立预警台账',
      '组织消防设施全面检测维护',
    ],
  },
}

/** The source a category's problems mostly come from. */
const SOURCES: readonly (readonly [ProblemSource, number])[] = [
  ['self_review', 35],
  ['research_finding', 25],
  ['inspection', 15],
  ['public_feedback', 12],
  ['petition_analysis', 8],
  ['balance_warning', 5],
]
const STATUSES: readonly (readonly [ProblemStatus, number])[] = [
  ['open', 15],
  ['rectifying', 35],
  ['rectified', 15],
  ['signed_off', 35],
]
const LEADERS = ['周副局长', '陈副局长', '刘副局长', '王副局长', '李局长', '张副局长']

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏']
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚辉鹏华飞玲红宇浩凯琳斌晨曦雪梅文博']
const FINDINGS: Record<(typeof DEFAULT_VIOLATION_TYPES)[number], string[]> = {
  有偿补课: [
    '{t}在校外培训机构兼职，组织本班学生参加有偿补课，收取费用{n}元',
    '{t}利用假期在家中组织学生有偿补课，共{k}名学生参加',
  ],
  体罚学生: ['{t}在课堂上因学生未完成作业对其进行体罚', '{t}以罚站、罚抄等方式变相体罚学生，造成不良影响'],
  收受礼品礼金: ['{t}在教师节期间收受学生家长购物卡，价值{n}元', '{t}多次收受学生家长赠送的礼品'],
  学术不端: ['{t}在职称申报材料中提供的论文存在抄袭问题', '{t}在课题结题报告中伪造调研数据'],
  不当言论: ['{t}在班级微信群中发表歧视学生的不当言论', '{t}在课堂上发表与教师身份不符的不当言论'],
  其他: ['{t}违规向学生推销教辅资料', '{t}无故旷课，经教育后仍不改正'],
}
const HANDLINGS: readonly (readonly [Handling, number])[] = [
  ['warning', 35],
  ['demerit', 30],
  ['demotion', 10],
  ['dismissal', 5],
  ['other', 20],
]
const HANDLING_DETAILS: Record<Handling, string[]> = {
  warning: ['', '取消当年评优评先资格'],
  demerit: ['取消当年评优评先资格', '退还违规所得，取消当年评优评先资格'],
  demotion: ['调离教学岗位'],
  dismissal: ['解除聘用合同'],
  other: ['给予批评教育，责令作出书面检查', '予以诫勉谈话，调离班主任岗位'],
}

interface Unit {
  id: number
  name: string
  kind: string
  path: string
  code: string | null
}

const at10 = (date: string) => `${date}T02:00:00.000Z`
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** A date between `from` and `to` (both included); `to` when the range is empty. */
function dateBetween(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
  return span <= 0 ? to : addDays(from, rng.int(0, span))
}

function minDate(a: string, b: string) {
  return a < b ? a : b
}

async function demoUnits(
  trx: Tx,
): Promise<{ responsible: Unit[]; schools: Unit[]; regionOf: (u: Unit) => string }> {
  const units = await trx
    .selectFrom('org_units')
    .select(['id', 'name', 'kind', 'path', 'code'])
    .where('voided_at', 'is', null)
    .where('kind', 'in', ['department', 'county', 'school', 'university', 'kindergarten'])
    .orderBy('id')
    .execute()
  // A teacher's ID number starts with a region code: the county's the school lies in.
  const counties = new Map(
    units
      .filter((u) => u.kind === 'county' && u.code && /^\d{6}$/.test(u.code))
      .map((u) => [u.id, u.code as string]),
  )
  const regionOf = (u: Unit) =>
    u.path
      .split('/')
      .filter(Boolean)
      .map((id) => counties.get(Number(id)))
      .find((c) => c !== undefined) ?? '210102'
  // A city's own departments and its counties carry most problems; schools some.
  const responsible = units.filter(
    (u) => u.kind === 'department' || u.kind === 'county' || u.kind === 'school',
  )
  const schools = units.filter((u) => u.kind === 'school' || u.kind === 'kindergarten')
  return { responsible, schools, regionOf }
}

export async function loadRectificationDemo(
  services: Services,
  opts: RectificationDemoOptions,
): Promise<{ problems: number; measures: number; evidence: number; ethicsCases: number }> {
  const rng = createRng(opts.seed).fork('rectification')
  const at = services.now().toISOString()
  const problemsWanted = DEMO_PROBLEMS[opts.scale]
  const casesWanted = DEMO_ETHICS_CASES[opts.scale]
  return services.db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('rectification_problems').select('id').limit(1).executeTakeFirst()
    const anyCase = await trx.selectFrom('ethics_cases').select('id').limit(1).executeTakeFirst()
    if (any || anyCase) throw new Error('the rectification demo loads only into an empty problem list')
    await seedItems(trx, CATEGORIES, DEFAULT_CATEGORIES, at)
    await seedItems(trx, VIOLATION_TYPES, DEFAULT_VIOLATION_TYPES, at)
    const categories = (await allItems(trx, CATEGORIES)).filter((c) => !c.voided_at)
    const types = (await allItems(trx, VIOLATION_TYPES)).filter((c) => !c.voided_at)
    const { responsible, schools, regionOf } = await demoUnits(trx)
    if (responsible.length === 0) throw new Error('the rectification demo needs the demo org tree')
    const reviewer = await trx
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('role', '=', 'leader')
      .where('voided_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst()

    let measureCount = 0
    let evidenceCount = 0
    const unitPairs = responsible.map((u) => [u, u.kind === 'school' ? 1 : 6] as const)
    /** One problem, drawn from its own stream: where it is, what it says, how far it got by today. */
    const planProblem = (r: Rng, i: number) => {
      const unit = r.weighted(unitPairs)
      const category = r.pick(categories)
      const texts = TEXTS[category.name as keyof typeof TEXTS] ?? TEXTS.工作作风
      const source: ProblemSource =
        unit.kind === 'county' && r.chance(0.1) ? 'balance_warning' : r.weighted(SOURCES)
      const fixAtOnce = r.chance(0.2)
      let status = r.weighted(STATUSES)
      // Problems not yet taken up are recent ones; the others go back to the campaign's start.
      const foundOn = addDays(opts.today, status === 'open' ? -r.int(5, 60) : -r.int(20, 320))
      // Measures: deadlines after the finding; a fix-at-once problem has one, due within a week.
      const count = fixAtOnce ? 1 : r.int(1, 3)
      const measures = r
        .shuffle(texts.measures)
        .slice(0, count)
        .map((content, k) => ({
          content,
          deadline: fixAtOnce ? addDays(foundOn, r.int(3, 7)) : addDays(foundOn, r.int(30, 200)),
          seq: k + 1,
          status: 'todo' as MeasureRow['status'],
          doneOn: null as string | null,
        }))
      // Nothing is rectified before it could have been: a problem found days ago is in progress.
      if ((status === 'rectified' || status === 'signed_off') && addDays(foundOn, 10) > opts.today)
        status = 'rectifying'
      const doneBy = (m: { deadline: string }) =>
        minDate(opts.today, dateBetween(r, addDays(foundOn, 3), addDays(m.deadline, r.chance(0.15) ? 20 : 0)))
      if (status === 'rectified' || status === 'signed_off') {
        for (const m of measures) Object.assign(m, { status: 'done', doneOn: doneBy(m) })
      } else if (status === 'rectifying') {
        for (const m of measures) {
          // Past its deadline, a measure is mostly done; the rest are the overdue ones.
          const s = r.weighted<'todo' | 'doing' | 'done'>(
            m.deadline < opts.today
              ? [
                  ['done', 6],
                  ['doing', 3],
                  ['todo', 1],
                ]
              : [
                  ['done', 3],
                  ['doing', 5],
                  ['todo', 2],
                ],
          )
          Object.assign(m, { status: s, doneOn: s === 'done' ? doneBy(m) : null })
        }
      }
      const lastDone =
        measures
          .map((m) => m.doneOn ?? '')
          .sort()
          .at(-1) ?? foundOn
      const rectifiedOn =
        status === 'rectified' || status === 'signed_off'
          ? minDate(opts.today, addDays(lastDone, r.int(0, 5)))
          : null
      const signedOn =
        status === 'signed_off' && rectifiedOn
          ? minDate(opts.today, addDays(rectifiedOn, r.int(1, 20)))
          : null
      // Evidence: every signed-off problem has some; so do half of those awaiting sign-off.
      const evidence: 'pdf' | 'png' | null =
        rectifiedOn && (signedOn || r.chance(0.5)) ? (r.chance(0.7) ? 'pdf' : 'png') : null
      return {
        i,
        unit,
        categoryId: category.id,
        source,
        fixAtOnce,
        status,
        foundOn,
        measures,
        rectifiedOn,
        signedOn,
        evidence,
        description: r.pick(texts.problems).replace('{u}', unit.name),
        leader: r.pick(LEADERS),
        campaign: r.chance(0.8) ? DEMO_CAMPAIGNS[0] : DEMO_CAMPAIGNS[1],
        comment: r.pick(['佐证材料齐全，同意销号', '经现场核查整改到位，同意销号', '同意销号']),
      }
    }

    const plans = Array.from({ length: problemsWanted }, (_, i) => planProblem(rng.fork(`problem-${i}`), i))
    // Codes run in the order the problems were found, as a ledger numbers them.
    plans.sort((a, b) => (a.foundOn < b.foundOn ? -1 : a.foundOn > b.foundOn ? 1 : a.i - b.i))
    const codes = new Map<string, number>()
    for (const p of plans) {
      const year = p.foundOn.slice(0, 4)
      const n = (codes.get(year) ?? 0) + 1
      codes.set(year, n)
      const signer = p.signedOn ? (reviewer?.display_name ?? ACTOR) : null
      const id = await insertProblem(trx, {
        code: `ZG${year}${String(n).padStart(5, '0')}`,
        description: p.description,
        source: p.source,
        category_id: p.categoryId,
        campaign: p.campaign,
        campaign_id: null,
        responsible_unit_id: p.unit.id,
        scope_path: p.unit.path,
        responsible_leader: p.leader,
        responsible_user_id: null,
        found_on: p.foundOn,
        fix_at_once: p.fixAtOnce ? 1 : 0,
        status: p.status,
        rectified_on: p.rectifiedOn,
        signed_off_at: p.signedOn ? at10(p.signedOn) : null,
        signed_off_by: p.signedOn ? (reviewer?.id ?? null) : null,
        signed_off_by_name: signer,
        signoff_comment: p.signedOn ? p.comment : null,
        reopen_count: 0,
        origin: 'demo',
        version: 1,
        created_by: null,
        created_at: at10(p.foundOn),
        updated_at: at10(p.signedOn ?? p.rectifiedOn ?? p.foundOn),
        voided_at: null,
        void_reason: null,
      })
      await insertMeasures(
        trx,
        p.measures.map((m) => ({
          problem_id: id,
          seq: m.seq,
          content: m.content,
          owner: p.unit.name,
          owner_unit_id: p.unit.id,
          deadline: m.deadline,
          status: m.status,
          done_on: m.doneOn,
          version: 1,
          created_at: at10(p.foundOn),
          updated_at: at10(m.doneOn ?? p.foundOn),
          voided_at: null,
          void_reason: null,
        })),
      )
      measureCount += p.measures.length

      const events: { at: string; action: string; detail: Record<string, unknown> }[] = [
        { at: at10(p.foundOn), action: 'create', detail: { measures: p.measures.length } },
      ]
      if (p.status !== 'open')
        events.push({
          at: at10(addDays(p.foundOn, 1)),
          action: 'start',
          detail: { from: 'open', to: 'rectifying' },
        })
      if (p.rectifiedOn)
        events.push({
          at: at10(p.rectifiedOn),
          action: 'complete',
          detail: { from: 'rectifying', to: 'rectified' },
        })
      if (p.rectifiedOn && p.evidence) {
        const pdf = p.evidence === 'pdf'
        const bytes = pdf ? DEMO_EVIDENCE_PDF : DEMO_EVIDENCE_PNG
        const filename = pdf ? '整改情况报告.pdf' : '整改现场照片.png'
        const hash = sha(bytes)
        const { id: evidenceId } = await trx
          .insertInto('rectification_evidence')
          .values({
            problem_id: id,
            measure_id: null,
            filename,
            content_type: pdf ? 'application/pdf' : 'image/png',
            file_type: p.evidence,
            size_bytes: bytes.length,
            sha256: hash,
            bytes,
            note: '',
            uploaded_by: null,
            uploaded_by_name: ACTOR,
            created_at: at10(p.rectifiedOn),
            voided_at: null,
            void_reason: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        evidenceCount++
        events.push({
          at: at10(p.rectifiedOn),
          action: 'evidence_add',
          detail: { evidenceId, filename, type: p.evidence, size: bytes.length, sha256: hash },
        })
      }
      if (p.signedOn)
        events.push({ at: at10(p.signedOn), action: 'signoff', detail: { comment: p.comment, evidence: 1 } })
      await trx
        .insertInto('rectification_events')
        .values(
          events.map((e) => ({
            problem_id: id,
            at: e.at,
            action: e.action,
            actor_id: e.action === 'signoff' ? (reviewer?.id ?? null) : null,
            actor_name: e.action === 'signoff' ? (signer ?? ACTOR) : ACTOR,
            detail_json: JSON.stringify(e.detail),
          })),
        )
        .execute()
    }

    // Teacher-ethics cases, numbered in the order they happened.
    const cases = Array.from({ length: schools.length > 0 ? casesWanted : 0 }, (_, i) => {
      const r = rng.fork(`ethics-${i}`)
      const school = r.pick(schools)
      const type = r.pick(types)
      const handling = r.weighted(HANDLINGS)
      const name = `${r.pick(SURNAMES)}${r.pick(GIVEN)}${r.chance(0.6) ? r.pick(GIVEN) : ''}`
      const birth = addDays('1965-01-01', r.int(0, 33 * 365)).replaceAll('-', '')
      const first17 = `${regionOf(school)}${birth}${String(r.int(1, 999)).padStart(3, '0')}`
      const occurredOn = addDays(opts.today, -r.int(30, 700))
      const handledOn = minDate(opts.today, addDays(occurredOn, r.int(10, 60)))
      const finding = `${r
        .pick(FINDINGS[type.name as keyof typeof FINDINGS] ?? FINDINGS.其他)
        .replace('{t}', name)
        .replace('{n}', String(r.int(5, 60) * 100))
        .replace('{k}', String(r.int(3, 20)))}。`
      const plain = {
        name,
        idNumber: `${first17}${idCheckChar(first17)}`,
        finding,
        handlingDetail: r.pick(HANDLING_DETAILS[handling]),
      }
      const publishedOn = r.chance(0.4) ? minDate(opts.today, addDays(handledOn, r.int(5, 30))) : null
      return { i, school, type, handling, occurredOn, handledOn, plain, publishedOn }
    }).sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.i - b.i))
    const caseCodes = new Map<string, number>()
    for (const c of cases) {
      const year = c.occurredOn.slice(0, 4)
      const n = (caseCodes.get(year) ?? 0) + 1
      caseCodes.set(year, n)
      await insertEthicsCase(trx, {
        case_no: `SD${year}${String(n).padStart(4, '0')}`,
        school_unit_id: c.school.id,
        scope_path: c.school.path,
        ...sealTeacher(services.personal, c.plain),
        occurred_on: c.occurredOn,
        violation_type_id: c.type.id,
        handling: c.handling,
        handled_on: c.handledOn,
        published: c.publishedOn ? 1 : 0,
        published_on: c.publishedOn,
        public_summary: summaryOf(c.plain, {
          ...(await schoolTerms(trx, c.school.id)),
          violationType: c.type.name,
          occurredOn: c.occurredOn,
          handling: c.handling,
        }),
        version: 1,
        created_by: null,
        created_at: at10(c.handledOn),
        updated_at: at10(c.publishedOn ?? c.handledOn),
        voided_at: null,
        void_reason: null,
      })
    }
    const ethicsCases = cases.length
    await recordAudit(trx, services, SYSTEM_ACTOR, {
      action: 'rectification.demo.load',
      entity: 'system',
      entityId: null,
      after: {
        scale: opts.scale,
        seed: opts.seed,
        problems: problemsWanted,
        measures: measureCount,
        ethicsCases,
      },
    })
    return { problems: problemsWanted, measures: measureCount, evidence: evidenceCount, ethicsCases }
  })
}
