/**
 * The SQL behind the petition figures the indicator registry reads (figures-provider.ts): an
 * inclusive date range and an org subtree instead of a viewer. Scoped by the case's scope path
 * alone: accusations count like any other case, since a count reveals no one (the ledger's
 * `visibleTo` hides them from the accused, which a figure for a unit must not).
 */
import { sql } from 'kysely'
import type { Tx } from '../../context.js'

export interface RangeParams {
  from: string
  to: string
  scopePath: string
  /** The day open cases are counted at: `to`, or today when `to` is later (no projection). */
  asOf: string
  /** Open cases received before this day are backlog (积案) at `asOf`. */
  backlogBefore: string
}

export interface RangeCounts {
  received: number
  repeats: number
  stock: number
  stockResolved: number
  fresh: number
  freshResolved: number
  open: number
  backlog: number
  noticeN: number
  noticeOk: number
  handlingN: number
  handlingOk: number
  satisfied: number
  basic: number
  unsatisfied: number
}

const n = (v: unknown) => Number(v ?? 0)

function liveIn(db: Tx, p: RangeParams) {
  return db
    .selectFrom('petition_cases')
    .where('scope_path', 'like', `${p.scopePath}%`)
    .where('voided_at', 'is', null)
    .where('received_on', '<=', p.to)
}

/**
 * Every count in one scan. A linked repeat petition counts once, with the case it repeats, except
 * in `received` (every registration, 件次) and `repeats`. The timeliness and satisfaction figures
 * judge the step that fell in the range: notices accepted, replies issued, visits made in it.
 */
export async function rangeCounts(db: Tx, p: RangeParams): Promise<RangeCounts> {
  const single = sql`duplicate_of is null`
  const inRange = (col: string) => sql`(${sql.ref(col)} >= ${p.from} and ${sql.ref(col)} <= ${p.to})`
  const open = sql`(closed_on is null or closed_on > ${p.asOf})`
  const stock = sql`(${single} and received_on < ${p.from} and (closed_on is null or closed_on >= ${p.from}))`
  const fresh = sql`(${single} and received_on >= ${p.from})`
  const resolved = sql`(closed_on is not null and closed_on <= ${p.to})`
  const sumIf = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`
  const r = await liveIn(db, p)
    .select([
      sumIf(sql`received_on >= ${p.from}`).as('received'),
      sumIf(sql`duplicate_of is not null and received_on >= ${p.from}`).as('repeats'),
      sumIf(stock).as('stock'),
      sumIf(sql`${stock} and ${resolved}`).as('stock_resolved'),
      sumIf(fresh).as('fresh'),
      sumIf(sql`${fresh} and ${resolved}`).as('fresh_resolved'),
      sumIf(sql`${single} and ${open}`).as('open'),
      sumIf(sql`${single} and ${open} and received_on < ${p.backlogBefore}`).as('backlog'),
      sumIf(sql`${single} and ${inRange('accepted_on')} and notice_due is not null`).as('notice_n'),
      sumIf(sql`${single} and ${inRange('accepted_on')} and accepted_on <= notice_due`).as('notice_ok'),
      sumIf(sql`${single} and ${inRange('replied_on')} and handling_due is not null`).as('handling_n'),
      sumIf(sql`${single} and ${inRange('replied_on')} and replied_on <= handling_due`).as('handling_ok'),
      sumIf(sql`${single} and ${inRange('visited_on')} and satisfaction = 'satisfied'`).as('satisfied'),
      sumIf(sql`${single} and ${inRange('visited_on')} and satisfaction = 'basic'`).as('basic'),
      sumIf(sql`${single} and ${inRange('visited_on')} and satisfaction = 'unsatisfied'`).as('unsatisfied'),
    ])
    .executeTakeFirst()
  return {
    received: n(r?.received),
    repeats: n(r?.repeats),
    stock: n(r?.stock),
    stockResolved: n(r?.stock_resolved),
    fresh: n(r?.fresh),
    freshResolved: n(r?.fresh_resolved),
    open: n(r?.open),
    backlog: n(r?.backlog),
    noticeN: n(r?.notice_n),
    noticeOk: n(r?.notice_ok),
    handlingN: n(r?.handling_n),
    handlingOk: n(r?.handling_ok),
    satisfied: n(r?.satisfied),
    basic: n(r?.basic),
    unsatisfied: n(r?.unsatisfied),
  }
}

/**
 * Categories and demands of the ledger the range tracks (减存控增): the stock at `from` and the new
 * cases received in the range, repeats counted with the case they repeat.
 */
export async function taxonomyInUse(db: Tx, p: RangeParams) {
  const r = await liveIn(db, p)
    .where('duplicate_of', 'is', null)
    .where((eb) =>
      eb.or([eb('received_on', '>=', p.from), eb('closed_on', 'is', null), eb('closed_on', '>=', p.from)]),
    )
    .select([
      sql<number>`count(distinct category_id)`.as('categories'),
      sql<number>`count(distinct demand_id)`.as('demands'),
      sql<number>`count(*)`.as('cases'),
    ])
    .executeTakeFirst()
  return { categories: n(r?.categories), demands: n(r?.demands), cases: n(r?.cases) }
}

/** The earliest day a live case in the subtree was received, up to `to` ("****年以来"). */
export async function firstReceived(db: Tx, p: RangeParams) {
  const r = await liveIn(db, p)
    .select([sql<string | null>`min(received_on)`.as('first'), sql<number>`count(*)`.as('cases')])
    .executeTakeFirst()
  return { first: r?.first ?? null, cases: n(r?.cases) }
}

/**
 * When the ledger last changed: every change to a case appends to its timeline (the newest event by
 * primary key), and the backlog threshold is a setting.
 */
export async function ledgerChangedAt(db: Tx): Promise<string | null> {
  const ev = await db
    .selectFrom('petition_events')
    .select('at')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const set = await db
    .selectFrom('settings')
    .select('updated_at')
    .where('key', '=', 'petitions.settings')
    .executeTakeFirst()
  const all = [ev?.at, set?.updated_at].filter((t): t is string => typeof t === 'string')
  return all.sort().at(-1) ?? null
}
