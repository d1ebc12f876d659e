/**
 * First start: load the demo (unless turned off) and create the first admin. There is no fixed
 * default password: it comes from EDU_LEDGER_ADMIN_PASSWORD or is generated and printed once.
 */

import { recordAudit } from './audit/record.js'
import { generatePassword, hashPassword } from './auth/passwords.js'
import { type Services, SYSTEM_ACTOR } from './context.js'
import { loadDemo } from './demo/load.js'
import type { Env } from './env.js'
import { findRoot, insert } from './modules/org/repository.js'
import { countUsers } from './modules/users/repository.js'

export interface BootstrapResult {
  demoLoaded: boolean
  adminPassword?: string
  adminCreated: boolean
}

export async function bootstrap(
  s: Services,
  env: Pick<
    Env,
    'EDU_LEDGER_DEMO' | 'EDU_LEDGER_DEMO_SEED' | 'EDU_LEDGER_DEMO_PETITIONS' | 'EDU_LEDGER_ADMIN_PASSWORD'
  >,
): Promise<BootstrapResult> {
  if ((await countUsers(s.db)) > 0) return { demoLoaded: false, adminCreated: false }
  let demoLoaded = false
  if (!(await findRoot(s.db)) && env.EDU_LEDGER_DEMO !== 'none') {
    await loadDemo(s, env.EDU_LEDGER_DEMO, env.EDU_LEDGER_DEMO_SEED, {
      petitions: env.EDU_LEDGER_DEMO_PETITIONS,
    })
    demoLoaded = true
  }
  const password = env.EDU_LEDGER_ADMIN_PASSWORD ?? generatePassword()
  const hash = await hashPassword(password)
  const at = s.now().toISOString()
  await s.db.transaction().execute(async (trx) => {
    const root =
      (await findRoot(trx)) ??
      (await insert(trx, {
        parent_id: null,
        parentPath: '/',
        depth: 0,
        kind: 'province',
        name: '本级教育行政部门',
        short_name: '本级',
        code: null,
        stage: null,
        ownership: null,
        inclusive: 0,
        rural: 0,
        tags: '[]',
        sort_order: 0,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      }))
    const { id } = await trx
      .insertInto('users')
      .values({
        username: 'admin',
        display_name: '系统管理员',
        password_hash: hash,
        role: 'admin',
        org_unit_id: root.id,
        locale: 'zh-CN',
        phone: null,
        must_change_password: env.EDU_LEDGER_ADMIN_PASSWORD ? 0 : 1,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, s, SYSTEM_ACTOR, {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      after: { username: 'admin', role: 'admin' },
    })
  })
  return {
    demoLoaded,
    adminCreated: true,
    ...(env.EDU_LEDGER_ADMIN_PASSWORD ? {} : { adminPassword: password }),
  }
}
