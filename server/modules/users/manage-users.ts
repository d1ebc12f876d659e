/** Creating, editing, voiding users and resetting passwords: admins, within their own scope. */
import { recordAudit } from '../../audit/record.js'
import { hashPassword, isStrongPassword } from '../../auth/passwords.js'
import { deleteUserSessions } from '../../auth/repository.js'
import type { Tx } from '../../context.js'
import { type Ctx, nowIso } from '../../context.js'
import { AppError, fieldError, forbidden, notFound, staleVersion } from '../../http/errors.js'
import { assertInScope, authorize } from '../../policies/authorize.js'
import { ROLE_LABELS, type Role } from '../../policies/roles.js'
import { findById as findUnit } from '../org/repository.js'
import { kindLabel } from '../org/rules.js'
import { presentUser, USER_AUDIT_REDACT } from './present.js'
import { findUser, findUserByUsername, insertUser, listUsers, updateUserVersioned } from './repository.js'
import { scopeAllowed } from './rules.js'
import type { CreateUserInput, ListUsersQuery, UpdateUserInput, UserView } from './schema.js'

async function checkScope(ctx: Ctx, trx: Tx, role: Role, orgUnitId: number) {
  const unit = await findUnit(trx, orgUnitId)
  if (!unit || unit.voided_at) throw fieldError('orgUnitId', 'not_found')
  assertInScope(ctx.actor, unit.path)
  if (!scopeAllowed(role, unit.kind)) {
    throw fieldError('orgUnitId', 'role_scope', {
      role: ROLE_LABELS[role].zh,
      kind: kindLabel(unit.kind),
      roleEn: ROLE_LABELS[role].en,
      kindEn: unit.kind,
    })
  }
}

export async function createUser(
  ctx: Ctx,
  input: CreateUserInput,
  opts: { skipStrength?: boolean } = {},
): Promise<UserView> {
  authorize(ctx.actor, 'user.write')
  if (!opts.skipStrength && !isStrongPassword(input.password)) throw fieldError('password', 'password_weak')
  const hash = await hashPassword(input.password)
  return ctx.db.transaction().execute(async (trx) => {
    await checkScope(ctx, trx, input.role, input.orgUnitId)
    if (await findUserByUsername(trx, input.username)) {
      throw new AppError(409, 'conflict', {}, [
        { field: 'username', key: 'user_taken', params: { username: input.username } },
      ])
    }
    const at = nowIso(ctx)
    const id = await insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: hash,
      role: input.role,
      org_unit_id: input.orgUnitId,
      locale: 'zh-CN',
      phone: input.phone ?? null,
      must_change_password: 0,
      version: 1,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    const row = await findUser(trx, id)
    if (!row) throw notFound()
    const user = presentUser(row)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      after: user,
      redact: USER_AUDIT_REDACT,
    })
    return user
  })
}

async function loadInScope(ctx: Ctx, trx: Tx, id: number) {
  const row = await findUser(trx, id)
  if (!row) throw notFound()
  assertInScope(ctx.actor, row.org_path)
  return row
}

export async function updateUser(ctx: Ctx, id: number, input: UpdateUserInput): Promise<UserView> {
  authorize(ctx.actor, 'user.write')
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadInScope(ctx, trx, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    const role = input.role ?? (row.role as Role)
    if (input.role !== undefined || input.orgUnitId !== undefined)
      await checkScope(ctx, trx, role, input.orgUnitId ?? row.org_unit_id)
    const { version, displayName, orgUnitId, ...rest } = input
    const ok = await updateUserVersioned(trx, id, version, {
      ...rest,
      ...(displayName !== undefined ? { display_name: displayName } : {}),
      ...(orgUnitId !== undefined ? { org_unit_id: orgUnitId } : {}),
      updated_at: nowIso(ctx),
    })
    if (!ok) throw staleVersion(row.version + 1)
    const after = await findUser(trx, id)
    if (!after) throw notFound()
    // A changed role or scope takes effect now: the user's open sessions end.
    if (input.role !== undefined || input.orgUnitId !== undefined) await deleteUserSessions(trx, id)
    const user = presentUser(after)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      before: presentUser(row),
      after: user,
      redact: USER_AUDIT_REDACT,
    })
    return user
  })
}

export async function voidUser(
  ctx: Ctx,
  id: number,
  input: { version: number; reason: string },
): Promise<UserView> {
  authorize(ctx.actor, 'user.write')
  if (id === ctx.actor.id) throw forbidden('user_self')
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadInScope(ctx, trx, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    if (
      !(await updateUserVersioned(trx, id, input.version, {
        voided_at: at,
        void_reason: input.reason,
        updated_at: at,
      }))
    ) {
      throw staleVersion(row.version + 1)
    }
    await deleteUserSessions(trx, id)
    const after = await findUser(trx, id)
    if (!after) throw notFound()
    const user = presentUser(after)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'user.void',
      entity: 'user',
      entityId: id,
      before: presentUser(row),
      after: { ...user, reason: input.reason },
      redact: USER_AUDIT_REDACT,
    })
    return user
  })
}

export async function resetPassword(ctx: Ctx, id: number, password: string): Promise<{ ok: true }> {
  authorize(ctx.actor, 'user.write')
  if (!isStrongPassword(password)) throw fieldError('password', 'password_weak')
  const hash = await hashPassword(password)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadInScope(ctx, trx, id)
    await updateUserVersioned(trx, id, row.version, {
      password_hash: hash,
      must_change_password: 1,
      updated_at: nowIso(ctx),
    })
    await deleteUserSessions(trx, id)
    await recordAudit(trx, ctx, ctx.actor, { action: 'user.reset_password', entity: 'user', entityId: id })
  })
  return { ok: true }
}

export async function searchUsers(ctx: Ctx, q: ListUsersQuery) {
  authorize(ctx.actor, 'user.read')
  const { rows, total } = await listUsers(ctx.db, ctx.dialect, ctx.actor.scopePath, q)
  return { items: rows.map(presentUser), total }
}
