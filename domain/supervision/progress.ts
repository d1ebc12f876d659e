/**
 * Weighted progress (工作进度) of a key task, in percent.
 *
 * - A done task is 100, whatever its parts say (the lead unit declared it finished).
 * - A task with sub-tasks (cancelled ones left out) is the weighted mean of their progress:
 *   Σ wᵢ·pᵢ / Σ wᵢ.
 * - Otherwise a task with milestones is the weight share of the milestones done:
 *   Σ w(done) / Σ w.
 * - Otherwise the percent of its latest progress note, or 0.
 *
 * Weights are positive integers; a zero total (impossible through the API) falls back to the plain
 * mean, so the function is total.
 */
import type { TaskStatus } from './workflow.js'

export interface ProgressInput {
  status: TaskStatus
  milestones: readonly { weight: number; done: boolean }[]
  children: readonly { weight: number; progress: number; status: TaskStatus }[]
  /** Percent of the latest progress note (by date, then entry), or null when there is none. */
  latestPercent: number | null
}

const clamp = (p: number) => Math.min(100, Math.max(0, p))

function weightedMean(parts: readonly { weight: number; value: number }[]): number {
  const total = parts.reduce((s, p) => s + Math.max(0, p.weight), 0)
  if (total <= 0) return parts.reduce((s, p) => s + p.value, 0) / parts.length
  return parts.reduce((s, p) => s + Math.max(0, p.weight) * p.value, 0) / total
}

export function taskProgress(input: ProgressInput): number {
  if (input.status === 'done') return 100
  const children = input.children.filter((c) => c.status !== 'cancelled')
  if (children.length > 0)
    return clamp(weightedMean(children.map((c) => ({ weight: c.weight, value: clamp(c.progress) }))))
  if (input.milestones.length > 0)
    return clamp(weightedMean(input.milestones.map((m) => ({ weight: m.weight, value: m.done ? 100 : 0 }))))
  return clamp(input.latestPercent ?? 0)
}

/** Stored as basis points (62.5% → 6250): an integer, identical on both databases. */
export const toBasisPoints = (percent: number) => Math.round(clamp(percent) * 100)
/** Shown with one decimal (6250 → 62.5). */
export const fromBasisPoints = (bp: number) => Math.round(bp / 10) / 10
