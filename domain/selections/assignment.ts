/**
 * Assigning experts to applications (专家分配). Conflicts of interest are excluded before anything
 * else: an expert from the applicant's own unit, from a unit above or below it in the org tree (a
 * county bureau's expert on its own school), or one who declared a conflict with it. Then, per
 * application, experts of its field are drawn at random, those with fewest assignments so far
 * first, so the load spreads evenly; the draw is reproducible from its seed.
 */

export interface ExpertInfo {
  id: number
  unitPath: string | null
  fields: readonly string[]
  /** Unit ids he declared a conflict with. */
  conflicts: readonly number[]
}

export interface ApplicationInfo {
  id: number
  unitId: number
  unitPath: string
  field: string | null
}

export type ConflictReason = 'same_unit' | 'related_unit' | 'declared'

/** Why an expert may not review an application, or null. */
export function conflictOf(e: ExpertInfo, a: ApplicationInfo): ConflictReason | null {
  if (e.conflicts.includes(a.unitId)) return 'declared'
  if (!e.unitPath) return null
  if (e.unitPath === a.unitPath) return 'same_unit'
  if (a.unitPath.startsWith(e.unitPath) || e.unitPath.startsWith(a.unitPath)) return 'related_unit'
  return null
}

/** A small seeded generator (mulberry32): the same seed draws the same panels. */
export function seeded(seed: number): () => number {
  let t = seed >>> 0
  return () => {
    t = (t + 0x6d2b79f5) >>> 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

export interface Assignment {
  applicationId: number
  expertIds: number[]
  /** Experts left out for a conflict, with the reason (kept in the record). */
  excluded: { expertId: number; reason: ConflictReason }[]
  /** Fewer eligible experts than asked. */
  short: boolean
}

export function assignExperts(
  apps: readonly ApplicationInfo[],
  experts: readonly ExpertInfo[],
  perApplication: number,
  seed: number,
  already: ReadonlyMap<number, number> = new Map(),
): Assignment[] {
  const rnd = seeded(seed)
  const load = new Map(already)
  return apps.map((a) => {
    const excluded: Assignment['excluded'] = []
    const eligible: ExpertInfo[] = []
    for (const e of experts) {
      const c = conflictOf(e, a)
      if (c) excluded.push({ expertId: e.id, reason: c })
      else eligible.push(e)
    }
    // Within the application's field when it names one (never outside it: a short panel is
    // reported, not filled with the wrong experts); then the least loaded; then by lot.
    const pool = a.field ? eligible.filter((e) => e.fields.includes(a.field as string)) : eligible
    const keyed = pool.map((e) => ({ e, load: load.get(e.id) ?? 0, lot: rnd() }))
    keyed.sort((x, y) => x.load - y.load || x.lot - y.lot)
    const chosen = keyed.slice(0, perApplication).map((k) => k.e.id)
    for (const id of chosen) load.set(id, (load.get(id) ?? 0) + 1)
    return { applicationId: a.id, expertIds: chosen, excluded, short: chosen.length < perApplication }
  })
}
