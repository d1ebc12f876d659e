/** Rows as the API shows them. */
import { valuesOfRow } from './fields.js'
import type { EnrolmentListRow } from './kindergarten-repository.js'
import type { RegionRow, ResourceListRow } from './repository.js'
import { type EnrolmentView, EXCLUSIONS, type ResourceView } from './schema.js'

type Exclusion = (typeof EXCLUSIONS)[number]
const isExclusion = (s: string | null): s is Exclusion => s !== null && EXCLUSIONS.some((x) => x === s)
export const exclusionOfRow = (s: string | null): Exclusion | null => (isExclusion(s) ? s : null)

/** The county a unit sits directly under, when its parent is one. */
export function countyRef(parentId: number | null, parents: ReadonlyMap<number, RegionRow>) {
  const p = parentId === null ? undefined : parents.get(parentId)
  return p && p.kind === 'county' ? { id: p.id, name: p.name } : null
}

export function presentResource(r: ResourceListRow, parents: ReadonlyMap<number, RegionRow>): ResourceView {
  const values = valuesOfRow(r)
  return {
    id: r.id,
    schoolId: r.school_id,
    school: r.unit_name,
    schoolCode: r.unit_code,
    stage: r.unit_stage,
    county: countyRef(r.unit_parent_id, parents),
    year: r.year,
    ...values,
    exclusion: exclusionOfRow(r.exclusion),
    note: r.note,
    source: r.source,
    version: r.version,
    updatedAt: r.updated_at,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
  }
}

export function presentEnrolment(
  r: EnrolmentListRow,
  parents: ReadonlyMap<number, RegionRow>,
): EnrolmentView {
  return {
    id: r.id,
    kindergartenId: r.kindergarten_id,
    kindergarten: r.unit_name,
    ownership: r.unit_ownership,
    inclusive: r.unit_inclusive === 1,
    county: countyRef(r.unit_parent_id, parents),
    year: r.year,
    children: r.children,
    newInclusivePlaces: r.new_inclusive_places,
    note: r.note,
    source: r.source,
    version: r.version,
    updatedAt: r.updated_at,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
  }
}
