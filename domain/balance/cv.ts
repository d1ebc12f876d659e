/**
 * Coefficient of variation between schools (校际差异系数), enrolment-weighted, population form,
 * as the 2012 basic-balance method defines it and the 2017 quality-balance method reuses it:
 *
 *   X̄ = Σ Pᵢ·Xᵢ / P,   S = sqrt( Σ (Pᵢ/P)·(Xᵢ − X̄)² ),   CV = S / X̄
 *
 * An unweighted CV (plain mean and SD) is the common mistake this module exists to avoid.
 */

export interface SchoolValue {
  /** Pupils of the school (Pᵢ). */
  pupils: number
  /** The school's resource total (books, m², yuan …); Xᵢ = resource / pupils × perPupils. */
  resource: number
}

export interface CvResult {
  pupils: number
  mean: number
  sd: number
  cv: number
}

/**
 * @param perPupils 1 for "per pupil" indicators, 100 for "per 100 pupils".
 * @returns null when there are no pupils or the mean is zero (CV undefined).
 */
export function weightedCv(schools: readonly SchoolValue[], perPupils = 1): CvResult | null {
  const rows = schools.filter((s) => s.pupils > 0)
  const P = rows.reduce((sum, s) => sum + s.pupils, 0)
  if (P === 0) return null
  const xs = rows.map((s) => ({ w: s.pupils / P, x: (s.resource / s.pupils) * perPupils }))
  const mean = xs.reduce((sum, r) => sum + r.w * r.x, 0)
  if (mean === 0) return null
  const variance = xs.reduce((sum, r) => sum + r.w * (r.x - mean) ** 2, 0)
  const sd = Math.sqrt(variance)
  return { pupils: P, mean, sd, cv: sd / mean }
}

/** 综合差异系数 (2012 basic balance): the plain mean of the indicators' CVs. */
export function compositeCv(cvs: readonly number[]): number | null {
  if (cvs.length === 0) return null
  return cvs.reduce((a, b) => a + b, 0) / cvs.length
}

/** Pupil weights for splitting one-through schools' shared resources between stages. */
export const STAGE_WEIGHTS = {
  nine_year: { primary: 1, junior: 1.1 },
  complete_secondary: { junior: 1, senior: 1.2 },
  twelve_year: { primary: 1, junior: 1.1, senior: 1.32 },
} as const

/**
 * Splits a one-through school's resource by weighted pupils: a nine-year school's books go to
 * primary and junior in proportion to primary pupils × 1 and junior pupils × 1.1.
 */
export function splitByStage<K extends string>(
  resource: number,
  pupilsByStage: Readonly<Record<K, number>>,
  weights: Readonly<Record<K, number>>,
): Record<K, number> {
  const keys = Object.keys(pupilsByStage) as K[]
  const weighted = keys.map((k) => pupilsByStage[k] * weights[k])
  const total = weighted.reduce((a, b) => a + b, 0)
  const out = {} as Record<K, number>
  keys.forEach((k, i) => {
    out[k] = total === 0 ? 0 : (resource * (weighted[i] ?? 0)) / total
  })
  return out
}
