/**
 * The named figures of the petition ledger (减存控增): stock at the cut-off and how much of it is
 * resolved, new cases and their resolution, open, backlog, on-time rates, satisfaction, and the
 * breakdowns the dashboard and the reports use. Cached per viewer until any case changes.
 *
 * The per-case part comes from the in-process snapshot of the figure columns, in one pass in
 * memory, or from the SQL it replaces when the snapshot cannot answer (figures-source.ts).
 */
import { addDays } from '../../../domain/calendar/calendar.js'
import type { Ctx } from '../../context.js'
import { changeStamp } from '../../db/dialect.js'
import { badRequest } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { todayInChina } from './derive.js'
import { dataStamp, type FigureGroup, livePlans } from './figures-repository.js'
import { caseFigures } from './figures-source.js'
import type { FiguresView } from './schema.js'
import { loadSettings } from './settings.js'
import { allCategories } from './taxonomy.js'

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000

const cache = new Map<string, FiguresView>()
const CACHE_MAX = 200

export async function petitionFigures(
  ctx: Ctx,
  q: {
    campaignId?: number | undefined
    cutoff?: string | undefined
    asOf?: string | undefined
    countyId?: number | undefined
  },
): Promise<FiguresView> {
  authorize(ctx.actor, 'petition.read')
  const today = todayInChina(ctx.now())
  const asOf = q.asOf ?? today
  let cutoff = q.cutoff
  if (q.campaignId) {
    const c = await ctx.db
      .selectFrom('petition_campaigns')
      .select('cutoff_on')
      .where('id', '=', q.campaignId)
      .where('voided_at', 'is', null)
      .executeTakeFirst()
    if (!c) throw badRequest('validation', {}, [{ field: 'campaignId', key: 'not_found' }])
    cutoff ??= c.cutoff_on
  }
  cutoff ??= `${asOf.slice(0, 4)}-01-01`
  const settings = await loadSettings(ctx.db)
  const key = JSON.stringify([
    ctx.actor.id,
    ctx.actor.scopePath,
    cutoff,
    asOf,
    today,
    q.countyId ?? null,
    settings,
    ctx.locale,
    // On PostgreSQL the newest event id is not enough: a transaction holding a lower id can commit
    // after it was read, and the cached figures would miss that case until the next change. The
    // snapshot names exactly what is committed (server/db/dialect.ts changeStamp).
    ctx.dialect === 'postgres' ? await changeStamp(ctx.db, ctx.dialect) : await dataStamp(ctx.db),
  ])
  const hit = cache.get(key)
  if (hit) return hit

  const p = {
    cutoff,
    asOf,
    today,
    soon: addDays(today, settings.dueSoonDays),
    backlogBefore: addDays(asOf, -settings.backlogDays),
    countyId: q.countyId,
  }
  const monthsFrom = `${addDays(asOf, -730).slice(0, 7)}-01`
  const [{ groups, repeats, series }, categories, plans, counties] = await Promise.all([
    caseFigures(ctx.db, ctx.actor, p, monthsFrom),
    allCategories(ctx.db),
    livePlans(ctx.db),
    ctx.db.selectFrom('org_units').select(['id', 'name']).where('kind', '=', 'county').execute(),
  ])
  const view = rollUp(groups, {
    repeats,
    series,
    categories,
    plans,
    counties,
    cutoff,
    asOf,
    backlogDays: settings.backlogDays,
  })
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string)
  cache.set(key, view)
  return view
}

type Sum = Omit<FigureGroup, 'category_id' | 'demand_id' | 'county_id' | 'first_received'>
const ZERO: Sum = {
  total: 0,
  open: 0,
  stock: 0,
  stock_resolved: 0,
  fresh: 0,
  fresh_resolved: 0,
  backlog: 0,
  overdue: 0,
  due_soon: 0,
  notice_n: 0,
  notice_ok: 0,
  handling_n: 0,
  handling_ok: 0,
  satisfied: 0,
  basic: 0,
  unsatisfied: 0,
}
function add(into: Sum, g: Sum) {
  for (const k of Object.keys(ZERO) as (keyof Sum)[]) into[k] += g[k]
}
function sumBy<K>(groups: FigureGroup[], keyOf: (g: FigureGroup) => K): Map<K, Sum> {
  const m = new Map<K, Sum>()
  for (const g of groups) {
    const k = keyOf(g)
    const s = m.get(k) ?? { ...ZERO }
    add(s, g)
    m.set(k, s)
  }
  return m
}

function rollUp(
  groups: FigureGroup[],
  x: {
    repeats: number
    series: { received: { month: string; n: number }[]; resolved: { month: string; n: number }[] }
    categories: { id: number; name: string; parent_id: number | null; voided_at: string | null }[]
    plans: { category_id: number; demand_id: number | null; status: string }[]
    counties: { id: number; name: string }[]
    cutoff: string
    asOf: string
    backlogDays: number
  },
): FiguresView {
  const all = { ...ZERO }
  for (const g of groups) add(all, g)
  const names = new Map(x.categories.map((c) => [c.id, c]))
  const countyNames = new Map(x.counties.map((c) => [c.id, c.name]))
  // A finished plan no longer covers a category that still has open cases.
  const planned = new Set(x.plans.filter((p) => p.status !== 'done').map((p) => p.category_id))
  const byCat = sumBy(groups, (g) => g.category_id)
  const byDemand = sumBy(groups, (g) => g.demand_id)
  const byCounty = sumBy(groups, (g) => g.county_id)
  const firsts = groups.map((g) => g.first_received).filter((d): d is string => d !== null)
  const first = firsts.sort()[0] ?? null
  const months = new Map<string, { received: number; resolved: number }>()
  for (const r of x.series.received) months.set(r.month, { received: r.n, resolved: 0 })
  for (const r of x.series.resolved) {
    const m = months.get(r.month) ?? { received: 0, resolved: 0 }
    m.resolved = r.n
    months.set(r.month, m)
  }
  const byCategory = [...byCat]
    .map(([id, s]) => ({
      key: String(id),
      label: names.get(id)?.name ?? String(id),
      value: s.total,
      open: s.open,
      hasPlan: planned.has(id),
    }))
    .sort((a, b) => b.value - a.value)
  const satisfied = all.satisfied + all.basic
  return {
    cutoff: x.cutoff,
    asOf: x.asOf,
    firstYear: first ? Number(first.slice(0, 4)) : null,
    cases: all.total,
    categoriesUsed: byCat.size,
    demandsUsed: byDemand.size,
    stockAtCutoff: all.stock,
    stockResolved: all.stock_resolved,
    stockResolvedRate: rate(all.stock_resolved, all.stock),
    newReceived: all.fresh,
    newResolved: all.fresh_resolved,
    openNow: all.open,
    backlog: all.backlog,
    backlogDays: x.backlogDays,
    overdue: all.overdue,
    dueSoon: all.due_soon,
    onTimeNoticeRate: rate(all.notice_ok, all.notice_n),
    onTimeHandlingRate: rate(all.handling_ok, all.handling_n),
    satisfaction: {
      satisfied: all.satisfied,
      basic: all.basic,
      unsatisfied: all.unsatisfied,
      // 满意率 counts "satisfied" and "basically satisfied" together, as bureaus report it.
      rate: rate(satisfied, satisfied + all.unsatisfied),
    },
    repeatCases: x.repeats,
    byCategory,
    byDemand: [...byDemand]
      .map(([id, s]) => ({
        key: String(id),
        label: names.get(id)?.name ?? String(id),
        categoryId: names.get(id)?.parent_id ?? 0,
        value: s.total,
        open: s.open,
      }))
      .sort((a, b) => b.value - a.value),
    byCounty: [...byCounty]
      .map(([id, s]) => ({
        key: id === null ? 'none' : String(id),
        label: id === null ? '市直' : (countyNames.get(id) ?? String(id)),
        value: s.total,
        open: s.open,
        overdue: s.overdue,
      }))
      .sort((a, b) => b.value - a.value),
    byMonth: [...months]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, m]) => ({ month, received: m.received, resolved: m.resolved })),
    categoriesWithoutPlan: byCategory.filter((c) => c.open > 0 && !c.hasPlan).map((c) => c.label),
  }
}
