/** The aggregate SQL over the rows table's slots. No rules: `aggregate.ts` checks and plans. */
import { type ExpressionBuilder, sql } from 'kysely'
import type { Tx } from '../../context.js'
import type { Database } from '../../db/schema.js'

export interface SqlFilter {
  slot: string
  op: 'eq' | 'ne' | 'in' | 'gte' | 'lte' | 'like'
  value: string | number | (string | number)[]
}

export interface AggregateSpec {
  ledgerId: number
  fn: 'count' | 'sum' | 'avg' | 'count_distinct' | 'min' | 'max'
  measureSlot?: string | undefined
  /** A date column other than the period date; undefined: `period_date` (indexed). */
  dateSlot?: string | undefined
  /** An org column whose unit decides the scope; undefined: the row's own unit. */
  orgSlot?: string | undefined
  from: string
  to: string
  scopePath: string
  filters: SqlFilter[]
}

const OPS = { eq: '=', ne: '<>', in: 'in', gte: '>=', lte: '<=', like: 'like' } as const

function base(db: Tx, s: AggregateSpec) {
  let q = db
    .selectFrom('stats_rows as r')
    .where('r.ledger_id', '=', s.ledgerId)
    .where('r.status', '=', 'approved')
    .where('r.voided_at', 'is', null)
  const date = sql.ref(s.dateSlot ? `r.${s.dateSlot}` : 'r.period_date')
  q = q.where(date, '>=', s.from).where(date, '<=', s.to)
  if (s.orgSlot) {
    const slot = s.orgSlot
    q = q.where((eb: ExpressionBuilder<Database & { r: Database['stats_rows'] }, 'r'>) =>
      eb.exists(
        eb
          .selectFrom('org_units as ou')
          .select('ou.id')
          .whereRef('ou.id', '=', sql.ref(`r.${slot}`))
          .where('ou.path', 'like', `${s.scopePath}%`),
      ),
    )
  } else if (s.scopePath !== '/') {
    q = q.where('r.scope_path', 'like', `${s.scopePath}%`)
  }
  for (const f of s.filters) {
    const ref = sql.ref(`r.${f.slot}`)
    if (f.op === 'like') {
      const pattern = `%${String(f.value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      q = q.where(ref, 'like', sql`${pattern} escape '\\'`)
    } else if (f.op === 'ne') {
      // "not X" keeps the blanks too: a blank enum is not "transfer".
      q = q.where((eb) => eb.or([eb(ref, '<>', f.value as string | number), eb(ref, 'is', null)]))
    } else {
      q = q.where(ref, OPS[f.op], f.value)
    }
  }
  return q
}

function measure(s: AggregateSpec) {
  const m = s.measureSlot ? sql.ref(`r.${s.measureSlot}`) : undefined
  switch (s.fn) {
    case 'count':
      return m ? sql<number | null>`count(${m})` : sql<number | null>`count(*)`
    case 'count_distinct':
      return sql<number | null>`count(distinct ${m})`
    case 'sum':
      return sql<number | null>`sum(${m})`
    case 'avg':
      return sql<number | null>`avg(${m})`
    case 'min':
      return sql<number | null>`min(${m})`
    case 'max':
      return sql<number | null>`max(${m})`
  }
}

export async function aggregateQuery(
  db: Tx,
  s: AggregateSpec,
): Promise<{ value: number | null; rows: number }> {
  const r = await base(db, s)
    .select([measure(s).as('value'), sql<number>`count(*)`.as('rows')])
    .executeTakeFirstOrThrow()
  return { value: r.value === null ? null : Number(r.value), rows: Number(r.rows) }
}

export async function groupedQuery(
  db: Tx,
  s: AggregateSpec,
  groupSlot: string,
): Promise<{ grp: string | number | null; value: number | null; rows: number }[]> {
  const g = sql.ref(`r.${groupSlot}`)
  return base(db, s)
    .select([
      sql<string | number | null>`${g}`.as('grp'),
      measure(s).as('value'),
      sql<number>`count(*)`.as('rows'),
    ])
    .groupBy(g)
    .orderBy(g)
    .execute()
}
