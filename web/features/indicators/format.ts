/** How indicator values, comparisons and definitions read on screen, in the user's language. */
import { useTranslation } from 'react-i18next'
import { useLedgers } from '../statistics/queries'
import type { Comparison, Indicator, IndicatorUnit } from './types'

const DECIMALS: Record<IndicatorUnit, number> = {
  count: 0,
  people: 0,
  fen: 2,
  percent: 1,
  coefficient: 3,
  number: 2,
}

/** The number alone: money in 万元 (two decimals), percent one decimal, coefficients three. */
export function numberText(unit: IndicatorUnit, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  const n = unit === 'fen' ? v / 1_000_000 : v
  const d = DECIMALS[unit]
  return n.toLocaleString('zh-CN', { minimumFractionDigits: d, maximumFractionDigits: d })
}

/** The unit word after a number: 万元 for money, % for percent, the measure word otherwise. */
export function useUnitWord() {
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  return (ind: Pick<Indicator, 'unit' | 'unitZh'>) => {
    if (ind.unit === 'fen' || ind.unit === 'percent') return t(`indicators.units.${ind.unit}`)
    return en ? t(`indicators.units.${ind.unit}`) : ind.unitZh
  }
}

export function useValueText() {
  const word = useUnitWord()
  return (ind: Pick<Indicator, 'unit' | 'unitZh'>, v: number | null | undefined) => {
    if (v === null || v === undefined) return '—'
    const w = word(ind)
    return w === '%'
      ? `${numberText(ind.unit, v)}%`
      : w
        ? `${numberText(ind.unit, v)} ${w}`
        : numberText(ind.unit, v)
  }
}

/** "同比增加 2 项，增长 2.1%" / "减少 0.02 万元" / "持平"; percent figures differ in points. */
export function useComparisonText() {
  const { t } = useTranslation()
  const word = useUnitWord()
  return (ind: Pick<Indicator, 'unit' | 'unitZh'>, c: Comparison): string => {
    if (c.direction === null || c.delta === null) return t('indicators.figure.noData')
    if (c.direction === 'flat') return t('indicators.figure.flat')
    const dir = t(`indicators.figure.${c.direction}`)
    const amount = numberText(ind.unit, Math.abs(c.delta))
    const w = word(ind)
    const unitPart = ind.unit === 'percent' ? t('indicators.figure.points') : w ? ` ${w}` : ''
    const growth =
      c.growthPct === null || ind.unit === 'percent'
        ? ''
        : `${t('indicators.figure.sep')}${t(
            c.growthPct >= 0 ? 'indicators.figure.growth' : 'indicators.figure.fall',
            {
              pct: Math.abs(c.growthPct).toFixed(1),
            },
          )}`
    return `${dir} ${amount}${unitPart}${growth}`
  }
}

export function useIndicatorName() {
  const { i18n } = useTranslation()
  return (i: { zh: string; en: string }) => (i18n.language === 'en' && i.en ? i.en : i.zh)
}

/** A definition in words: "合计 科技成果转化合同 · 合同金额，筛选 是否市内转化 =是". */
export function useDefinitionText(all: Indicator[]) {
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const ledgers = useLedgers().data ?? []
  const name = useIndicatorName()
  return (ind: Indicator): string => {
    const d = ind.definition
    if (!d) return t('indicators.moduleDef', { module: ind.module ?? '' })
    if (d.kind === 'manual')
      return d.manual.inherit
        ? `${t('indicators.manualDef')}（${t('indicators.manualInherit')}）`
        : t('indicators.manualDef')
    if (d.kind === 'expression') {
      const names = d.expression.of.map((k) => {
        const x = all.find((i) => i.key === k)
        return x ? name(x) : k
      })
      const op = d.expression.op
      if (op === 'ratio') return `${names[0]} ÷ ${names[1]} × ${d.expression.factor ?? 100}`
      if (op === 'difference') return `${names[0]} − ${names[1]}`
      return names.join(' + ')
    }
    const a = d.aggregate
    const ledger = ledgers.find((l) => l.key === a.ledger)
    const col = (k: string) => {
      const c = ledger?.columns.find((x) => x.key === k)
      return c ? (en ? c.labelEn : c.labelZh) : k
    }
    const val = (k: string, v: unknown): string => {
      const c = ledger?.columns.find((x) => x.key === k)
      if (Array.isArray(v)) return v.map((x) => val(k, x)).join('、')
      const o = c?.options?.find((x) => x.value === v)
      return o ? (en ? o.labelEn : o.labelZh) : String(v ?? '')
    }
    let s = `${t(`indicators.fns.${a.fn}`)} ${ledger ? (en ? ledger.nameEn : ledger.nameZh) : a.ledger}`
    if (a.column) s += ` · ${col(a.column)}`
    if (a.filters?.length)
      s += `，${t('indicators.filterWord')} ${a.filters
        .map(
          (f) =>
            `${col(f.column)} ${t(`indicators.ops.${f.op}`)}${f.value === undefined ? '' : ` ${val(f.column, f.value)}`}`,
        )
        .join('；')}`
    return s
  }
}
