import { describe, expect, it } from 'vitest'
import {
  about,
  change,
  chineseDate,
  chineseNumber,
  fixed,
  money,
  percent,
  periodWords,
  pointsVs,
  roundHalfUp,
  targetWording,
} from './chinese-style.js'

describe('Chinese number style', () => {
  it('integers, fixed decimals and percentages, rounded half up', () => {
    expect(fixed(12345)).toBe('12345')
    expect(fixed(1234567.5, 2, true)).toBe('1,234,567.50')
    expect(fixed(-1234, 0, true)).toBe('-1,234')
    expect(roundHalfUp(2.345, 2)).toBe(2.35)
    expect(roundHalfUp(-0.015, 2)).toBe(-0.02)
    expect(percent(95.56)).toBe('95.6%')
    expect(percent(87.5, 0)).toBe('88%')
  })

  it('money in fen to 亿元 and 万元: the fixture’s 2023 contracts', () => {
    // expected.json: 306,153,200 yuan → 3.06 亿元; in-city 2.00 亿元.
    expect(money(306_153_200_00, '亿元')).toBe('3.06亿元')
    expect(money(200_000_000_00, '亿元')).toBe('2.00亿元')
    expect(money(306_153_200_00, '万元')).toBe('30615.32万元')
    // The year-on-year delta −0.02 亿元 (−1,504,700 yuan).
    expect(change(-1_504_700_00, (a) => money(a, '亿元'))).toBe('减少0.02亿元')
  })

  it('rounded magnitudes with 余, the issue’s examples first', () => {
    expect(about(12_345)).toBe('1万余')
    expect(about(1_234_567)).toBe('123余万')
    expect(about(10_000)).toBe('1万')
    expect(about(350_000)).toBe('35万')
    expect(about(356_000_000)).toBe('3亿余')
    expect(about(1_234)).toBe('1200余')
    expect(about(1_200)).toBe('1200')
    expect(about(56)).toBe('50余')
    expect(about(7)).toBe('7')
  })

  it('Chinese numerals and dates', () => {
    expect(chineseNumber(10)).toBe('十')
    expect(chineseNumber(11)).toBe('十一')
    expect(chineseNumber(27)).toBe('二十七')
    expect(chineseNumber(30)).toBe('三十')
    expect(() => chineseNumber(100)).toThrow(RangeError)
    expect(chineseDate('2023-11-27')).toBe('二〇二三年十一月二十七日')
    expect(chineseDate('2023-11-27', 'month')).toBe('二〇二三年十一月')
    expect(chineseDate('2020-01-05')).toBe('二〇二〇年一月五日')
    expect(chineseDate('2023', 'year')).toBe('二〇二三年')
  })

  it('changes in words: 增加 / 减少 / 持平 on the printed value', () => {
    expect(change(2, (a) => `${fixed(a)}项`)).toBe('增加2项')
    expect(change(-3, (a) => `${fixed(a)}件`)).toBe('减少3件')
    expect(change(0.001, (a) => money(a, '亿元'))).toBe('持平')
  })

  it('percentage points against a benchmark', () => {
    expect(pointsVs(87.5, 84.5, '全国')).toBe('高于全国3个百分点')
    expect(pointsVs(84.04, 84.5, '全国')).toBe('低于全国0.5个百分点')
    expect(pointsVs(84.52, 84.5, '全国')).toBe('与全国持平')
  })

  it('target wording', () => {
    expect(targetWording({ attained: true, attainedEarly: true }, '95.6%', '年度普惠目标')).toBe(
      '提前达到95.6%的年度普惠目标',
    )
    expect(targetWording({ attained: true, attainedEarly: false }, '95.6%')).toBe('达到95.6%的年度目标')
    expect(targetWording({ attained: false, attainedEarly: false }, '95.6%', '年度目标', '0.3个百分点')).toBe(
      '距95.6%的年度目标还差0.3个百分点',
    )
  })
  it('names a period in words', () => {
    expect(periodWords({ kind: 'year', from: '2026-01-01', to: '2026-12-31' })).toBe('二〇二六年')
    expect(periodWords({ kind: 'half', from: '2026-07-01', to: '2026-12-31' })).toBe('二〇二六年下半年')
    expect(periodWords({ kind: 'quarter', from: '2026-07-01', to: '2026-09-30' })).toBe('二〇二六年第三季度')
    expect(periodWords({ kind: 'month', from: '2026-11-01', to: '2026-11-30' })).toBe('二〇二六年十一月')
    expect(periodWords({ kind: 'range', from: '2026-01-01', to: '2026-11-30' })).toBe(
      '二〇二六年一月一日至十一月三十日',
    )
  })
})
