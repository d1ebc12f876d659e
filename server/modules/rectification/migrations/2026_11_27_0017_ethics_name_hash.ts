/** A keyed hash of an ethics case teacher's name (see the petitions migration 0016 for why). Frozen. */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ethics_cases').addColumn('teacher_name_hash', 'text').execute()
  await db.schema
    .createIndex('ethics_cases_teacher_name_hash')
    .on('ethics_cases')
    .column('teacher_name_hash')
    .execute()
}
