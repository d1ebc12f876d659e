import { describe, expect, it } from 'vitest'
import { parsePeriod, periodOf, previousPeriod, sameLastYear, trailingPeriods } from './periods.js'

const p = (s: string) => {
  const x = parsePeriod(s)
  if (!x) throw new Error(`not a period: ${s}`)
  return x
}

describe('periods', () => {
  it('reads every form, with inclusive ends', () => {
    expect(p('2023')).toEqual({ kind: 'year', from: '2023-01-01', to: '2023-12-31', label: '2023' })
    expect(p('2023-h2')).toMatchObject({
      kind: 'half',
      from: '2023-07-01',
      to: '2023-12-31',
      label: '2023-H2',
    })
    expect(p('2024-Q1')).toMatchObject({ from: '2024-01-01', to: '2024-03-31' })
    expect(p('2024-02')).toMatchObject({ kind: 'month', from: '2024-02-01', to: '2024-02-29' })
    expect(p('2023-02')).toMatchObject({ to: '2023-02-28' })
    expect(p('2023-01-01~2023-11-30')).toMatchObject({ kind: 'range', from: '2023-01-01', to: '2023-11-30' })
    expect(p('2023-01-01 至 2023-11-30').label).toBe('2023-01-01~2023-11-30')
  })

  it('refuses what is not a period', () => {
    for (const bad of [
      '',
      '23',
      '2023-13',
      '2023-Q5',
      '2023-H3',
      '2023-02-30~2023-03-01',
      '2023-05-01~2023-04-01',
      'last year',
    ])
      expect(parsePeriod(bad)).toBeNull()
  })

  it('同比: the same period a year earlier', () => {
    expect(sameLastYear(p('2023')).label).toBe('2022')
    expect(sameLastYear(p('2023-Q3')).label).toBe('2022-Q3')
    expect(sameLastYear(p('2024-02')).to).toBe('2023-02-28')
    // Jan–Nov against Jan–Nov, the seed's "比去年同期"; a leap day falls back to the 28th.
    expect(sameLastYear(p('2023-01-01~2023-11-30')).label).toBe('2022-01-01~2022-11-30')
    expect(sameLastYear(p('2024-01-01~2024-02-29')).label).toBe('2023-01-01~2023-02-28')
  })

  it('环比: the period just before', () => {
    expect(previousPeriod(p('2023')).label).toBe('2022')
    expect(previousPeriod(p('2023-H1')).label).toBe('2022-H2')
    expect(previousPeriod(p('2023-H2')).label).toBe('2023-H1')
    expect(previousPeriod(p('2023-Q1')).label).toBe('2022-Q4')
    expect(previousPeriod(p('2023-01')).label).toBe('2022-12')
    expect(previousPeriod(p('2023-03-01~2023-03-10')).label).toBe('2023-02-19~2023-02-28')
  })

  it('the period of a date, and trailing periods for a sparkline', () => {
    expect(periodOf('quarter', '2026-11-27').label).toBe('2026-Q4')
    expect(periodOf('half', '2026-06-30').label).toBe('2026-H1')
    expect(trailingPeriods('month', '2026-02-15', 4).map((x) => x.label)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ])
  })
})
