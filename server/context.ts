/** What every use case receives: the database, who is acting, in which language, and the clock. */
import type { Kysely, Transaction } from 'kysely'
import type { DialectName } from './db/dialect.js'
import type { Database } from './db/schema.js'
import type { Locale } from './http/i18n.js'
import type { JobQueue } from './jobs/queue.js'
import type { Role } from './policies/roles.js'
import type { PersonalDataCipher } from './privacy/personal-data.js'

export interface Actor {
  id: number
  username: string
  displayName: string
  role: Role
  orgUnitId: number
  /** Materialised path of the scope root: the actor sees units whose path starts with it. */
  scopePath: string
}

/** The command line and the demo loader act as this system actor; it is audited by name. */
export const SYSTEM_ACTOR: Actor = {
  id: 0,
  username: 'system',
  displayName: '系统',
  role: 'admin',
  orgUnitId: 0,
  scopePath: '/',
}

export interface Services {
  db: Kysely<Database>
  dialect: DialectName
  jobs: JobQueue
  now: () => Date
  /** Encrypts petitioners' and other people's personal fields at rest. */
  personal: PersonalDataCipher
}

export interface Ctx extends Services {
  actor: Actor
  locale: Locale
}

export type Tx = Transaction<Database> | Kysely<Database>

export const nowIso = (ctx: { now: () => Date }) => ctx.now().toISOString()

/** Today's date in China (UTC+8, no daylight saving since 1991): the statutes' and the ledgers' "today". */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
