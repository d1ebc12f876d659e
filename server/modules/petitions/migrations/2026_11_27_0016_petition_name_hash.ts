/**
 * A keyed hash of each petitioner's name, beside its ciphertext: the public copy of a report finds
 * the names it must mask by hashing the report's own short windows of text and looking them up,
 * instead of decrypting every name in scope. Filled for new rows by sealPerson and for older rows by
 * the module's start-up backfill. Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('petition_people').addColumn('name_hash', 'text').execute()
  await db.schema.createIndex('petition_people_name_hash').on('petition_people').column('name_hash').execute()
}
