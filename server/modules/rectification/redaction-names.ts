/**
 * Teachers' names in ethics cases of a subtree, decrypted, for the public copy of a report to
 * mask (never to show or store). Ethics cases are few: no cache.
 */
import type { Services, Tx } from '../../context.js'

export async function ethicsTeacherNames(s: Services & { db: Tx }, scopePath: string): Promise<string[]> {
  const rows = await s.db
    .selectFrom('ethics_cases')
    .select('teacher_name_enc')
    .where('scope_path', 'like', `${scopePath}%`)
    .where('teacher_name_enc', 'is not', null)
    .execute()
  return [...new Set(rows.map((r) => s.personal.decrypt(r.teacher_name_enc as string)))]
}
