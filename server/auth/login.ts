/** Login, logout, own profile and password change. */
import { recordAudit } from '../audit/record.js'
import { type Ctx, type Services, SYSTEM_ACTOR } from '../context.js'
import { AppError, fieldError, notFound } from '../http/errors.js'
import { presentUser } from '../modules/users/present.js'
import { findUser, findUserByUsername, updateUserVersioned } from '../modules/users/repository.js'
import type { UserView } from '../modules/users/schema.js'
import { hashPassword, isStrongPassword, verifyPassword } from './passwords.js'
import { deleteSession, deleteUserSessions } from './repository.js'
import { createSession } from './sessions.js'
import { recordFailure, recordSuccess, reserveAttempt } from './throttle.js'

// Verifying against a dummy hash keeps the time of "no such user" equal to "wrong password".
const DUMMY_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0$2xJ0b8a7k1Xq7ZC4oQ3s1wWJ6m1k3kz9V3uQyXk3eWk'

export async function login(s: Services, username: string, password: string, ip: string) {
  const now = s.now()
  await reserveAttempt(s.db, username, ip, now)
  const user = await findUserByUsername(s.db, username)
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH)
  if (!user || !ok || user.voided_at) {
    await recordFailure(s.db, username, ip, now)
    throw new AppError(401, 'login_failed')
  }
  await recordSuccess(s.db, username, ip)
  const session = await createSession(s.db, user.id, ip, now)
  await s.db
    .transaction()
    .execute((trx) =>
      recordAudit(
        trx,
        s,
        { ...SYSTEM_ACTOR, id: user.id, username: user.username },
        { action: 'auth.login', entity: 'session', entityId: user.id },
      ),
    )
  return { user: presentUser(user), ...session }
}

export async function logout(s: Services, sessionHash: string | null) {
  if (sessionHash) await deleteSession(s.db, sessionHash)
}

export async function me(ctx: Ctx): Promise<UserView> {
  const row = await findUser(ctx.db, ctx.actor.id)
  if (!row) throw notFound()
  return presentUser(row)
}

export async function updateMe(
  ctx: Ctx,
  patch: { locale?: 'zh-CN' | 'en'; displayName?: string },
): Promise<UserView> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findUser(trx, ctx.actor.id)
    if (!row) throw notFound()
    await updateUserVersioned(trx, row.id, row.version, {
      ...(patch.locale ? { locale: patch.locale } : {}),
      ...(patch.displayName ? { display_name: patch.displayName } : {}),
      updated_at: ctx.now().toISOString(),
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'user.update_self',
      entity: 'user',
      entityId: row.id,
      after: patch,
    })
  })
  return me(ctx)
}

export async function changePassword(
  ctx: Ctx,
  current: string,
  next: string,
  keepSessionHash: string | null,
) {
  if (!isStrongPassword(next)) throw fieldError('newPassword', 'password_weak')
  const row = await findUser(ctx.db, ctx.actor.id)
  if (!row) throw notFound()
  if (!(await verifyPassword(current, row.password_hash)))
    throw fieldError('currentPassword', 'password_wrong')
  const hash = await hashPassword(next)
  await ctx.db.transaction().execute(async (trx) => {
    await updateUserVersioned(trx, row.id, row.version, {
      password_hash: hash,
      must_change_password: 0,
      updated_at: ctx.now().toISOString(),
    })
    await deleteUserSessions(trx, row.id, keepSessionHash ?? undefined)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'user.change_password',
      entity: 'user',
      entityId: row.id,
    })
  })
  return { ok: true as const }
}
