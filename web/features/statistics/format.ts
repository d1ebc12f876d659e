/** How ledger values read on screen: money in 万元 with two decimals, percent with one, labels by language. */
import { useTranslation } from 'react-i18next'
import type { CellValue, LedgerColumn } from './types'

const FEN_PER_WAN = 1_000_000

/** Integer fen → "1,234.56" (万元). */
export function wanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  return (fen / FEN_PER_WAN).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** 万元 as typed → integer fen (exact to the fen: the input allows six decimals). */
export const wanToFen = (wan: number) => Math.round(wan * FEN_PER_WAN)
export const fenToWan = (fen: number) => fen / FEN_PER_WAN

export function percentText(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v.toFixed(1)}%`
}

/** Chinese or English text of a bilingual pair, by the UI language. */
export function useBilingual() {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  return <T extends { labelZh?: string; labelEn?: string; nameZh?: string; nameEn?: string }>(x: T) =>
    (en ? (x.labelEn ?? x.nameEn) : (x.labelZh ?? x.nameZh)) ?? ''
}

/** One cell as text: typed by the column (money → 万元, boolean → 是/否, enum → label, org → unit name). */
export function useCellText() {
  const { t } = useTranslation()
  const label = useBilingual()
  return (col: LedgerColumn, v: CellValue, unitName: (id: number) => string | undefined): string => {
    if (v === null || v === undefined || v === '') return ''
    switch (col.type) {
      case 'money':
        return typeof v === 'number' ? wanText(v) : String(v)
      case 'boolean':
        return v === true ? t('common.yes') : t('common.no')
      case 'enum': {
        const o = col.options?.find((x) => x.value === v)
        return o ? label(o) : String(v)
      }
      case 'org':
        return typeof v === 'number' ? (unitName(v) ?? `#${v}`) : String(v)
      case 'percent':
        return typeof v === 'number' ? percentText(v) : String(v)
      case 'integer':
      case 'decimal':
        return typeof v === 'number' ? v.toLocaleString('zh-CN') : String(v)
      default:
        return String(v)
    }
  }
}

/** The header of a column: its label, with 万元 for money. */
export function useColumnTitle() {
  const { t } = useTranslation()
  const label = useBilingual()
  return (c: LedgerColumn) =>
    c.type === 'money' ? `${label(c)}（${t('statistics.row.moneyUnit')}）` : label(c)
}
