/**
 * The petition figures from the in-process snapshot, in one pass: the same groups, monthly series
 * and repeat count as the SQL in figures-repository.ts (which stays the reference the tests compare
 * with), under the same visibility rule as `visibleTo` in repository.ts.
 */
import type { Actor } from '../../context.js'
import type { FigureColumns } from './figure-snapshot-columns.js'
import { ACCUSATION, DUPLICATE, dayNumber, dayText, LIVE, NONE } from './figure-snapshot-packed.js'
import type { FigureGroup, FigureParams, MonthlySeries } from './figures-repository.js'

export interface Visibility {
  /** Per interned path: a case with this scope path is inside the actor's subtree. */
  inScope: Uint8Array
  /** Per interned path: an accusation against this unit is hidden from the actor (he is in it). */
  accused: Uint8Array
  actorId: number
}

/** `visibleTo(actor)` decided once per distinct path rather than once per case. */
export function visibilityFor(c: FigureColumns, actor: Actor): Visibility {
  const n = c.paths.length
  const inScope = new Uint8Array(n)
  const accused = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const p = c.paths[i] as string
    // SQL: scope_path like '<scope>%' (paths hold digits and slashes only, so LIKE is a prefix test).
    inScope[i] = p.startsWith(actor.scopePath) ? 1 : 0
    // SQL: substr(<scope>, 1, length(accused_path)) = accused_path.
    accused[i] = actor.scopePath.startsWith(p) ? 1 : 0
  }
  return { inScope, accused, actorId: actor.id }
}

/** Whether the live case in slot `i` is visible: in scope, and not an accusation against the actor. */
export function isVisible(c: FigureColumns, v: Visibility, i: number): boolean {
  const f = c.flags[i] as number
  if (!(f & LIVE) || !v.inScope[c.scope[i] as number]) return false
  if (!(f & ACCUSATION)) return true
  const path = c.accusedPath[i] as number
  if (path >= 0 && v.accused[path]) return false
  // -1 (no accused user) never equals an actor id.
  return c.accusedUser[i] !== v.actorId
}

// Counter offsets within a group's block.
const TOTAL = 0
const OPEN = 1
const STOCK = 2
const STOCK_RESOLVED = 3
const FRESH = 4
const FRESH_RESOLVED = 5
const BACKLOG = 6
const OVERDUE = 7
const DUE_SOON = 8
const NOTICE_N = 9
const NOTICE_OK = 10
const HANDLING_N = 11
const HANDLING_OK = 12
const SATISFIED = 13 // 14 basic, 15 unsatisfied: SATISFIED - 1 + the stored code
const WIDTH = 16

const bump = (a: Int32Array, k: number) => {
  a[k] = (a[k] as number) + 1
}

export interface SnapshotFigures {
  groups: FigureGroup[]
  repeats: number
  series: MonthlySeries
}

/** Groups in key order (county null first), so the roll-up breaks ties the same way on any path. */
export function byGroupKey(a: FigureGroup, b: FigureGroup): number {
  return (
    a.category_id - b.category_id ||
    a.demand_id - b.demand_id ||
    (a.county_id ?? Number.NEGATIVE_INFINITY) - (b.county_id ?? Number.NEGATIVE_INFINITY) ||
    0
  )
}

export function computeFigures(
  c: FigureColumns,
  actor: Actor,
  p: FigureParams,
  monthsFrom: string,
): SnapshotFigures {
  const v = visibilityFor(c, actor)
  const cutoff = dayNumber(p.cutoff)
  const asOf = dayNumber(p.asOf)
  const today = dayNumber(p.today)
  const soon = dayNumber(p.soon)
  const backlogBefore = dayNumber(p.backlogBefore)
  const from = dayNumber(monthsFrom)
  const groups = c.groupCategory.length
  const wanted = new Uint8Array(groups)
  for (let g = 0; g < groups; g++) wanted[g] = !p.countyId || c.groupCounty[g] === p.countyId ? 1 : 0
  const sums = new Int32Array(groups * WIDTH)
  const first = new Int32Array(groups).fill(2_147_483_647)
  // Per month from `monthsFrom` to the as-of date, indexed by YYYYMM - first (a few hundred slots).
  const firstMonth = (from / 100) | 0
  const months = Math.max(0, ((asOf / 100) | 0) - firstMonth + 1)
  const receivedBy = new Int32Array(months)
  const resolvedBy = new Int32Array(months)
  let repeats = 0
  const { received, closed, currentDue, accepted, noticeDue, replied, handlingDue, satisfaction, group } = c
  for (let i = 0; i < c.end; i++) {
    if (!isVisible(c, v, i)) continue
    const g = group[i] as number
    if (!wanted[g]) continue
    const r = received[i] as number
    if ((c.flags[i] as number) & DUPLICATE) {
      if (r <= asOf) repeats++
      continue
    }
    const cl = closed[i] as number
    // The monthly series: received and resolved per month from `monthsFrom` to the as-of date.
    if (r >= from && r <= asOf) bump(receivedBy, ((r / 100) | 0) - firstMonth)
    if (cl !== NONE && cl >= from && cl <= asOf) bump(resolvedBy, ((cl / 100) | 0) - firstMonth)
    if (r > asOf) continue
    const o = g * WIDTH
    bump(sums, o + TOTAL)
    if (r < (first[g] as number)) first[g] = r
    const open = cl === NONE || cl > asOf
    const resolved = !open
    const stock = r < cutoff && (cl === NONE || cl >= cutoff)
    const fresh = r >= cutoff
    if (open) bump(sums, o + OPEN)
    if (stock) bump(sums, o + STOCK)
    if (stock && resolved) bump(sums, o + STOCK_RESOLVED)
    if (fresh) bump(sums, o + FRESH)
    if (fresh && resolved) bump(sums, o + FRESH_RESOLVED)
    if (open && r < backlogBefore) bump(sums, o + BACKLOG)
    const due = currentDue[i] as number
    if (due !== NONE && due < today) bump(sums, o + OVERDUE)
    if (due !== NONE && due >= today && due <= soon) bump(sums, o + DUE_SOON)
    const acc = accepted[i] as number
    const nd = noticeDue[i] as number
    if (acc !== NONE && nd !== NONE) {
      bump(sums, o + NOTICE_N)
      if (acc <= nd) bump(sums, o + NOTICE_OK)
    }
    const rep = replied[i] as number
    const hd = handlingDue[i] as number
    if (rep !== NONE && hd !== NONE) {
      bump(sums, o + HANDLING_N)
      if (rep <= hd) bump(sums, o + HANDLING_OK)
    }
    const s = satisfaction[i] as number
    if (s !== 0) bump(sums, o + SATISFIED - 1 + s)
  }
  return {
    groups: groupsOf(c, sums, first).sort(byGroupKey),
    repeats,
    series: seriesOf(receivedBy, resolvedBy, firstMonth),
  }
}

function groupsOf(c: FigureColumns, sums: Int32Array, first: Int32Array): FigureGroup[] {
  const out: FigureGroup[] = []
  for (let g = 0; g < c.groupCategory.length; g++) {
    const o = g * WIDTH
    const at = (k: number) => sums[o + k] as number
    if (at(TOTAL) === 0) continue
    out.push({
      category_id: c.groupCategory[g] as number,
      demand_id: c.groupDemand[g] as number,
      county_id: c.groupCounty[g] ?? null,
      first_received: dayText(first[g] as number),
      total: at(TOTAL),
      open: at(OPEN),
      stock: at(STOCK),
      stock_resolved: at(STOCK_RESOLVED),
      fresh: at(FRESH),
      fresh_resolved: at(FRESH_RESOLVED),
      backlog: at(BACKLOG),
      overdue: at(OVERDUE),
      due_soon: at(DUE_SOON),
      notice_n: at(NOTICE_N),
      notice_ok: at(NOTICE_OK),
      handling_n: at(HANDLING_N),
      handling_ok: at(HANDLING_OK),
      satisfied: at(SATISFIED),
      basic: at(SATISFIED + 1),
      unsatisfied: at(SATISFIED + 2),
    })
  }
  return out
}

/** Months with at least one case, as 'YYYY-MM' (the SQL groups by the text's first 7 characters). */
function seriesOf(received: Int32Array, resolved: Int32Array, firstMonth: number): MonthlySeries {
  const list = (counts: Int32Array) => {
    const out: { month: string; n: number }[] = []
    counts.forEach((n, k) => {
      if (n > 0) out.push({ month: dayText((firstMonth + k) * 100 + 1).slice(0, 7), n })
    })
    return out
  }
  return { received: list(received), resolved: list(resolved) }
}
