import type { OrgKind, SchoolStage } from '../../domain/org/codes.js'

export type Ownership = 'public' | 'private'

/**
 * One org unit as the demo generator describes it, before it has a database id. Parents are named by
 * `ref`, a stable path-like key (`c01-k03-s045`) that fixtures and tests can hold on to across runs.
 */
export interface DemoOrgUnit {
  ref: string
  parentRef: string | null
  kind: OrgKind
  name: string
  shortName: string
  code: string | null
  stage: SchoolStage | null
  ownership: Ownership | null
  inclusive: boolean
  rural: boolean
  tags: string[]
  sortOrder: number
  /** Enrolment (children, pupils or students): later modules build ledgers and CV inputs on it. */
  pupils?: number
}

/** How a county's schools spread between its seat, its towns and their villages. */
export type CountyProfile = 'urban' | 'suburban' | 'county_city' | 'rural'
