/**
 * Units looked up by the names people write in spreadsheets: the full name or, where no full name
 * says otherwise, the short name; a county bureau with or without 教育局. Several units answering
 * to one name is "ambiguous": nothing is guessed.
 */
import type { OrgUnitRow } from '../org/repository.js'
import { unitKey } from '../supervision/import-tasks.js'

export interface UnitIndex {
  find(name: string): { unit?: OrgUnitRow; ambiguous?: boolean }
}

export function unitIndex(units: readonly OrgUnitRow[]): UnitIndex {
  const byName = new Map<string, OrgUnitRow[]>()
  const add = (key: string, u: OrgUnitRow) => {
    const list = byName.get(key) ?? []
    if (!list.some((x) => x.id === u.id)) list.push(u)
    byName.set(key, list)
  }
  for (const u of units) add(unitKey(u.name), u)
  const full = new Set(byName.keys())
  for (const u of units) {
    const k = unitKey(u.short_name)
    if (k && !full.has(k)) add(k, u)
  }
  return {
    find(name) {
      const list = byName.get(unitKey(name)) ?? []
      if (list.length === 1) return { unit: list[0] as OrgUnitRow }
      return list.length > 1 ? { ambiguous: true } : {}
    },
  }
}
