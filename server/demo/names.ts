/**
 * Building blocks for unit names: Chinese ordinals for 第N schools, invented place stems, per-key
 * numbering with the gaps real numbering has (schools merge and close), and a unique-name guard.
 */
import { PLACE_FIRST, PLACE_LAST, PLACE_MIDDLE } from './name-pools.js'
import type { Rng } from './random.js'

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五; 1–999, as school names write them. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`chineseNumber(${n}): 1–999 only`)
  const hundreds = Math.floor(n / 100)
  const tens = Math.floor((n % 100) / 10)
  const ones = n % 10
  const digit = (d: number): string => DIGITS[d] ?? ''
  let out = hundreds > 0 ? `${digit(hundreds)}百` : ''
  if (tens > 0) out += hundreds === 0 && tens === 1 ? '十' : `${digit(tens)}十`
  else if (hundreds > 0 && ones > 0) out += '零'
  if (ones > 0) out += digit(ones)
  return out
}

/** An invented town or village stem of two to four characters (大柳屯, 孙家窝堡, 鹿岭). */
export function placeStem(rng: Rng): string {
  for (;;) {
    const first = rng.pick(PLACE_FIRST)
    const middle = rng.chance(0.5) ? rng.pick(PLACE_MIDDLE) : ''
    const last = rng.pick(PLACE_LAST)
    const stem = first + middle + last
    // Repeated neighbours (河河, 柳柳) read as typos.
    if (!/(.)\1/u.test(stem)) return stem
  }
}

/** Hands out 1, 2, 3 … per key, now and then skipping a number as real school numbering does. */
export class Numbering {
  readonly #next = new Map<string, number>()
  readonly #rng: Rng

  constructor(rng: Rng) {
    this.#rng = rng
  }

  /** The next number for `key`; the first call returns `start`. */
  take(key: string, start = 1): number {
    const n = this.#next.get(key) ?? start
    this.#next.set(key, n + (this.#rng.chance(0.12) ? 2 : 1))
    return n
  }
}

/**
 * Tries `candidate` a few times for a name not yet in `used`, then falls back to `fallback`, which
 * must eventually produce a fresh name (a numbered one); records and returns the winner.
 */
export function uniqueName(used: Set<string>, candidate: () => string, fallback: () => string): string {
  for (let attempt = 0; attempt < 30; attempt++) {
    const name = candidate()
    if (!used.has(name)) {
      used.add(name)
      return name
    }
  }
  for (;;) {
    const name = fallback()
    if (!used.has(name)) {
      used.add(name)
      return name
    }
  }
}
