/**
 * The import spec of a ledger, generated from its definition: one spreadsheet column per ledger
 * column, headed by its Chinese label (money columns say their unit), matched by label, English
 * label, synonyms and the labels a user mapped before. Money headers that say 万元 or 元 decide
 * the unit of bare numbers in that column.
 */
import type { StoredColumn } from '../../../domain/statistics/columns.js'
import { normalizeLabel } from '../../spreadsheet/header.js'
import type { ColumnSpec } from '../../spreadsheet/import.js'
import { parsers } from '../../spreadsheet/parse.js'
import type { MoneyUnit } from '../../spreadsheet/parse-money.js'
import type { Ledger } from './definition.js'
import type { ImportMapping } from './schema.js'

const UNIT_WORD: Record<'yuan' | 'wan', string> = { yuan: '元', wan: '万元' }

export function templateHeader(c: StoredColumn): string {
  return c.type === 'money' ? `${c.labelZh}（${UNIT_WORD[c.moneyUnit ?? 'yuan']}）` : c.labelZh
}

/** The unit a header names: "合同金额（万元）" → wan. */
export function unitInHeader(label: string): MoneyUnit | null {
  const n = normalizeLabel(label)
  if (n.includes('亿元')) return 'yi'
  if (n.includes('千元')) return 'qian'
  if (n.includes('万元')) return 'wan'
  if (n.endsWith('(元)') || n.endsWith('/元')) return 'yuan'
  return null
}

function parserOf(c: StoredColumn, unit: MoneyUnit) {
  switch (c.type) {
    case 'text':
    case 'org':
      return parsers.text({ maxLength: 500 })
    case 'integer':
      return parsers.integer()
    case 'decimal':
    case 'percent':
      return parsers.decimal()
    case 'money':
      return parsers.money({ unit })
    case 'date':
      return parsers.date()
    case 'boolean':
      return parsers.boolean()
    case 'enum':
      return parsers.enumOf(
        Object.fromEntries(
          (c.options ?? []).map((o) => [o.value, [o.labelZh, o.labelEn, ...(o.synonyms ?? [])]]),
        ),
      )
  }
}

/**
 * Columns of the spec. `units` gives each money column's unit once the header is known (the
 * header's own unit, else the mapping's, else the definition's).
 */
export function ledgerColumns(
  ledger: Ledger,
  mapping: ImportMapping,
  units: Record<string, MoneyUnit> = {},
): ColumnSpec[] {
  const mapped = new Map<string, string[]>()
  for (const [label, key] of Object.entries(mapping.columns))
    if (key) mapped.set(key, [...(mapped.get(key) ?? []), label])
  const ignored = new Set(
    Object.entries(mapping.columns)
      .filter(([, k]) => k === null)
      .map(([l]) => normalizeLabel(l)),
  )
  return ledger.columns.map((c) => {
    const names = [c.labelZh, ...(c.synonyms ?? [])]
    const aliases = [
      ...(c.synonyms ?? []),
      ...(mapped.get(c.key) ?? []),
      templateHeader(c),
      ...(c.type === 'money'
        ? names.flatMap((n) => [`${n}(万元)`, `${n}(元)`, `${n}（万元）`, `${n}（元）`])
        : []),
    ].filter((a) => !ignored.has(normalizeLabel(a)))
    const unit = units[c.key] ?? mapping.moneyUnits[c.key] ?? c.moneyUnit ?? 'yuan'
    return {
      field: c.key,
      header: templateHeader(c),
      headerEn: c.labelEn,
      aliases,
      // Derived columns are filled in when the file leaves them out.
      required: c.required === true && !c.derive,
      parser: parserOf(c, unit),
      ...(c.help ? { description: c.help } : {}),
    }
  })
}
