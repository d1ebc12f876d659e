/**
 * Petitioners' names that occur in a text, for the public copy of a report to mask (never to show
 * or store: the caller keeps only how many there were). The text's short windows are hashed and
 * looked up against the names' keyed hashes in scope (`name_hash`), so no name is decrypted; a
 * text too long for that falls back to decrypting the scope's names. Older rows get their hash at
 * start-up (`backfillPetitionerNameHashes`).
 */
import type { Services, Tx } from '../../context.js'
import { nameCandidates, namesFound } from '../../privacy/name-windows.js'
import { nameHash } from '../../privacy/personal-data.js'

const BATCH = 5_000

export async function petitionerNamesIn(
  s: Services & { db: Tx },
  scopePath: string,
  text: string,
): Promise<string[]> {
  const candidates = nameCandidates(s.personal, text)
  const scoped = () =>
    s.db
      .selectFrom('petition_people as p')
      .innerJoin('petition_cases as c', 'c.id', 'p.case_id')
      .where('c.scope_path', 'like', `${scopePath}%`)
  if (!candidates) {
    const rows = await scoped().select('p.name_enc').where('p.name_enc', 'is not', null).execute()
    return [...new Set(rows.map((r) => s.personal.decrypt(r.name_enc as string)))]
  }
  return namesFound(candidates, async (hashes) =>
    (await scoped().select('p.name_hash').distinct().where('p.name_hash', 'in', hashes).execute()).map(
      (r) => r.name_hash,
    ),
  )
}

/** Hashes the names stored before the hash column existed, a batch at a time (idempotent). */
export async function backfillPetitionerNameHashes(s: Services): Promise<number> {
  let done = 0
  for (;;) {
    const rows = await s.db
      .selectFrom('petition_people')
      .select(['id', 'name_enc'])
      .where('name_hash', 'is', null)
      .where('name_enc', 'is not', null)
      .limit(BATCH)
      .execute()
    if (rows.length === 0) return done
    await s.db.transaction().execute(async (trx) => {
      for (const r of rows)
        await trx
          .updateTable('petition_people')
          .set({ name_hash: nameHash(s.personal, s.personal.decrypt(r.name_enc as string)) })
          .where('id', '=', r.id)
          .execute()
    })
    done += rows.length
  }
}
