/**
 * The checks of entered rows that need the database, for one form row or a whole import at once:
 * org-unit columns name live units in the actor's scope, unique columns are unique among the
 * ledger's live rows (and within the batch), and a row key is not another live row's.
 */
import type { StoredValue } from '../../../domain/statistics/columns.js'
import type { RowDraft, RowProblem } from '../../../domain/statistics/row.js'
import type { Actor, Tx } from '../../context.js'
import { inScope } from '../../policies/authorize.js'
import type { Ledger } from './definition.js'
import { liveRowsByKeys, liveRowsWithValues, unitsByIds } from './repository.js'

export interface CheckItem {
  draft: RowDraft
  /** The row this draft will update (an edit, or an import row matched by key). */
  rowId?: number | undefined
}

export async function checkDrafts(
  db: Tx,
  actor: Actor,
  ledger: Ledger,
  items: CheckItem[],
  opts: { keyMayMatch?: boolean } = {},
): Promise<Map<number, RowProblem[]>> {
  const out = new Map<number, RowProblem[]>()
  const add = (i: number, p: RowProblem) => out.set(i, [...(out.get(i) ?? []), p])

  for (const c of ledger.columns.filter((x) => x.type === 'org')) {
    const ids = items.map((it) => it.draft.values[c.key]).filter((v): v is number => typeof v === 'number')
    const units = await unitsByIds(db, ids)
    items.forEach((it, i) => {
      const v = it.draft.values[c.key]
      if (typeof v !== 'number') return
      const u = units.get(v)
      if (!u || !inScope(actor, u.path))
        add(i, { field: c.key, key: 'stats_org_out_of_scope', params: { value: v } })
    })
  }

  for (const c of ledger.columns.filter((x) => x.unique)) {
    const values = items
      .map((it) => it.draft.values[c.key])
      .filter((v): v is string | number => v !== null && v !== undefined)
    const taken = await liveRowsWithValues(db, ledger.id, c.slot, values)
    const seen = new Map<StoredValue, number>()
    items.forEach((it, i) => {
      const v = it.draft.values[c.key]
      if (v === null || v === undefined) return
      if (seen.has(v))
        add(i, { field: c.key, key: 'stats_unique_taken', params: { value: v, column: c.labelZh } })
      seen.set(v, i)
      if (taken.some((t) => String(t.value) === String(v) && t.id !== it.rowId))
        add(i, { field: c.key, key: 'stats_unique_taken', params: { value: v, column: c.labelZh } })
    })
  }

  if (!opts.keyMayMatch) {
    const keys = items.map((it) => it.draft.rowKey).filter((k): k is string => k !== null)
    const existing = await liveRowsByKeys(db, ledger.id, keys)
    const field = ledger.keyColumns[0] ?? 'values'
    items.forEach((it, i) => {
      const hit = existing.find((r) => r.row_key === it.draft.rowKey && r.id !== it.rowId)
      if (hit) add(i, { field, key: 'stats_key_taken', params: { id: hit.id } })
    })
  }
  return out
}
