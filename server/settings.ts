/** Small key → JSON settings (demo marker, backlog thresholds later). */
import type { Tx } from './context.js'

export async function getSetting<T>(db: Tx, key: string): Promise<T | undefined> {
  const r = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst()
  return r ? (JSON.parse(r.value_json) as T) : undefined
}

export async function putSetting(db: Tx, key: string, value: unknown, at: string): Promise<void> {
  const value_json = JSON.stringify(value)
  await db
    .insertInto('settings')
    .values({ key, value_json, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: at }))
    .execute()
}
