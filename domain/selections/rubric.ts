/**
 * Rubrics (评审细则): a tree of criteria. Each node carries its weight in points; a parent's
 * children share its points exactly (their weights sum to it) and the top level sums to the
 * rubric's total (usually 100). Experts score the leaves, each on its own scale 0..maxScore; a
 * leaf contributes score / maxScore × its weight. So a rubric can say "办学条件 30分" at the top
 * and let an expert grade "实训场地" on a 0–10 scale beneath it.
 */

export interface Criterion {
  key: string
  title: string
  /** Points of this criterion within the rubric's total. */
  weight: number
  /** The scale an expert scores a leaf on (ignored on inner nodes). */
  maxScore?: number
  guidance?: string
  children?: Criterion[]
}

export interface RubricProblem {
  path: string
  problem: 'weights_sum' | 'max_missing' | 'duplicate_key' | 'weight_negative'
  expected?: number
  actual?: number
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9

/** Problems of a rubric whose top-level weights must sum to `total`. */
export function checkRubric(criteria: Criterion[], total = 100): RubricProblem[] {
  const out: RubricProblem[] = []
  const seen = new Set<string>()
  const walk = (nodes: Criterion[], sum: number, path: string) => {
    const actual = nodes.reduce((s, c) => s + c.weight, 0)
    if (!near(actual, sum)) out.push({ path: path || '/', problem: 'weights_sum', expected: sum, actual })
    for (const c of nodes) {
      const here = `${path}/${c.key}`
      if (seen.has(c.key)) out.push({ path: here, problem: 'duplicate_key' })
      seen.add(c.key)
      if (c.weight < 0) out.push({ path: here, problem: 'weight_negative' })
      if (c.children?.length) walk(c.children, c.weight, here)
      else if (!(c.maxScore && c.maxScore > 0)) out.push({ path: here, problem: 'max_missing' })
    }
  }
  walk(criteria, total, '')
  return out
}

/** The leaves an expert scores, in order, with their weights. */
export function leaves(criteria: Criterion[]): (Criterion & { maxScore: number; top: string })[] {
  const out: (Criterion & { maxScore: number; top: string })[] = []
  const walk = (nodes: Criterion[], top: string | null) => {
    for (const c of nodes)
      if (c.children?.length) walk(c.children, top ?? c.key)
      else out.push({ ...c, maxScore: c.maxScore ?? 0, top: top ?? c.key })
  }
  walk(criteria, null)
  return out
}

export interface ScoreSheet {
  total: number
  /** Points per top-level criterion (the tie rule looks at the heaviest one). */
  byTop: Record<string, number>
  /** Leaves not scored yet (the running total counts them as 0). */
  missing: string[]
}

/**
 * One expert's total from his leaf scores. A score outside 0..maxScore is the caller's to refuse
 * (the form names the field); here it is clamped, so a running total never exceeds the rubric.
 */
export function scoreSheet(criteria: Criterion[], scores: Record<string, number | undefined>): ScoreSheet {
  const byTop: Record<string, number> = {}
  const missing: string[] = []
  let total = 0
  for (const leaf of leaves(criteria)) {
    const raw = scores[leaf.key]
    if (raw === undefined || Number.isNaN(raw)) missing.push(leaf.key)
    const s = Math.min(Math.max(raw ?? 0, 0), leaf.maxScore)
    const points = leaf.maxScore > 0 ? (s / leaf.maxScore) * leaf.weight : 0
    total += points
    byTop[leaf.top] = (byTop[leaf.top] ?? 0) + points
  }
  return {
    total: round2(total),
    byTop: Object.fromEntries(Object.entries(byTop).map(([k, v]) => [k, round2(v)])),
    missing,
  }
}

/** Scores are published to two decimals; rounding half away from zero, on the decimal value. */
export const round2 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100
