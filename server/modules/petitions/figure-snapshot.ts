/**
 * The in-process snapshot behind the petition figures: the figure columns of every live case
 * (figure-snapshot-columns.ts), loaded on the first figures request for a database and brought up
 * to date before each computation from the timeline. Every change to a case appends a
 * `petition_events` row in the same transaction (register, actions, void, import insert, deadline
 * recompute, demo load, import insert and update); the cases behind events newer than the last one
 * read are reloaded. Retention erases only personal columns, none read here.
 *
 * On PostgreSQL, transactions may commit out of id order (and several processes may write): an
 * event id below the newest one read may still be in flight. Such missing ids are remembered and
 * asked for again until they turn up or are old enough to have been rolled back.
 */
import type { Kysely } from 'kysely'
import type { Tx } from '../../context.js'
import type { Database } from '../../db/schema.js'
import { FigureColumns } from './figure-snapshot-columns.js'
import {
  casesById,
  categoryIds,
  eventIdsAbove,
  eventsSince,
  liveCasesOfCategory,
  maxCaseId,
  maxEventId,
} from './figure-snapshot-repository.js'

const BY_ID = 500
/** How far below the newest event id a first load looks for ids still in flight. */
const FIRST_LOAD_WINDOW = 10_000
/** A missing id older than this belonged to a transaction that rolled back. */
const MISSING_TTL_MS = 30 * 60_000
const MISSING_MAX = 10_000
/** More changed cases than this: loading everything again is quicker than by id. */
const RELOAD_OVER = 50_000

export class FigureSnapshot {
  private cols: FigureColumns | null = null
  /** The highest event id read, and ids at or below it not visible yet (→ when first missed). */
  private seen = 0
  private readonly missing = new Map<number, number>()
  private chain: Promise<unknown> = Promise.resolve()
  /** Milliseconds the last full load took, and how many full loads there were. */
  lastLoadMs = 0
  loads = 0

  constructor(private readonly clock: () => number = Date.now) {}

  /** Event ids at or below the newest read that have not turned up yet (oldest first). */
  missingIds(): number[] {
    return [...this.missing.keys()].sort((a, b) => a - b)
  }

  /** Brings the snapshot up to date with the database, loading it the first time; one at a time. */
  sync(db: Tx): Promise<FigureColumns> {
    const run = this.chain.then(() => this.syncNow(db))
    // A failed sync must not block the next one; it changed nothing (updates apply all at once).
    this.chain = run.catch(() => undefined)
    return run
  }

  private async syncNow(db: Tx): Promise<FigureColumns> {
    if (!this.cols) return this.load(db)
    const events = await eventsSince(db, this.seen, [...this.missing.keys()])
    this.forgetOldMissing()
    if (events.length === 0) return this.cols
    const ids = events.map((e) => Number(e.id))
    const caseIds = [...new Set(events.map((e) => Number(e.case_id)))]
    if (caseIds.length > RELOAD_OVER) return this.load(db)
    const rows = []
    for (let i = 0; i < caseIds.length; i += BY_ID)
      rows.push(...(await casesById(db, caseIds.slice(i, i + BY_ID))))
    // Applied in one synchronous step: a computation never sees half an update.
    for (const id of caseIds) this.cols.remove(id)
    for (const r of rows) this.cols.upsert(r)
    this.noteSeen(ids)
    return this.cols
  }

  private async load(db: Tx): Promise<FigureColumns> {
    const t0 = performance.now()
    // The marker first: whatever commits after it is picked up by the next sync.
    const top = await maxEventId(db)
    const recent = await eventIdsAbove(db, Math.max(0, top - FIRST_LOAD_WINDOW))
    // Sized once (ids are dense), with room for the cases registered after.
    const cols = new FigureColumns(Math.ceil((await maxCaseId(db)) * 1.02) + 1024)
    // A page per category: each a range of the covering figures index, and never all rows at once.
    for (const id of await categoryIds(db)) for (const r of await liveCasesOfCategory(db, id)) cols.upsert(r)
    this.cols = cols
    this.seen = Math.max(0, top - FIRST_LOAD_WINDOW)
    this.missing.clear()
    this.noteSeen(recent.length > 0 ? recent : [top])
    this.loads++
    this.lastLoadMs = performance.now() - t0
    return cols
  }

  /** Moves `seen` to the highest of `ids`, remembering the ids skipped on the way as missing. */
  private noteSeen(ids: number[]) {
    const now = this.clock()
    const sorted = [...ids].sort((a, b) => a - b)
    for (const id of sorted) this.missing.delete(id)
    let next = this.seen + 1
    for (const id of sorted) {
      for (next = Math.max(next, id - MISSING_MAX); next < id; next++) this.missing.set(next, now)
      next = Math.max(next, id + 1)
    }
    this.seen = Math.max(this.seen, sorted.at(-1) ?? 0)
    // Keep the newest: ids still in flight are the most recent ones.
    if (this.missing.size > MISSING_MAX)
      for (const id of [...this.missing.keys()]
        .sort((a, b) => a - b)
        .slice(0, this.missing.size - MISSING_MAX))
        this.missing.delete(id)
  }

  private forgetOldMissing() {
    const before = this.clock() - MISSING_TTL_MS
    for (const [id, at] of this.missing) if (at < before) this.missing.delete(id)
  }
}

const snapshots = new WeakMap<Kysely<Database>, FigureSnapshot>()

/** The snapshot of this database (one per connection pool, so per database), made on first use. */
export function figureSnapshot(db: Kysely<Database>): FigureSnapshot {
  let s = snapshots.get(db)
  if (!s) {
    s = new FigureSnapshot()
    snapshots.set(db, s)
  }
  return s
}
