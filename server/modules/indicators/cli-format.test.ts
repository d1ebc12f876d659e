import { expect, it } from 'vitest'
import { formatFigureLine } from './cli-format.js'

const base = {
  period: { kind: 'year', from: '2023-01-01', to: '2023-12-31', label: '2023' },
  unit: { id: 1, name: '示例市', code: null, kind: 'city' },
  trail: [],
  target: null,
}

it('writes money in 万元 and a yoy decrease as 减少', () => {
  const line = formatFigureLine({
    ...base,
    indicator: { key: 'stats.tech_transfer_amount', zh: '科技成果转化合同金额', unit: 'fen', unitZh: '元' },
    figure: {
      key: 'k',
      value: 30_615_320_000,
      changedAt: '2026-11-27T02:00:00.000Z',
      rows: 98,
      computedAt: '',
      cached: false,
    },
    comparisons: {
      yoy: {
        period: { label: '2022' },
        figure: { value: 30_765_790_000 },
        comparison: { base: 30_765_790_000, delta: -150_470_000, growthPct: -0.489, direction: 'down' },
      },
    },
  } as unknown as Parameters<typeof formatFigureLine>[0])
  expect(line).toContain('示例市: 30615.32 万元')
  expect(line).toContain('同比（2022: 30765.79 万元）减少 150.47 万元，-0.5%')
  expect(line).toContain('98 条记录')
})

it('writes a percentage difference in 个百分点, and a target attained early', () => {
  const line = formatFigureLine({
    ...base,
    indicator: {
      key: 'stats.migrant_public_share',
      zh: '随迁子女在公办学校就读比例',
      unit: 'percent',
      unitZh: '%',
    },
    figure: { key: 'k', value: 87.54, changedAt: null, rows: null, computedAt: '', cached: true },
    comparisons: {
      yoy: {
        period: { label: '2022' },
        figure: { value: 85.04 },
        comparison: { base: 85.04, delta: 2.5, growthPct: 2.94, direction: 'up' },
      },
    },
    target: { target: 85, attained: true, attainedEarly: true },
  } as unknown as Parameters<typeof formatFigureLine>[0])
  expect(line).toContain('示例市: 87.5%')
  expect(line).toContain('增加 2.50 个百分点')
  expect(line).toContain('目标 85.0%：提前达到')
})
