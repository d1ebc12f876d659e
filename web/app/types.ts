/** Shapes of the JSON the server sends (see the API contract in DESIGN notes). */

export type Role = 'admin' | 'leader' | 'department' | 'county' | 'school' | 'expert' | 'auditor'
export type Lang = 'zh-CN' | 'en'

export interface User {
  id: number | string
  username: string
  displayName: string
  role: Role
  orgUnitId: number | string
  orgUnitName: string
  locale: Lang | null
  phone?: string | null
  version: number
  voidedAt?: string | null
  mustChangePassword?: boolean
}

export type OrgKind = 'province' | 'city' | 'county' | 'school' | 'kindergarten' | 'university' | 'department'
export type SchoolStage = 'primary' | 'junior' | 'senior' | 'nine_year' | 'complete_secondary' | 'twelve_year'
export type Ownership = 'public' | 'private'

export type Id = number | string

export interface OrgUnit {
  id: Id
  parentId: Id | null
  path: string
  depth: number
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
  version: number
  voidedAt: string | null
  voidReason: string | null
}

export interface Page<T> {
  items: T[]
  total: number
}

export interface Labelled {
  key: string
  zh: string
  en: string
}

export interface ModuleInfo {
  key: string
  path: string
  titleZh: string
  titleEn: string
  icon?: string
  roles?: string[]
}

export interface DemoUser {
  username: string
  role: string
  password: string
}

export interface Meta {
  version: string
  demo: boolean
  demoUsers?: DemoUser[]
  modules: ModuleInfo[]
  roles: Labelled[]
  orgKinds: Labelled[]
  schoolStages: Labelled[]
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface Job {
  id: Id
  kind: string
  status: JobStatus
  progress: number
  total: number
  message: string | null
  result: unknown
  error: { code: string; message: string } | null
  hasErrorReport: boolean
  hasWarningReport: boolean
}

export interface AuditEntry {
  id: Id
  at: string
  actorId: Id | null
  actorName: string | null
  action: string
  entity: string
  entityId: Id | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface AuditVerifyResult {
  ok: boolean
  checked: number
  problems: { id: Id; reason: string }[]
}

export interface AuthResponse {
  user: User
  csrfToken: string
}
