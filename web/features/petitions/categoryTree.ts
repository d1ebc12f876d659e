/** The two-level taxonomy (category → demand) as the flat list /api/petitions/categories sends. */
import type { Category } from './types'

export interface CategoryNode extends Category {
  children: Category[]
}

export function categoryTree(items: Category[], includeVoided = false): CategoryNode[] {
  const live = includeVoided ? items : items.filter((c) => !c.voided)
  const byParent = new Map<number, Category[]>()
  for (const c of live) {
    if (c.parentId === null) continue
    const list = byParent.get(c.parentId)
    if (list) list.push(c)
    else byParent.set(c.parentId, [c])
  }
  return live.filter((c) => c.parentId === null).map((c) => ({ ...c, children: byParent.get(c.id) ?? [] }))
}

export interface CascaderOption {
  value: number
  label: string
  children?: CascaderOption[]
}

export function cascaderOptions(items: Category[]): CascaderOption[] {
  return categoryTree(items).map((c) => ({
    value: c.id,
    label: c.name,
    children: c.children.map((d) => ({ value: d.id, label: d.name })),
  }))
}
