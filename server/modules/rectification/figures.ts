/**
 * 整改率 and the other figures of the problem list, per campaign and subtree: problems found,
 * rectified, signed off, the rate (signed off ÷ found) and the completion rate ((rectified +
 * signed off) ÷ found), fix-at-once problems, overdue measures; by source, by category, and by
 * unit (the units directly under the chosen one, each with its subtree; its own problems as 本级).
 * Two grouped scans; the rest is adding up in memory.
 */
import {
  PROBLEM_SOURCES,
  type ProblemSource,
  type ProblemStatus,
  SOURCE_LABELS,
  type StatusCount,
  tally,
} from '../../../domain/rectification/lifecycle.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { allItems, CATEGORIES } from './lists.js'
import { label } from './present.js'
import { overdueMeasureCounts, problemCounts, problemMonths, unitsByIds } from './repository.js'
import type { FiguresQuery, FiguresView } from './schema.js'
import { filterPath, todayInChina } from './units.js'

class Groups {
  private readonly counts = new Map<string, StatusCount[]>()
  private readonly overdue = new Map<string, number>()
  addCount(key: string, c: StatusCount) {
    const list = this.counts.get(key) ?? []
    list.push(c)
    this.counts.set(key, list)
  }
  addOverdue(key: string, n: number) {
    this.overdue.set(key, (this.overdue.get(key) ?? 0) + n)
  }
  keys() {
    return new Set([...this.counts.keys(), ...this.overdue.keys()])
  }
  tally(key: string) {
    return tally(this.counts.get(key) ?? [], this.overdue.get(key) ?? 0)
  }
}

/** The id of the unit directly under `root` that `path` lies in; `root`'s own id for the root itself. */
function childOf(root: string, path: string): number {
  const rest = path.slice(root.length).split('/').filter(Boolean)
  const id = rest[0] ?? root.split('/').filter(Boolean).at(-1) ?? '0'
  return Number(id)
}

export async function rectificationFigures(ctx: Ctx, q: FiguresQuery): Promise<FiguresView> {
  authorize(ctx.actor, 'problem.read')
  const today = todayInChina(ctx.now())
  const root = await filterPath(ctx.db, ctx.actor, q.unitId)
  const filter = { scopePath: root, campaign: q.campaign, campaignId: q.campaignId }
  const months = lastMonths(today, 12)
  const [counts, overdue, categories, series] = await Promise.all([
    problemCounts(ctx.db, filter),
    overdueMeasureCounts(ctx.db, filter, today),
    allItems(ctx.db, CATEGORIES),
    problemMonths(ctx.db, filter, months[0] as string),
  ])

  const all = new Groups()
  const bySource = new Groups()
  const byCategory = new Groups()
  const byUnit = new Groups()
  const byCampaign = new Groups()
  for (const r of counts) {
    const c = { status: r.status as ProblemStatus, fixAtOnce: r.fix_at_once === 1, n: r.n }
    all.addCount('', c)
    bySource.addCount(r.source, c)
    byCategory.addCount(String(r.category_id), c)
    byUnit.addCount(String(childOf(root, r.scope_path)), c)
    byCampaign.addCount(r.campaign, c)
  }
  for (const r of overdue) {
    all.addOverdue('', r.n)
    bySource.addOverdue(r.source, r.n)
    byCategory.addOverdue(String(r.category_id), r.n)
    byUnit.addOverdue(String(childOf(root, r.scope_path)), r.n)
    byCampaign.addOverdue(r.campaign, r.n)
  }

  const rootId = childOf(root, root)
  const units = await unitsByIds(ctx.db, [...new Set([...byUnit.keys()].map(Number).concat(rootId))])
  const unitById = new Map(units.map((u) => [u.id, u]))
  const own = ctx.locale === 'en' ? 'Own level' : '本级'
  const unitRows = [...byUnit.keys()]
    .map((key) => {
      const u = unitById.get(Number(key))
      const self = Number(key) === rootId
      return {
        key,
        unitId: Number(key),
        label: self ? `${u?.name ?? ''}（${own}）` : (u?.name ?? key),
        order: self ? -1 : (u?.sort_order ?? 0),
        ...byUnit.tally(key),
      }
    })
    .sort((a, b) => a.order - b.order || a.unitId - b.unitId)
    .map(({ order: _o, ...r }) => r)

  const rootUnit = unitById.get(rootId)
  return {
    asOf: today,
    unitId: q.unitId ?? null,
    unit: q.unitId ? (rootUnit?.name ?? null) : null,
    campaign: q.campaign ?? null,
    campaignId: q.campaignId ?? null,
    ...all.tally(''),
    bySource: PROBLEM_SOURCES.filter((s) => bySource.keys().has(s)).map((s: ProblemSource) => ({
      key: s,
      label: label(SOURCE_LABELS[s], ctx.locale),
      ...bySource.tally(s),
    })),
    byCategory: categories
      .filter((c) => byCategory.keys().has(String(c.id)))
      .map((c) => ({ key: String(c.id), label: c.name, ...byCategory.tally(String(c.id)) })),
    byUnit: unitRows,
    byCampaign: [...byCampaign.keys()]
      .sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'zh-CN')))
      .map((key) => ({
        key,
        label: key || (ctx.locale === 'en' ? 'No campaign' : '未归属活动'),
        ...byCampaign.tally(key),
      })),
    byMonth: months.map((month) => ({
      month,
      found: series.found.find((m) => m.month === month)?.n ?? 0,
      signedOff: series.signedOff.find((m) => m.month === month)?.n ?? 0,
    })),
  }
}

/** The `n` calendar months ending with today's, oldest first (YYYY-MM). */
function lastMonths(today: string, n: number): string[] {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i)
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
  })
}
