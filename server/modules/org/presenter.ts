/** Database row → API shape. */
import type { OrgUnitRow } from './repository.js'
import type { OrgUnit } from './schema.js'

export function presentOrgUnit(r: OrgUnitRow): OrgUnit {
  return {
    id: r.id,
    parentId: r.parent_id,
    path: r.path,
    depth: r.depth,
    kind: r.kind as OrgUnit['kind'],
    name: r.name,
    shortName: r.short_name,
    code: r.code,
    stage: r.stage as OrgUnit['stage'],
    ownership: r.ownership as OrgUnit['ownership'],
    inclusive: r.inclusive === 1,
    rural: r.rural === 1,
    tags: JSON.parse(r.tags) as string[],
    sortOrder: r.sort_order,
    version: r.version,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  }
}
