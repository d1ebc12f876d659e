/**
 * One figure as a line of text for `edu-ledger indicator <key>`: the value in the unit a report
 * would use (money in 万元, percentages with one decimal), the comparisons and the data time.
 */
import type { readFigure } from './read-figure.js'

type FigureView = Awaited<ReturnType<typeof readFigure>>

const WORD = { up: '增加', down: '减少', flat: '持平' } as const

function show(value: number | null, unit: string, unitZh: string): string {
  if (value === null) return '—'
  if (unit === 'fen') return `${(value / 1_000_000).toFixed(2)} 万元`
  if (unit === 'percent') return `${value.toFixed(1)}%`
  if (unit === 'coefficient') return value.toFixed(3)
  return `${Number.isInteger(value) ? value.toLocaleString('zh-CN') : value.toFixed(2)} ${unitZh}`
}

export function formatFigureLine(f: FigureView): string {
  const { indicator: i } = f
  const parts = [
    `${i.key}  ${i.zh}  ${f.period.label}  ${f.unit.name}: ${show(f.figure.value, i.unit, i.unitZh)}`,
  ]
  for (const [name, c] of Object.entries(f.comparisons)) {
    if (!c) continue
    const label = name === 'yoy' ? '同比' : '环比'
    const d = c.comparison
    const delta =
      d.delta === null
        ? '—'
        : `${WORD[d.direction ?? 'flat']} ${show(Math.abs(d.delta), i.unit === 'percent' ? 'number' : i.unit, i.unit === 'percent' ? '个百分点' : i.unitZh)}`
    const growth = d.growthPct === null ? '' : `，${d.growthPct >= 0 ? '+' : ''}${d.growthPct.toFixed(1)}%`
    parts.push(`  ${label}（${c.period.label}: ${show(c.figure.value, i.unit, i.unitZh)}）${delta}${growth}`)
  }
  if (f.target)
    parts.push(
      `  目标 ${show(f.target.target, i.unit, i.unitZh)}：${f.target.attained ? (f.target.attainedEarly ? '提前达到' : '已达到') : '未达到'}`,
    )
  parts.push(
    `  数据更新于 ${f.figure.changedAt ?? '—'}${f.figure.rows === null ? '' : `，${f.figure.rows} 条记录`}`,
  )
  return parts.join('\n')
}
