/** The snapshot's dates: integers that order exactly as the text the SQL compares, or "odd". */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayNumber, dayText, NONE } from './figure-snapshot-packed.js'

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })
const wellFormed = fc
  .tuple(digits(4), digits(2), digits(2))
  .map(([y, m, d]) => `${y.join('')}-${m.join('')}-${d.join('')}`)
  .filter((s) => s !== '0000-00-00')

describe('snapshot dates', () => {
  it('order as their text does, and read back as the same text', () => {
    fc.assert(
      fc.property(wellFormed, wellFormed, (a, b) => {
        // As SQLite compares text (byte by byte).
        expect(Math.sign(dayNumber(a) - dayNumber(b))).toBe(a < b ? -1 : a > b ? 1 : 0)
        expect(dayText(dayNumber(a))).toBe(a)
      }),
    )
  })

  it('are null as NONE and odd (-1) in any other shape', () => {
    expect(dayNumber(null)).toBe(NONE)
    for (const odd of [
      '2026-3-1',
      '2026/03/01',
      '2026-03-01T00:00',
      '',
      '2026-0a-01',
      '0000-00-00',
      '2026-03-0 ',
    ])
      expect(dayNumber(odd), odd).toBe(-1)
  })
})
