/**
 * Demo supervision data (任务督办示例数据) for the demo org tree: one campaign
 * (学习贯彻主题教育重点工作) with five aspects and 36 key tasks (×10 at province scale) led by the
 * city's departments and counties, with co-units, milestones, progress notes, sub-tasks, a few
 * tasks overdue by 2, 5, 12 and 30 days (every escalation level), two due soon, one cancelled,
 * three extension requests (approved, refused, pending) and one monthly recurring duty.
 *
 * Planning is pure and deterministic for (seed, scale, today, the tree): `planSupervisionDemo`.
 * Loading writes the plan through the same checks as the API (`writeCampaign`, `writeTask`), then
 * replays what happened since (statuses, notes, milestones, extensions) with dates in the past.
 */
import { addDays, daysBetween } from '../../../domain/calendar/calendar.js'
import { formatRule, type MonthlyRule, occurrences } from '../../../domain/supervision/recurrence.js'
import { recordAudit } from '../../audit/record.js'
import { type Actor, type Ctx, type Services, SYSTEM_ACTOR, type Tx } from '../../context.js'
import { createRng, type Rng } from '../../demo/random.js'
import { writeCampaign } from './campaigns.js'
import { writeTask } from './create-task.js'
import { recomputeProgress } from './recompute.js'
import {
  insertEvents,
  insertExtension,
  insertNote,
  listAspects,
  liveMilestones,
  updateMilestoneVersioned,
} from './repository.js'
import type { CreateTaskInput } from './schema.js'

export const DEMO_SUPERVISION_CAMPAIGN = '学习贯彻主题教育重点工作'
const ACTOR_NAME = '系统（示例数据）'

export const DEMO_ASPECTS = [
  '理论学习与思想引领',
  '调查研究与破解难题',
  '教育强市建设重点任务',
  '检视问题与整改落实',
  '建章立制与长效机制',
] as const

/** [aspect index, title, department that usually leads it, may a county lead it]. */
const TASKS: readonly (readonly [number, string, string, boolean])[] = [
  [0, '开展局党组理论学习中心组专题学习', '办公室', false],
  [0, '组织全市教育系统党员干部专题轮训', '人事处', false],
  [0, '开展“学思想、强党性”主题党日活动', '办公室', true],
  [0, '推进大中小学思政课一体化建设', '学生处', false],
  [0, '建设主题教育网上学习专栏', '办公室', false],
  [0, '开展青年教师理论宣讲', '人事处', true],
  [0, '组织中小学校长书记专题读书班', '基础教育处', false],
  [1, '开展义务教育优质均衡发展专题调研', '督导室', false],
  [1, '开展普惠性学前教育资源供给调研', '基础教育处', true],
  [1, '开展高校毕业生就业创业情况调研', '高等教育处', false],
  [1, '开展职业教育产教融合调研', '职业教育与成人教育处', false],
  [1, '开展“双减”政策落实情况调研', '基础教育处', true],
  [1, '开展农村学校教师队伍建设调研', '人事处', true],
  [1, '开展校园安全风险隐患排查', '办公室', true],
  [2, '新增普惠性学前教育学位', '基础教育处', true],
  [2, '推进新建改扩建中小学校项目', '发展规划处', true],
  [2, '遴选高水平现代产业学院', '职业教育与成人教育处', false],
  [2, '认定第二批市级创新创业学院', '高等教育处', false],
  [2, '举办职业教育活动周', '职业教育与成人教育处', false],
  [2, '推进科技成果转化对接活动', '科技处', false],
  [2, '组织高校毕业生专场招聘会', '高等教育处', false],
  [2, '落实农村义务教育学生营养改善计划', '基础教育处', true],
  [3, '建立检视问题清单并逐项销号', '办公室', false],
  [3, '整治群众反映强烈的教育乱收费问题', '基础教育处', true],
  [3, '化解信访积案', '信访办', true],
  [3, '查处师德师风违规问题并通报典型案例', '人事处', false],
  [3, '整改义务教育基本均衡差异系数增大问题', '督导室', true],
  [3, '规范校外培训机构管理', '基础教育处', true],
  [3, '解决随迁子女入学难问题', '基础教育处', true],
  [4, '修订示范性特色普通高中评估细则', '基础教育处', false],
  [4, '制定中小学教师减负清单', '人事处', false],
  [4, '完善重点工作任务督办制度', '督导室', false],
  [4, '建立教育领域风险防控长效机制', '办公室', false],
  [4, '出台职业院校教师企业实践办法', '职业教育与成人教育处', false],
  [4, '健全家校社协同育人机制', '基础教育处', true],
  [4, '每月报送主题教育工作进展', '办公室', false],
]
const RECURRING_TITLE = '每月报送主题教育工作进展'
const RECURRING_RULE: MonthlyRule = { day: 25 }
const PARENT_TITLE = '推进新建改扩建中小学校项目'
const SUB_TASKS = [
  ['完成项目规划与立项审批', 1],
  ['完成主体工程施工', 2],
  ['完成竣工验收并投入使用', 1],
] as const
const LEADERS = ['周明远', '李建华', '张卫国', '王海燕', '陈志刚'] as const
const MILESTONES = ['制定工作方案', '部署推进', '中期督查', '总结评估'] as const
const NOTES = [
  '已制定工作方案，明确责任分工和时间节点。',
  '召开专题推进会，部署各项工作。',
  '按计划推进，完成阶段性任务。',
  '开展实地督导，对发现的问题逐项整改。',
  '形成阶段性工作总结，报局领导审阅。',
] as const

export interface DemoUnit {
  id: number
  parentId: number | null
  kind: string
  name: string
  shortName: string
}

export interface PlannedNote {
  unitId: number
  on: string
  text: string
  percent: number | null
}
export interface PlannedMilestone {
  title: string
  dueOn: string
  weight: number
  doneOn: string | null
}
export interface PlannedExtension {
  kind: 'approved' | 'refused' | 'pending'
  oldDeadline: string
  requestedDeadline: string
  requestedOn: string
  decidedOn: string | null
  reason: string
  decisionReason: string | null
}
export interface PlannedTask {
  key: string
  /** The key of the parent task, for sub-tasks. */
  parentKey: string | null
  aspect: number
  title: string
  leadUnitId: number
  coUnitIds: number[]
  leader: string
  startsOn: string
  /** The deadline set at first (an approved extension moves it). */
  originalDeadline: string
  deadline: string
  weight: number
  status: 'not_started' | 'in_progress' | 'done' | 'cancelled'
  startedOn: string | null
  doneOn: string | null
  cancelledOn: string | null
  recurrence: MonthlyRule | null
  milestones: PlannedMilestone[]
  notes: PlannedNote[]
  extension: PlannedExtension | null
}
export interface SupervisionDemoPlan {
  ownerUnitId: number
  startsOn: string
  endsOn: string
  tasks: PlannedTask[]
}

export interface SupervisionDemoOptions {
  seed: number
  scale: 'city' | 'province'
  /** YYYY-MM-DD in China: nothing happens after it. */
  today: string
}

const firstOfMonth = (d: string) => `${d.slice(0, 7)}-01`
const minDate = (a: string, b: string) => (a < b ? a : b)
const maxDate = (a: string, b: string) => (a > b ? a : b)

/** A day between two dates (inclusive), drawn from the generator. */
function between(rng: Rng, from: string, to: string): string {
  if (to <= from) return from
  return addDays(from, rng.int(0, daysBetween(from, to)))
}

interface Region {
  /** The city: its departments lead, its counties lead or co-operate. */
  city: DemoUnit
  departments: Map<string, DemoUnit>
  counties: DemoUnit[]
}

function regionsOf(
  units: readonly DemoUnit[],
  scale: 'city' | 'province',
): { owner: DemoUnit; regions: Region[] } {
  const cities = units.filter((u) => u.kind === 'city').sort((a, b) => a.id - b.id)
  const sample = cities.find((c) => c.name === '示例市') ?? cities[0]
  if (!sample) throw new Error('the supervision demo needs the demo org tree (no city found)')
  const region = (city: DemoUnit): Region => ({
    city,
    departments: new Map(
      units.filter((u) => u.parentId === city.id && u.kind === 'department').map((u) => [u.name, u]),
    ),
    counties: units.filter((u) => u.parentId === city.id && u.kind === 'county').sort((a, b) => a.id - b.id),
  })
  const ordered = [sample, ...cities.filter((c) => c.id !== sample.id)]
  const root = units.find((u) => u.parentId === null)
  return {
    owner: scale === 'province' && root ? root : sample,
    regions: (scale === 'province' ? ordered : [sample]).map(region),
  }
}

/** The whole demo as data: pure, the same for the same seed, scale, today and tree. */
export function planSupervisionDemo(
  units: readonly DemoUnit[],
  opts: SupervisionDemoOptions,
): SupervisionDemoPlan {
  const { owner, regions } = regionsOf(units, opts.scale)
  const today = opts.today
  const rounds = opts.scale === 'province' ? 10 : 1
  // The campaign ran from the first of the month eight months ago to the end of next month but one.
  const startsOn = firstOfMonth(addDays(today, -240))
  const endsOn = addDays(firstOfMonth(addDays(firstOfMonth(today), 95)), -1)
  const root = createRng(opts.seed).fork('supervision')
  const tasks: PlannedTask[] = []
  const titles = new Set<string>()

  for (let round = 0; round < rounds; round++) {
    const region = regions[round % regions.length] as Region
    const rng = root.fork(`round-${round}`)
    const counties = rng.shuffle(region.counties)
    const anyDept = [...region.departments.values()]
    const dept = (name: string) => region.departments.get(name) ?? anyDept[0] ?? region.city
    const cityName = region.city.shortName || region.city.name
    // A tree with fewer cities than rounds reuses them: the batch number keeps titles apart.
    const suffix =
      round === 0 ? '' : round < regions.length ? `（${cityName}）` : `（${cityName}·${round + 1}）`
    let countyTurn = 0
    const planned: PlannedTask[] = TASKS.map(([aspect, base, deptName, countyMay], i) => {
      const t = rng.fork(`task-${i}`)
      let title = `${base}${suffix}`
      if (titles.has(title)) title = `${title}（${round + 1}）`
      titles.add(title)
      const department = dept(deptName)
      const countyLeads = countyMay && counties.length > 0 && t.chance(0.45)
      const county = counties[countyTurn % Math.max(1, counties.length)]
      if (countyLeads) countyTurn++
      const lead = countyLeads && county ? county : department
      const co = new Set<number>()
      if (countyLeads) co.add(department.id)
      else for (const c of t.shuffle(counties).slice(0, t.int(0, 3))) co.add(c.id)
      co.delete(lead.id)
      const recurring = base === RECURRING_TITLE
      const start = recurring ? startsOn : between(t, startsOn, addDays(startsOn, 100))
      const deadline = recurring ? endsOn : minDate(endsOn, addDays(start, t.int(60, 260)))
      return {
        key: `${round}-${i}`,
        parentKey: null,
        aspect,
        title,
        leadUnitId: lead.id,
        coUnitIds: recurring ? counties.slice(0, 3).map((c) => c.id) : [...co],
        leader: t.pick(LEADERS),
        startsOn: start,
        originalDeadline: deadline,
        deadline,
        weight: 1,
        status: 'not_started',
        startedOn: null,
        doneOn: null,
        cancelledOn: null,
        recurrence: recurring ? RECURRING_RULE : null,
        milestones: [],
        notes: [],
        extension: null,
      }
    })

    // Fixed cases: overdue by 2, 5, 12 and 30 days (every escalation level), two due soon.
    const ordinary = rng.shuffle(
      planned.filter((p) => p.recurrence === null && p.title.indexOf(PARENT_TITLE) !== 0),
    )
    const overdue = ordinary.slice(0, 4)
    const soon = ordinary.slice(4, 6)
    const cancelled = ordinary[6]
    ;[2, 5, 12, 30].forEach((days, i) => {
      const p = overdue[i] as PlannedTask
      p.deadline = p.originalDeadline = addDays(today, -days)
      p.startsOn = maxDate(startsOn, minDate(p.startsOn, addDays(p.deadline, -90)))
    })
    ;[3, 6].forEach((days, i) => {
      const p = soon[i] as PlannedTask
      p.deadline = p.originalDeadline = minDate(endsOn, addDays(today, days))
      p.startsOn = minDate(p.startsOn, addDays(today, -30))
    })

    for (const p of planned) {
      const t = rng.fork(`life-${p.key}`)
      const started = p.startsOn <= today
      if (!started) continue
      const isOverdue = overdue.includes(p)
      if (p === cancelled) {
        p.status = 'cancelled'
        p.cancelledOn = between(t, p.startsOn, today)
        continue
      }
      if (p.recurrence) p.status = 'in_progress'
      else if (isOverdue || soon.includes(p)) p.status = 'in_progress'
      else if (p.deadline < today) {
        p.status = 'done'
        p.doneOn = t.chance(0.2)
          ? minDate(today, addDays(p.deadline, t.int(1, 15)))
          : maxDate(p.startsOn, addDays(p.deadline, -t.int(0, 25)))
      } else p.status = t.chance(0.12) ? 'done' : t.chance(0.15) ? 'not_started' : 'in_progress'
      if (p.status === 'done' && p.doneOn === null) p.doneOn = between(t, p.startsOn, today)
      if (p.status !== 'not_started') p.startedOn = between(t, p.startsOn, minDate(today, p.doneOn ?? today))
    }

    // Milestones and notes.
    for (const p of planned) {
      const t = rng.fork(`work-${p.key}`)
      if (p.recurrence) continue
      const n = t.int(2, 4)
      const span = Math.max(1, daysBetween(p.startsOn, p.deadline))
      const until = p.doneOn ?? today
      for (let m = 0; m < n; m++) {
        const dueOn = addDays(p.startsOn, Math.round((span * (m + 1)) / n))
        const reached =
          p.status === 'done' || (p.status === 'in_progress' && dueOn <= today && t.chance(0.75))
        p.milestones.push({
          title: MILESTONES[Math.min(m, MILESTONES.length - 1)] as string,
          dueOn,
          weight: t.int(1, 3),
          doneOn: reached
            ? maxDate(p.startedOn ?? p.startsOn, minDate(until, addDays(dueOn, -t.int(0, 5))))
            : null,
        })
      }
      if (p.status === 'not_started' || p.startedOn === null) continue
      const notes = t.int(1, 4)
      const from = p.startedOn
      const to = minDate(today, p.doneOn ?? today)
      const dates = Array.from({ length: notes }, () => between(t, from, to)).sort()
      const units = [p.leadUnitId, ...p.coUnitIds]
      const top = p.status === 'done' ? 100 : t.int(20, 90)
      dates.forEach((on, k) => {
        p.notes.push({
          unitId: k === 0 ? p.leadUnitId : (t.pick(units) as number),
          on,
          text: NOTES[k % NOTES.length] as string,
          percent: Math.round((top * (k + 1)) / notes),
        })
      })
    }

    // The monthly duty: each unit reports most months, now and then late or not at all.
    const duty = planned.find((p) => p.recurrence !== null)
    if (duty?.recurrence) {
      const t = rng.fork('duty')
      for (const o of occurrences(duty.recurrence, duty.startsOn, today)) {
        for (const unitId of [duty.leadUnitId, ...duty.coUnitIds]) {
          const r = t.next()
          if (r < 0.1) continue
          const on =
            r < 0.25
              ? minDate(today, minDate(o.closesOn, addDays(o.dueOn, t.int(1, 4))))
              : maxDate(duty.startsOn, addDays(o.dueOn, -t.int(0, 6)))
          duty.notes.push({
            unitId,
            on,
            text: `报送${o.month.replace('-', '年')}月主题教育工作进展。`,
            percent: null,
          })
        }
      }
      duty.startedOn = duty.startsOn
    }

    // Extensions: one approved (the deadline moved), one refused and one pending (both overdue).
    const movable = planned.find(
      (p) => p.status === 'in_progress' && !overdue.includes(p) && !soon.includes(p) && p.recurrence === null,
    )
    if (movable) {
      const t = rng.fork('ext-approved')
      const requestedOn = between(
        t,
        movable.startedOn ?? movable.startsOn,
        minDate(today, movable.originalDeadline),
      )
      movable.originalDeadline = addDays(movable.deadline, -t.int(15, 45))
      if (movable.originalDeadline < movable.startsOn) movable.originalDeadline = movable.startsOn
      movable.extension = {
        kind: 'approved',
        oldDeadline: movable.originalDeadline,
        requestedDeadline: movable.deadline,
        requestedOn: minDate(requestedOn, movable.originalDeadline),
        decidedOn: minDate(today, addDays(minDate(requestedOn, movable.originalDeadline), 2)),
        reason: '涉及多部门协调，需延长办理时间。',
        decisionReason: '同意延期，请按新时限完成。',
      }
    }
    const refused = overdue[3]
    if (refused)
      refused.extension = {
        kind: 'refused',
        oldDeadline: refused.deadline,
        requestedDeadline: addDays(today, 20),
        requestedOn: addDays(refused.deadline, -3),
        decidedOn: addDays(refused.deadline, -1),
        reason: '工作量较大，申请延期。',
        decisionReason: '理由不充分，请抓紧办理。',
      }
    const pending = overdue[2]
    if (pending)
      pending.extension = {
        kind: 'pending',
        oldDeadline: pending.deadline,
        requestedDeadline: addDays(today, 30),
        requestedOn: addDays(today, -1),
        decidedOn: null,
        reason: '受施工进度影响，申请延期一个月。',
        decisionReason: null,
      }

    // Sub-tasks of the school-building project, weighted 1 : 2 : 1.
    const parent = planned.find((p) => p.title.startsWith(PARENT_TITLE))
    if (parent) {
      const t = rng.fork('subtasks')
      const span = Math.max(3, daysBetween(parent.startsOn, parent.deadline))
      SUB_TASKS.forEach(([title, weight], k) => {
        const from = addDays(parent.startsOn, Math.floor((span * k) / 3))
        const to = addDays(parent.startsOn, Math.floor((span * (k + 1)) / 3))
        const done = parent.status === 'done' || (parent.status === 'in_progress' && to < today && k === 0)
        const started = parent.status !== 'not_started' && parent.status !== 'cancelled' && from <= today
        const doneOn = done ? minDate(today, maxDate(from, addDays(to, -t.int(0, 5)))) : null
        planned.push({
          ...parent,
          key: `${parent.key}-s${k + 1}`,
          parentKey: parent.key,
          title: `${title}${suffix}`,
          weight,
          startsOn: from,
          deadline: to,
          originalDeadline: to,
          status: done ? 'done' : started ? 'in_progress' : 'not_started',
          startedOn: started ? from : null,
          doneOn,
          cancelledOn: null,
          milestones: [],
          notes:
            started && !done
              ? [
                  {
                    unitId: parent.leadUnitId,
                    on: minDate(today, from),
                    text: NOTES[2] as string,
                    percent: t.int(10, 60),
                  },
                ]
              : [],
          extension: null,
        })
      })
      parent.milestones = []
      parent.notes = []
    }
    tasks.push(...planned)
  }
  return { ownerUnitId: owner.id, startsOn, endsOn, tasks }
}

// ---------------------------------------------------------------------------------------------
// Loading

/** 10:00 in Shanghai on a day: when demo events "happened". */
const atOf = (on: string) => `${on}T02:00:00.000Z`

async function demoUnits(db: Tx): Promise<DemoUnit[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'kind', 'name', 'short_name'])
    .where('voided_at', 'is', null)
    .where('kind', 'in', ['province', 'city', 'county', 'department'])
    .execute()
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind,
    name: r.name,
    shortName: r.short_name,
  }))
}

/**
 * Loads the plan into a database that has the demo org tree. Loading twice does nothing the second
 * time (the campaign exists): returns what is there.
 */
export async function loadSupervisionDemo(
  services: Services,
  opts: SupervisionDemoOptions,
): Promise<{ campaignId: number; tasks: number; skipped: boolean }> {
  const actor: Actor = { ...SYSTEM_ACTOR, displayName: ACTOR_NAME }
  const ctx: Ctx = { ...services, actor, locale: 'zh-CN' }
  return services.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('supervision_campaigns')
      .select('id')
      .where('name', '=', DEMO_SUPERVISION_CAMPAIGN)
      .where('voided_at', 'is', null)
      .executeTakeFirst()
    if (existing) {
      const n = await trx
        .selectFrom('supervision_tasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', existing.id)
        .executeTakeFirstOrThrow()
      return { campaignId: existing.id, tasks: Number(n.n), skipped: true }
    }
    const plan = planSupervisionDemo(await demoUnits(trx), opts)
    const campaignId = await writeCampaign(trx, ctx, {
      name: DEMO_SUPERVISION_CAMPAIGN,
      kind: 'theme',
      orgUnitId: plan.ownerUnitId,
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      description:
        '围绕理论学习、调查研究、推动发展、检视整改、建章立制五个方面，制定重点工作任务清单，逐项明确牵头单位、责任领导和完成时限。',
      aspects: DEMO_ASPECTS.map((name) => ({ name })),
    })
    const aspects = await listAspects(trx, [campaignId])
    const ids = new Map<string, number>()
    for (const p of plan.tasks) {
      const input: CreateTaskInput = {
        campaignId,
        aspectId: (aspects[p.aspect] ?? aspects[0])?.id as number,
        ...(p.parentKey ? { parentId: ids.get(p.parentKey) as number } : {}),
        title: p.title,
        description: '',
        leadUnitId: p.leadUnitId,
        coUnitIds: p.coUnitIds,
        leader: p.leader,
        startsOn: p.startsOn,
        deadline: p.originalDeadline,
        weight: p.weight,
        ...(p.recurrence ? { recurrence: p.recurrence } : {}),
        milestones: p.milestones.map((m) => ({ title: m.title, dueOn: m.dueOn, weight: m.weight })),
      }
      const id = await writeTask(trx, ctx, input, 'demo')
      ids.set(p.key, id)
      await replay(trx, id, p)
    }
    // Parents after their children: every task's stored progress from its final state.
    for (const p of [...plan.tasks].reverse()) await recomputeProgress(trx, ids.get(p.key) ?? null)
    await recordAudit(trx, services, actor, {
      action: 'supervision.demo.load',
      entity: 'supervision_campaign',
      entityId: campaignId,
      after: { seed: opts.seed, scale: opts.scale, today: opts.today, tasks: plan.tasks.length },
    })
    return { campaignId, tasks: plan.tasks.length, skipped: false }
  })
}

/** What happened to a task since it was set: written with the dates of the plan. */
async function replay(trx: Tx, id: number, p: PlannedTask) {
  const events: { on: string; action: string; detail: Record<string, unknown> }[] = []
  await trx
    .updateTable('supervision_tasks')
    .set({ created_at: atOf(p.startsOn), updated_at: atOf(p.startsOn) })
    .where('id', '=', id)
    .execute()
  await trx
    .updateTable('supervision_task_events')
    .set({ at: atOf(p.startsOn), on_date: p.startsOn })
    .where('task_id', '=', id)
    .execute()
  if (p.startedOn)
    events.push({ on: p.startedOn, action: 'start', detail: { from: 'not_started', to: 'in_progress' } })
  const milestones = await liveMilestones(trx, id)
  for (const [i, m] of p.milestones.entries()) {
    const row = milestones[i]
    if (!row || !m.doneOn) continue
    await updateMilestoneVersioned(trx, row.id, row.version, {
      done_on: m.doneOn,
      updated_at: atOf(m.doneOn),
    })
    events.push({
      on: m.doneOn,
      action: 'milestone_update',
      detail: { milestoneId: row.id, after: { doneOn: m.doneOn } },
    })
  }
  for (const n of p.notes) {
    const noteId = await insertNote(trx, {
      task_id: id,
      org_unit_id: n.unitId,
      on_date: n.on,
      text: n.text,
      percent: n.percent,
      created_by: null,
      author_name: ACTOR_NAME,
      created_at: atOf(n.on),
      voided_at: null,
      void_reason: null,
    })
    events.push({ on: n.on, action: 'progress', detail: { noteId, unitId: n.unitId, percent: n.percent } })
  }
  const e = p.extension
  if (e) {
    const extensionId = await insertExtension(trx, {
      task_id: id,
      org_unit_id: p.leadUnitId,
      old_deadline: e.oldDeadline,
      requested_deadline: e.requestedDeadline,
      reason: e.reason,
      status: e.kind,
      requested_by: null,
      requested_by_name: ACTOR_NAME,
      requested_at: atOf(e.requestedOn),
      decided_by: null,
      decided_by_name: e.decidedOn ? LEADERS[0] : null,
      decided_at: e.decidedOn ? atOf(e.decidedOn) : null,
      approved_deadline: e.kind === 'approved' ? e.requestedDeadline : null,
      decision_reason: e.decisionReason,
      version: 1,
    })
    events.push({
      on: e.requestedOn,
      action: 'extension_request',
      detail: { extensionId, from: e.oldDeadline, to: e.requestedDeadline, reason: e.reason },
    })
    if (e.kind !== 'pending' && e.decidedOn)
      events.push({
        on: e.decidedOn,
        action: e.kind === 'approved' ? 'extension_approve' : 'extension_refuse',
        detail: { extensionId, reason: e.decisionReason },
      })
    if (e.kind === 'approved' && e.decidedOn)
      events.push({
        on: e.decidedOn,
        action: 'deadline',
        detail: { from: e.oldDeadline, to: e.requestedDeadline, via: 'extension', extensionId },
      })
  }
  if (p.doneOn)
    events.push({
      on: p.doneOn,
      action: 'complete',
      detail: { from: 'in_progress', to: 'done', late: p.doneOn > p.deadline },
    })
  if (p.cancelledOn)
    events.push({
      on: p.cancelledOn,
      action: 'cancel',
      detail: {
        from: p.startedOn ? 'in_progress' : 'not_started',
        to: 'cancelled',
        reason: '工作调整，并入其他任务',
      },
    })
  await trx
    .updateTable('supervision_tasks')
    .set({
      status: p.status,
      deadline: p.deadline,
      original_deadline: p.originalDeadline,
      done_on: p.doneOn,
      recurrence: p.recurrence ? formatRule(p.recurrence) : null,
    })
    .where('id', '=', id)
    .execute()
  events.sort((a, b) => a.on.localeCompare(b.on))
  await insertEvents(
    trx,
    events.map((ev) => ({
      task_id: id,
      at: atOf(ev.on),
      on_date: ev.on,
      action: ev.action,
      actor_id: null,
      actor_name: ACTOR_NAME,
      detail_json: JSON.stringify(ev.detail),
    })),
  )
}
