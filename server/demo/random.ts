/**
 * A small seeded PRNG for demo data. mulberry32 uses only 32-bit integer maths (Math.imul, shifts), so
 * a seed gives the same sequence on every machine and Node version; Math.random would not repeat.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** One element, uniformly. Throws on an empty array: that is a generator bug, not data. */
  pick<T>(items: readonly T[]): T
  /** One value, with probability proportional to its weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T
  /** A shuffled copy (Fisher–Yates); the input is left as it is. */
  shuffle<T>(items: readonly T[]): T[]
  /** True with probability p. */
  chance(p: number): boolean
  /**
   * An independent stream named by `label`. Sub-generators forked by a stable label (a unit's ref)
   * keep their output when other parts of the generator change how many numbers they draw.
   */
  fork(label: string): Rng
}

/** Mixes a seed and a label into a 32-bit seed (FNV-1a over the label, then a murmur3 finaliser). */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Creates a generator; any number is accepted and reduced to 32 bits. */
export function createRng(seed: number): Rng {
  const baseSeed = Math.trunc(seed) >>> 0
  let state = baseSeed

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`)
    return min + Math.floor(next() * (max - min + 1))
  }

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() from an empty array')
    return items[int(0, items.length - 1)] as T
  }

  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    const total = pairs.reduce((sum, [, w]) => sum + Math.max(0, w), 0)
    if (total <= 0) throw new RangeError('weighted() needs a positive total weight')
    let r = next() * total
    for (const [value, w] of pairs) {
      r -= Math.max(0, w)
      if (r < 0) return value
    }
    // Floating-point leftovers land on the last positive weight.
    const last = pairs.filter(([, w]) => w > 0).at(-1)
    if (last === undefined) throw new RangeError('weighted() needs a positive weight')
    return last[0]
  }

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i)
      const tmp = out[i] as T
      out[i] = out[j] as T
      out[j] = tmp
    }
    return out
  }

  return {
    next,
    int,
    pick,
    weighted,
    shuffle,
    chance: (p) => next() < p,
    fork: (label) => createRng(deriveSeed(baseSeed, label)),
  }
}
