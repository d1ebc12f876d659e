/**
 * Loads the demo org tree and demo users into an empty database, in one transaction, with ids
 * assigned here so that 12,000 units go in as a few bulk inserts rather than 24,000 statements;
 * then the demo petition cases (3,000 for the city, 300,000 for the province), in their own
 * transactions.
 */
import { recordAudit } from '../audit/record.js'
import { hashPassword } from '../auth/passwords.js'
import { type Services, SYSTEM_ACTOR } from '../context.js'
import { refreshStatistics, resetIdentity } from '../db/dialect.js'
import { loadBalanceDemo } from '../modules/balance/demo.js'
import { loadPetitionDemo } from '../modules/petitions/demo.js'
import { todayInChina } from '../modules/petitions/derive.js'
import { loadRectificationDemo } from '../modules/rectification/demo.js'
import { loadResearchDemo } from '../modules/research/demo.js'
import { loadSelectionsDemo } from '../modules/selections/demo.js'
import { loadStatisticsDemo } from '../modules/statistics/demo.js'
import { loadSupervisionDemo } from '../modules/supervision/demo.js'
import { putSetting } from '../settings.js'
import { DEMO_PASSWORD, demoUsers } from './demo-users.js'
import { generateOrgTree } from './org-tree.js'

/** Demo petition cases by scale, unless the caller asks for another number. */
export const DEMO_PETITIONS = { city: 3_000, province: 300_000 } as const

export async function loadDemo(
  s: Services,
  scale: 'city' | 'province',
  seed: number,
  opts: { petitions?: number | undefined } = {},
) {
  const petitions = opts.petitions ?? DEMO_PETITIONS[scale]
  const tree = generateOrgTree({ scale, seed })
  const users = demoUsers(tree)
  const hash = await hashPassword(DEMO_PASSWORD)
  const at = s.now().toISOString()
  await s.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('org_units').select('id').limit(1).executeTakeFirst()
    if (existing) throw new Error('the database already has org units; the demo loads only into an empty one')
    const ids = new Map<string, { id: number; path: string; depth: number }>()
    let next = 1
    const rows = tree.map((u) => {
      const id = next++
      const parent = u.parentRef ? ids.get(u.parentRef) : undefined
      const self = { id, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 }
      ids.set(u.ref, self)
      return {
        id,
        parent_id: parent?.id ?? null,
        path: self.path,
        depth: self.depth,
        kind: u.kind,
        name: u.name,
        short_name: u.shortName,
        code: u.code,
        stage: u.stage,
        ownership: u.ownership,
        inclusive: u.inclusive ? 1 : 0,
        rural: u.rural ? 1 : 0,
        tags: JSON.stringify(u.tags),
        sort_order: u.sortOrder,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      }
    })
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('org_units')
        .values(rows.slice(i, i + 500))
        .execute()
    await resetIdentity(trx, s.dialect, 'org_units')
    for (const u of users) {
      const unit = ids.get(u.orgRef)
      if (!unit) continue
      await trx
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: hash,
          role: u.role,
          org_unit_id: unit.id,
          locale: 'zh-CN',
          phone: null,
          must_change_password: 0,
          version: 1,
          created_at: at,
          updated_at: at,
          voided_at: null,
          void_reason: null,
        })
        .execute()
    }
    await putSetting(
      trx,
      'demo',
      {
        scale,
        seed,
        petitions,
        users: users.map((u) => ({ username: u.username, role: u.role, password: DEMO_PASSWORD })),
      },
      at,
    )
    await recordAudit(trx, s, SYSTEM_ACTOR, {
      action: 'demo.load',
      entity: 'system',
      entityId: null,
      after: { scale, seed, units: rows.length, users: users.length, petitions },
    })
  })
  const today = todayInChina(s.now())
  const { cases } = await loadPetitionDemo(s, { count: petitions, seed, today })
  await loadSupervisionDemo(s, { seed, scale, today })
  await loadRectificationDemo(s, { seed, scale, today })
  await loadResearchDemo(s, { seed, scale, today })
  await loadStatisticsDemo(s, { seed, scale, today })
  await loadBalanceDemo(s, { seed, scale, today })
  await loadSelectionsDemo(s, { seed, scale, today })
  await refreshStatistics(s.db, s.dialect)
  return { units: tree.length, users: users.length, petitions: cases }
}
