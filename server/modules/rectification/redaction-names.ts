/**
 * Ethics teachers' names that occur in a text, for the public copy of a report to mask (never to
 * show or store), found by their keyed hashes like petitioners' (see petitions/redaction-names.ts).
 */
import type { Services, Tx } from '../../context.js'
import { nameCandidates, namesFound } from '../../privacy/name-windows.js'
import { nameHash } from '../../privacy/personal-data.js'

export async function ethicsTeacherNamesIn(
  s: Services & { db: Tx },
  scopePath: string,
  text: string,
): Promise<string[]> {
  const candidates = nameCandidates(s.personal, text)
  const scoped = () => s.db.selectFrom('ethics_cases').where('scope_path', 'like', `${scopePath}%`)
  if (!candidates) {
    const rows = await scoped().select('teacher_name_enc').where('teacher_name_enc', 'is not', null).execute()
    return [...new Set(rows.map((r) => s.personal.decrypt(r.teacher_name_enc as string)))]
  }
  return namesFound(candidates, async (hashes) =>
    (
      await scoped().select('teacher_name_hash').distinct().where('teacher_name_hash', 'in', hashes).execute()
    ).map((r) => r.teacher_name_hash),
  )
}

/** Hashes teachers' names stored before the hash column existed (idempotent). */
export async function backfillTeacherNameHashes(s: Services): Promise<void> {
  const rows = await s.db
    .selectFrom('ethics_cases')
    .select(['id', 'teacher_name_enc'])
    .where('teacher_name_hash', 'is', null)
    .where('teacher_name_enc', 'is not', null)
    .execute()
  if (rows.length === 0) return
  await s.db.transaction().execute(async (trx) => {
    for (const r of rows)
      await trx
        .updateTable('ethics_cases')
        .set({ teacher_name_hash: nameHash(s.personal, s.personal.decrypt(r.teacher_name_enc as string)) })
        .where('id', '=', r.id)
        .execute()
  })
}
