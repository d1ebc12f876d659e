/**
 * Demo rows for every built-in ledger over the demo org tree, last year and this year (up to
 * today), in approved submissions so the figures count and year-on-year comparisons exist.
 * Deterministic from the seed; the province scale fills every city's units (about ten times the
 * city). Loaded in bulk inside one transaction.
 */
import type { InputValue } from '../../../domain/statistics/columns.js'
import { addDays, dueDateOf, earlierDate } from '../../../domain/statistics/periods.js'
import { buildRow } from '../../../domain/statistics/row.js'
import { recordAudit } from '../../audit/record.js'
import { type Services, SYSTEM_ACTOR } from '../../context.js'
import { createRng, type Rng } from '../../demo/random.js'
import { toLedger } from './definition.js'
import {
  allLiveUnits,
  insertRows,
  insertSubmissions,
  listLedgerRecords,
  type NewRow,
  type SubmissionRecord,
  touchLedger,
} from './repository.js'
import { seedBuiltinLedgers } from './seed.js'
import { slotValues } from './write-row.js'

export interface StatisticsDemoOptions {
  seed: number
  scale: 'city' | 'province'
  today: string
}

type Unit = Awaited<ReturnType<typeof allLiveUnits>>[number]
type Values = Record<string, InputValue>
interface Planned {
  unit: Unit
  period: string
  values: Values
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A date in the year, not after today. */
function dateIn(rng: Rng, year: number, today: string): string {
  const last = year === Number(today.slice(0, 4)) ? today : `${year}-12-31`
  const days = Math.max(0, Math.round((Date.parse(last) - Date.parse(`${year}-01-01`)) / 86_400_000))
  return addDays(`${year}-01-01`, rng.int(0, days))
}

const TECH = [
  '一种高效储能材料',
  '一种智能检测装置',
  '一种低碳冶炼工艺',
  '一种新型传感器',
  '一种工业机器人控制方法',
  '一种生物医药制剂',
]
const ELSEWHERE = ['北京市', '上海市', '深圳市', '大连市']

function plan(rng: Rng, units: Unit[], years: number[], today: string): Record<string, Planned[]> {
  const of = (kind: string) => units.filter((u) => u.kind === kind)
  const parentOf = new Map(units.map((u) => [u.id, u]))
  const dept = (name: string) => units.filter((u) => u.kind === 'department' && u.name === name)
  const out: Record<string, Planned[]> = {}
  const add = (key: string, p: Planned) => {
    out[key] = [...(out[key] ?? []), p]
  }
  for (const y of years) {
    const thisYear = y === Number(today.slice(0, 4))
    const share = thisYear
      ? Math.max(0.1, (Date.parse(today) - Date.parse(`${y}-01-01`)) / (365 * 86_400_000))
      : 1
    for (const u of of('university')) {
      const n = Math.round(rng.int(6, 16) * share)
      const city = u.parent_id === null ? undefined : parentOf.get(u.parent_id)
      for (let i = 1; i <= n; i++) {
        // About half the contracts go to buyers in the university's own city.
        const here = rng.chance(0.55)
        add('tech_transfer', {
          unit: u,
          period: String(y),
          values: {
            university: u.name,
            seq_no: i,
            title: `${rng.pick(TECH)}技术`,
            kind: rng.weighted([
              ['transfer', 6],
              ['licence', 3],
              ['equity', 1],
            ] as const),
            amount: rng.int(5, 800) * 1_000_000 + rng.int(0, 99) * 10_000,
            contract_date: dateIn(rng, y, today),
            buyer_location: here ? rng.pick(['本市', city?.name ?? '本市']) : rng.pick(ELSEWHERE),
            in_city: here,
          },
        })
      }
      for (let i = 1; i <= Math.round(rng.int(1, 4) * share); i++)
        add('job_fairs', {
          unit: u,
          period: String(y),
          values: {
            name: `${u.name}${y}年第${i}场毕业生双选会`,
            fair_date: dateIn(rng, y, today),
            mode: rng.chance(0.4) ? 'online' : 'offline',
            employers: rng.int(40, 600),
            positions: rng.int(400, 9000),
          },
        })
      if (rng.chance(0.4))
        add('joint_programmes', {
          unit: u,
          period: String(y),
          values: {
            university: u.name,
            name: `${u.name}与海外合作大学${rng.pick(['机械工程', '计算机科学', '工商管理'])}本科教育项目`,
            partner: '海外合作大学',
            level: 'undergraduate',
            places: rng.int(60, 240),
          },
        })
    }
    for (const c of of('county')) {
      for (const type of ['public', 'private'])
        add('migrant_children', {
          unit: c,
          period: String(y),
          values: {
            county: c.id,
            school_type: type,
            students: type === 'public' ? rng.int(3000, 12000) : rng.int(400, 2500),
          },
        })
      if (rng.chance(0.5))
        add('cooperation_projects', {
          unit: c,
          period: String(y),
          values: {
            name: `${c.name}${rng.pick(['职业教育', '基础教育', '教师培训'])}合作项目`,
            partner: rng.pick(['示例大学', '示例职业技术学院', '示例科技有限公司']),
            signed_on: dateIn(rng, y, today),
            amount: rng.int(10, 500) * 1_000_000,
          },
        })
    }
    for (const s of of('school').filter(
      (x) => x.rural === 1 && (x.stage === 'primary' || x.stage === 'junior'),
    )) {
      const county = s.parent_id === null ? undefined : parentOf.get(s.parent_id)
      add('nutrition_plan', {
        unit: county ?? s,
        period: String(y),
        values: { school: s.id, students: rng.int(80, 900), subsidy: rng.int(80, 900) * 80_000 },
      })
    }
    for (const d of dept('职业教育与成人教育处')) {
      for (let i = 1; i <= rng.int(20, 40); i++)
        add('vocational_week_exhibitors', {
          unit: d,
          period: String(y),
          values: {
            name: `参展单位${y}-${d.id}-${i}`,
            exhibitor_type: rng.weighted([
              ['school', 5],
              ['enterprise', 4],
              ['other', 1],
            ] as const),
            event_date:
              thisYear && today < `${y}-05-10` ? dateIn(rng, y, today) : `${y}-05-${pad(rng.int(10, 16))}`,
            booths: rng.int(1, 6),
          },
        })
      for (let i = 1; i <= rng.int(2, 5); i++)
        add('industry_education', {
          unit: d,
          period: String(y),
          values: {
            name: `${y}年${rng.pick(['智能制造', '现代农业', '数字经济', '医养健康'])}产教融合体${d.id}-${i}`,
            kind: rng.weighted([
              ['consortium', 2],
              ['community', 3],
              ['base', 2],
            ] as const),
            lead: rng.pick(['示例职业技术学院', '示例大学', '示例工业大学']),
            members: rng.int(12, 80),
            established_on: dateIn(rng, y, today),
          },
        })
    }
  }
  for (const u of of('university'))
    for (let i = 1; i <= rng.int(1, 4); i++)
      add('research_platforms', {
        unit: u,
        period: 'all',
        values: {
          name: `${u.name}${rng.pick(['先进材料', '智能制造', '生物医药', '环境工程', '信息技术'])}${rng.pick(['重点实验室', '工程研究中心'])}${i}`,
          university: u.name,
          level: rng.weighted([
            ['national', 1],
            ['ministry', 2],
            ['province', 5],
          ] as const),
          approved_on: dateIn(rng, rng.int(2012, years[years.length - 1] ?? 2025), today),
        },
      })
  return out
}

/** Which department of the top bureau keeps each built-in ledger in the demo (an admin sets it in a real installation). */
const DEMO_OWNERS: Record<string, string> = {
  tech_transfer: '科技处',
  job_fairs: '学生处',
  nutrition_plan: '基础教育处',
  migrant_children: '基础教育处',
  research_platforms: '科技处',
  joint_programmes: '高等教育处',
  vocational_week_exhibitors: '职业教育与成人教育处',
  industry_education: '职业教育与成人教育处',
  cooperation_projects: '发展规划处',
}

async function assignDemoOwners(services: Services): Promise<void> {
  // The top bureau's departments: those nearest the root (a province's, or the city demo's city's).
  const all = await services.db
    .selectFrom('org_units')
    .select(['id', 'name', 'path'])
    .where('kind', '=', 'department')
    .execute()
  const level = (p: string) => p.split('/').length
  const top = Math.min(...all.map((d) => level(d.path)))
  const departments = all.filter((d) => level(d.path) === top)
  for (const [ledger, name] of Object.entries(DEMO_OWNERS)) {
    const owner = departments.find((d) => d.name === name)
    if (owner)
      await services.db
        .updateTable('stats_ledgers')
        .set({ owner_unit_id: owner.id })
        .where('key', '=', ledger)
        .where('owner_unit_id', 'is', null)
        .execute()
  }
}

export async function loadStatisticsDemo(services: Services, opts: StatisticsDemoOptions): Promise<void> {
  await seedBuiltinLedgers(services)
  await assignDemoOwners(services)
  const rng = createRng(opts.seed).fork('statistics')
  const year = Number(opts.today.slice(0, 4))
  const units = await allLiveUnits(services.db)
  const planned = plan(rng, units, [year - 1, year], opts.today)
  const at = services.now().toISOString()
  await services.db.transaction().execute(async (trx) => {
    let total = 0
    for (const ledger of (await listLedgerRecords(trx, false)).map(toLedger).filter((l) => l.builtin)) {
      const rows = planned[ledger.key] ?? []
      if (!rows.length) continue
      const drafts = rows.map((p) => {
        const { draft, problems } = buildRow(ledger, p.values, {
          periodLabel: p.period === 'all' ? undefined : p.period,
          today: opts.today,
          home: null,
        })
        if (!draft) throw new Error(`demo ${ledger.key}: ${JSON.stringify(problems)}`)
        return { p, draft }
      })
      // One approved submission per unit and period, submitted a few days after the period ended.
      const subKeys = [...new Set(drafts.map((d) => `${d.p.unit.id}|${d.draft.period.label}`))]
      const subRows: Omit<SubmissionRecord, 'id'>[] = subKeys.map((k) => {
        const d = drafts.find((x) => `${x.p.unit.id}|${x.draft.period.label}` === k)
        if (!d) throw new Error('demo submission')
        const period = d.draft.period
        const due = dueDateOf(period, ledger.dueDays)
        const late = rng.chance(0.15)
        const submitted =
          period.end < opts.today ? addDays(period.end, late ? rng.int(16, 40) : rng.int(1, 10)) : opts.today
        const on = earlierDate(submitted, opts.today)
        return {
          ledger_id: ledger.id,
          org_unit_id: d.p.unit.id,
          scope_path: d.p.unit.path,
          period_label: period.label,
          period_start: period.start,
          period_end: period.end,
          due_on: due,
          status: 'approved',
          first_submitted_on: on,
          submitted_at: `${on}T02:00:00.000Z`,
          submitted_by: '示例填报员',
          decided_at: `${on}T06:00:00.000Z`,
          decided_by: '示例审核员',
          return_reason: null,
          version: 1,
          created_at: at,
          updated_at: at,
        }
      })
      const ids = await insertSubmissions(trx, services.dialect, subRows)
      const subId = new Map(subKeys.map((k, i) => [k, ids[i] ?? 0]))
      const fresh: NewRow[] = drafts.map(({ p, draft }) => ({
        ledger_id: ledger.id,
        submission_id: subId.get(`${p.unit.id}|${draft.period.label}`) ?? 0,
        org_unit_id: p.unit.id,
        scope_path: p.unit.path,
        period_date: draft.periodDate,
        row_key: draft.rowKey,
        status: 'approved',
        source: 'demo',
        ...slotValues(draft),
        version: 1,
        created_by: '示例数据',
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      }))
      await insertRows(trx, services.dialect, fresh)
      await touchLedger(trx, ledger.id, at)
      total += fresh.length
    }
    await recordAudit(trx, services, SYSTEM_ACTOR, {
      action: 'stats.demo',
      entity: 'stats_ledger',
      entityId: null,
      after: { rows: total, scale: opts.scale, seed: opts.seed },
    })
  })
}
