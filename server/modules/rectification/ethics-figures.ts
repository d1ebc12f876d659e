/**
 * The named figures of teacher ethics, for reports ("查处师德师风违规案件 * 起，通报典型案例 * 起"),
 * over the live cases in the user's scope or under one unit of it:
 *
 * - cases: cases that happened (发生日期) in the year asked for, or all;
 * - published: cases published (通报日期) in that year, or all published;
 * - byViolationType, byHandling: the year's cases by type and by handling;
 * - byYear: per year, cases that happened and cases published in it, so any year's row equals the
 *   figures asked for with that year.
 * One grouped scan; the rest is adding up in memory.
 */
import { HANDLING_LABELS, HANDLINGS } from '../../../domain/rectification/public-summary.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { allItems, VIOLATION_TYPES } from './lists.js'
import { label } from './present.js'
import { ethicsCounts, unitsByIds } from './repository.js'
import type { EthicsFiguresQuery, EthicsFiguresView } from './schema.js'
import { filterPath, todayInChina } from './units.js'

const add = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n)

export async function ethicsFigures(ctx: Ctx, q: EthicsFiguresQuery): Promise<EthicsFiguresView> {
  authorize(ctx.actor, 'ethics.read')
  const root = await filterPath(ctx.db, ctx.actor, q.unitId)
  const [counts, types, units] = await Promise.all([
    ethicsCounts(ctx.db, root),
    allItems(ctx.db, VIOLATION_TYPES),
    q.unitId ? unitsByIds(ctx.db, [q.unitId]) : Promise.resolve([]),
  ])
  const year = q.year === undefined ? null : String(q.year)

  let cases = 0
  let published = 0
  const byType = new Map<number, number>()
  const byHandling = new Map<string, number>()
  const happened = new Map<string, number>()
  const publishedIn = new Map<string, number>()
  for (const r of counts) {
    add(happened, r.year, r.n)
    const pubYear = r.published === 1 ? r.published_year : null
    if (pubYear) add(publishedIn, pubYear, r.n)
    if (pubYear && (year === null || pubYear === year)) published += r.n
    if (year !== null && r.year !== year) continue
    cases += r.n
    add(byType, r.violation_type_id, r.n)
    add(byHandling, r.handling, r.n)
  }

  const years = [...new Set([...happened.keys(), ...publishedIn.keys()])].sort()
  return {
    asOf: todayInChina(ctx.now()),
    year: q.year ?? null,
    unitId: q.unitId ?? null,
    unit: units[0]?.name ?? null,
    cases,
    published,
    byViolationType: types
      .filter((t) => !t.voided_at || byType.has(t.id))
      .map((t) => ({ key: String(t.id), label: t.name, value: byType.get(t.id) ?? 0 })),
    byHandling: HANDLINGS.map((h) => ({
      key: h,
      label: label(HANDLING_LABELS[h], ctx.locale),
      value: byHandling.get(h) ?? 0,
    })),
    byYear: years.map((y) => ({
      year: Number(y),
      cases: happened.get(y) ?? 0,
      published: publishedIn.get(y) ?? 0,
    })),
  }
}
