/**
 * The petition figures in SQL: one grouped scan (category × demand × county, with conditional
 * sums) that the caller rolls up, plus two index range scans for the monthly series. One pass
 * over 300,000 cases instead of a query per figure.
 */
import { sql } from 'kysely'
import type { Actor, Tx } from '../../context.js'
import { visibleTo } from './repository.js'

export interface FigureParams {
  cutoff: string
  asOf: string
  today: string
  soon: string
  backlogBefore: string
  countyId?: number | undefined
}

export interface FigureGroup {
  category_id: number
  demand_id: number
  county_id: number | null
  first_received: string | null
  total: number
  open: number
  stock: number
  stock_resolved: number
  fresh: number
  fresh_resolved: number
  backlog: number
  overdue: number
  due_soon: number
  notice_n: number
  notice_ok: number
  handling_n: number
  handling_ok: number
  satisfied: number
  basic: number
  unsatisfied: number
}

export interface MonthlySeries {
  received: { month: string; n: number }[]
  resolved: { month: string; n: number }[]
}

const n = (v: unknown) => Number(v ?? 0)

export async function figureGroups(db: Tx, actor: Actor, p: FigureParams): Promise<FigureGroup[]> {
  const open = sql`(closed_on is null or closed_on > ${p.asOf})`
  const stock = sql`(received_on < ${p.cutoff} and (closed_on is null or closed_on >= ${p.cutoff}))`
  const fresh = sql`(received_on >= ${p.cutoff})`
  const resolved = sql`(closed_on is not null and closed_on <= ${p.asOf})`
  const sumIf = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`
  let q = db
    .selectFrom('petition_cases')
    .where(visibleTo(actor))
    .where('voided_at', 'is', null)
    // A linked repeat petition counts once: with the case it repeats.
    .where('duplicate_of', 'is', null)
    .where('received_on', '<=', p.asOf)
  if (p.countyId) q = q.where('county_id', '=', p.countyId)
  const rows = await q
    .select([
      'category_id',
      'demand_id',
      'county_id',
      sql<string | null>`min(received_on)`.as('first_received'),
      sql<number>`count(*)`.as('total'),
      sumIf(open).as('open'),
      sumIf(stock).as('stock'),
      sumIf(sql`${stock} and ${resolved}`).as('stock_resolved'),
      sumIf(fresh).as('fresh'),
      sumIf(sql`${fresh} and ${resolved}`).as('fresh_resolved'),
      sumIf(sql`${open} and received_on < ${p.backlogBefore}`).as('backlog'),
      sumIf(sql`current_due < ${p.today}`).as('overdue'),
      sumIf(sql`current_due >= ${p.today} and current_due <= ${p.soon}`).as('due_soon'),
      sumIf(sql`accepted_on is not null and notice_due is not null`).as('notice_n'),
      sumIf(sql`accepted_on is not null and accepted_on <= notice_due`).as('notice_ok'),
      sumIf(sql`replied_on is not null and handling_due is not null`).as('handling_n'),
      sumIf(sql`replied_on is not null and replied_on <= handling_due`).as('handling_ok'),
      sumIf(sql`satisfaction = 'satisfied'`).as('satisfied'),
      sumIf(sql`satisfaction = 'basic'`).as('basic'),
      sumIf(sql`satisfaction = 'unsatisfied'`).as('unsatisfied'),
    ])
    .groupBy(['category_id', 'demand_id', 'county_id'])
    .execute()
  return rows.map((r) => ({
    category_id: r.category_id,
    demand_id: r.demand_id,
    county_id: r.county_id,
    first_received: r.first_received,
    total: n(r.total),
    open: n(r.open),
    stock: n(r.stock),
    stock_resolved: n(r.stock_resolved),
    fresh: n(r.fresh),
    fresh_resolved: n(r.fresh_resolved),
    backlog: n(r.backlog),
    overdue: n(r.overdue),
    due_soon: n(r.due_soon),
    notice_n: n(r.notice_n),
    notice_ok: n(r.notice_ok),
    handling_n: n(r.handling_n),
    handling_ok: n(r.handling_ok),
    satisfied: n(r.satisfied),
    basic: n(r.basic),
    unsatisfied: n(r.unsatisfied),
  }))
}

export async function repeatCount(db: Tx, actor: Actor, p: FigureParams): Promise<number> {
  let q = db
    .selectFrom('petition_cases')
    .select(sql<number>`count(*)`.as('n'))
    .where(visibleTo(actor))
    .where('voided_at', 'is', null)
    .where('duplicate_of', 'is not', null)
    .where('received_on', '<=', p.asOf)
  if (p.countyId) q = q.where('county_id', '=', p.countyId)
  return n((await q.executeTakeFirst())?.n)
}

/** Cases received and resolved per month from `from` to `asOf` (index range scans). */
export async function monthlySeries(
  db: Tx,
  actor: Actor,
  p: FigureParams,
  from: string,
): Promise<MonthlySeries> {
  const month = (col: 'received_on' | 'closed_on') => sql<string>`substr(${sql.ref(col)}, 1, 7)`
  const base = (col: 'received_on' | 'closed_on') => {
    let q = db
      .selectFrom('petition_cases')
      .where(visibleTo(actor))
      .where('voided_at', 'is', null)
      .where('duplicate_of', 'is', null)
      .where(col, '>=', from)
      .where(col, '<=', p.asOf)
    if (p.countyId) q = q.where('county_id', '=', p.countyId)
    return q
      .select([month(col).as('month'), sql<number>`count(*)`.as('n')])
      .groupBy(month(col))
      .execute()
  }
  const [received, resolved] = await Promise.all([base('received_on'), base('closed_on')])
  return {
    received: received.map((r) => ({ month: r.month, n: n(r.n) })),
    resolved: resolved.map((r) => ({ month: r.month, n: n(r.n) })),
  }
}

/**
 * A stamp that changes whenever any case changes: the figures cache key. Every change to a case
 * appends to its timeline, so the newest event id moves; plans are few and summed whole.
 */
export async function dataStamp(db: Tx): Promise<string> {
  const ev = await db.selectFrom('petition_events').select(sql<number>`max(id)`.as('id')).executeTakeFirst()
  const plans = await db
    .selectFrom('petition_plans')
    .select([sql<number>`count(*)`.as('n'), sql<number>`sum(version)`.as('v')])
    .executeTakeFirst()
  return `${ev?.id ?? 0}|${plans?.n ?? 0}|${plans?.v ?? 0}`
}

export function livePlans(db: Tx) {
  return db
    .selectFrom('petition_plans')
    .select(['category_id', 'demand_id', 'status'])
    .where('voided_at', 'is', null)
    .execute()
}
