import { describe, expect, it } from 'vitest'
import { defaultPeriod, problemFromMessage, TEMPLATE_KEY } from './format'

describe('problemFromMessage', () => {
  it('reads the Chinese field message of a refused save', () => {
    expect(problemFromMessage('第 3 行第 1 列：指标 x.y 不存在 / no indicator x.y')).toEqual({
      line: 3,
      col: 1,
      message: '指标 x.y 不存在 / no indicator x.y',
    })
  })
  it('reads the English one', () => {
    expect(problemFromMessage('Line 12, column 7: no indicator a.b')).toEqual({
      line: 12,
      col: 7,
      message: 'no indicator a.b',
    })
  })
  it("reads liquidjs' position inside a render refusal", () => {
    const p = problemFromMessage(
      '模板第 5 行第 2 列无法生成：指标 a.b 不存在 / no indicator a.b, line:5, col:2',
    )
    expect(p?.line).toBe(5)
    expect(p?.col).toBe(2)
  })
  it('gives null when no line is named', () => {
    expect(problemFromMessage('期间“20x6”无法识别')).toBeNull()
  })
})

describe('defaultPeriod', () => {
  it('holds today for each kind', () => {
    expect(defaultPeriod('year', '2026-11-27')).toBe('2026')
    expect(defaultPeriod('month', '2026-11-27')).toBe('2026-11')
    expect(defaultPeriod('quarter', '2026-11-27')).toBe('2026-Q4')
    expect(defaultPeriod('quarter', '2026-03-31')).toBe('2026-Q1')
    expect(defaultPeriod('half', '2026-06-30')).toBe('2026-H1')
    expect(defaultPeriod('half', '2026-07-01')).toBe('2026-H2')
    expect(defaultPeriod(undefined, '2026-11-27')).toBe('2026')
  })
})

describe('TEMPLATE_KEY', () => {
  it('takes what the server takes', () => {
    expect(TEMPLATE_KEY.test('county_bulletin')).toBe(true)
    expect(TEMPLATE_KEY.test('Bulletin')).toBe(false)
    expect(TEMPLATE_KEY.test('1st')).toBe(false)
    expect(TEMPLATE_KEY.test('a')).toBe(false)
  })
})
