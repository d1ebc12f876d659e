import { describe, expect, it } from 'vitest'
import { assignSlots, type ColumnDef, coerceValue, rowKeyOf } from './columns.js'
import { isInCity } from './in-city.js'
import { dueDateOf, onTime, periodFromLabel, periodOf } from './periods.js'

const col = (key: string, type: ColumnDef['type'], extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  labelZh: key,
  labelEn: key,
  type,
  ...extra,
})

describe('assignSlots', () => {
  it('gives each column a slot of its family, in order', () => {
    const { columns, problems } = assignSlots([
      col('a', 'text'),
      col('b', 'money'),
      col('c', 'enum'),
      col('d', 'percent'),
      col('e', 'date'),
      col('f', 'boolean'),
    ])
    expect(problems).toEqual([])
    expect(columns.map((c) => c.slot)).toEqual(['s1', 'i1', 's2', 'r1', 'd1', 'i2'])
  })

  it('keeps existing slots, retires removed columns and never reuses their slot', () => {
    const first = assignSlots([col('a', 'integer'), col('b', 'integer')]).columns
    const { columns } = assignSlots([col('b', 'integer'), col('c', 'money')], first)
    expect(columns.find((c) => c.key === 'b')?.slot).toBe('i2')
    expect(columns.find((c) => c.key === 'c')?.slot).toBe('i3')
    expect(columns.find((c) => c.key === 'a')).toMatchObject({ slot: 'i1', retired: true })
  })

  it('refuses a retype into another family, and a 17th integer column', () => {
    const first = assignSlots([col('a', 'integer')]).columns
    expect(assignSlots([col('a', 'text')], first).problems[0]?.key).toBe('stats_column_retype')
    const many = Array.from({ length: 17 }, (_, i) => col(`n${i}`, 'integer'))
    expect(assignSlots(many).problems.map((p) => p.key)).toEqual(['stats_too_many_columns'])
  })
})

describe('coerceValue', () => {
  const kind = col('kind', 'enum', {
    options: [{ value: 'transfer', labelZh: '转让', labelEn: 'Transfer', synonyms: ['技术转让'] }],
  })
  it('stores money as fen, booleans as 0/1, enums by value from a label or synonym', () => {
    expect(coerceValue(col('m', 'money'), 1234567)).toEqual({ ok: true, value: 1234567 })
    expect(coerceValue(col('b', 'boolean'), true)).toEqual({ ok: true, value: 1 })
    expect(coerceValue(kind, '技术转让')).toEqual({ ok: true, value: 'transfer' })
    expect(coerceValue(kind, ' 转让 ')).toEqual({ ok: true, value: 'transfer' })
  })
  it('refuses what does not fit, naming the problem', () => {
    expect(coerceValue(col('m', 'money'), 12.5)).toMatchObject({ ok: false, key: 'integer_invalid' })
    expect(coerceValue(col('m', 'money'), -1)).toMatchObject({ ok: false, key: 'too_small' })
    expect(coerceValue(col('p', 'percent'), 101)).toMatchObject({ ok: false, key: 'stats_percent_range' })
    expect(coerceValue(col('d', 'date'), '2023-02-30')).toMatchObject({ ok: false, key: 'date_invalid' })
    expect(coerceValue(kind, '赠与')).toMatchObject({ ok: false, key: 'enum_invalid' })
    expect(coerceValue(col('r', 'text', { required: true }), '  ')).toMatchObject({
      ok: false,
      key: 'required',
    })
  })
  it('joins key columns with the period into the row key', () => {
    const cols = assignSlots([col('u', 'text'), col('n', 'integer')]).columns
    expect(rowKeyOf(cols, { u: '示例大学', n: 3 }, '2022')).toBe('2022\u001f示例大学\u001f3')
  })
})

describe('periods', () => {
  it('places a date in its year, quarter and month', () => {
    expect(periodOf('year', '2023-05-17')).toEqual({ start: '2023-01-01', end: '2023-12-31', label: '2023' })
    expect(periodOf('quarter', '2024-02-29')).toEqual({
      start: '2024-01-01',
      end: '2024-03-31',
      label: '2024-Q1',
    })
    expect(periodOf('month', '2023-02-10')).toEqual({
      start: '2023-02-01',
      end: '2023-02-28',
      label: '2023-02',
    })
    expect(periodFromLabel('quarter', '2023-Q4')?.end).toBe('2023-12-31')
    expect(periodFromLabel('year', '2023-Q4')).toBeNull()
  })
  it('is due dueDays after the period ends; on time up to and including that day', () => {
    const due = dueDateOf(periodOf('month', '2023-01-15'), 10)
    expect(due).toBe('2023-02-10')
    expect(onTime('2023-02-10', due)).toBe(true)
    expect(onTime('2023-02-11', due)).toBe(false)
    expect(onTime(null, due)).toBeNull()
    expect(dueDateOf(periodOf('none', '2023-01-01'), 10)).toBeNull()
  })
})

describe('isInCity', () => {
  const home = { names: ['示例市', '示例'], counties: ['和平区', '新民市'] }
  it.each([
    ['示例市', true],
    ['示例市和平区', true],
    ['本市', true],
    [' 和平区 ', true],
    ['大连市', false],
    ['北京市', false],
    ['示例省', false],
    ['', false],
  ])('%s → %s', (place, expected) => {
    expect(isInCity(place, home)).toBe(expected)
  })
})
