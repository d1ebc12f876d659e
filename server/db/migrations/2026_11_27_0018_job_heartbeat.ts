/**
 * A running job's heartbeat. On PostgreSQL several app processes share the queue, so a process that
 * starts cannot fail every `running` job as SQLite's single process does: it would fail its
 * neighbours' work. A job whose heartbeat has stopped belongs to a process that died. Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('heartbeat_at', 'text').execute()
}
