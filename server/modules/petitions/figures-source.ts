/**
 * Where the per-case figures (groups, repeats, monthly series) come from: the in-process snapshot
 * (figure-snapshot.ts), one pass in memory; or the SQL in figures-repository.ts, which stays the
 * reference the tests compare with and answers whenever the snapshot cannot (inside a transaction,
 * a stored date not of the shape YYYY-MM-DD, an unusable id space).
 */
import type { Actor, Tx } from '../../context.js'
import { figureSnapshot } from './figure-snapshot.js'
import { byGroupKey, computeFigures, type SnapshotFigures } from './figure-snapshot-compute.js'
import { dayNumber } from './figure-snapshot-packed.js'
import { type FigureParams, figureGroups, monthlySeries, repeatCount } from './figures-repository.js'

/** The groups, repeats and monthly series: from the snapshot when it can answer, else by SQL. */
export async function caseFigures(
  db: Tx,
  actor: Actor,
  p: FigureParams,
  monthsFrom: string,
): Promise<SnapshotFigures> {
  if (!db.isTransaction && sameAsSql(actor, p, monthsFrom)) {
    const cols = await figureSnapshot(db).sync(db)
    if (cols.odd === 0 && !cols.unusable) return computeFigures(cols, actor, p, monthsFrom)
  }
  return sqlFigures(db, actor, p, monthsFrom)
}

/**
 * The snapshot compares dates as integers and scopes by prefix: the same as the SQL's text
 * comparison and LIKE only for well-formed dates and a scope path without wildcards or letters
 * (always so, as the app writes them; checked rather than assumed).
 */
function sameAsSql(actor: Actor, p: FigureParams, monthsFrom: string): boolean {
  const dates = [p.cutoff, p.asOf, p.today, p.soon, p.backlogBefore, monthsFrom]
  return /^[0-9/]*$/.test(actor.scopePath) && dates.every((d) => dayNumber(d) > 0)
}

/** The reference: one grouped scan, a count and two range scans. */
export async function sqlFigures(
  db: Tx,
  actor: Actor,
  p: FigureParams,
  monthsFrom: string,
): Promise<SnapshotFigures> {
  const [groups, repeats, series] = await Promise.all([
    figureGroups(db, actor, p),
    repeatCount(db, actor, p),
    monthlySeries(db, actor, p, monthsFrom),
  ])
  // Key order on both paths, so the roll-up breaks ties between equal values the same way.
  return { groups: groups.sort(byGroupKey), repeats, series }
}
