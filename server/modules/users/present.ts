import type { UserRow } from './repository.js'
import type { UserView } from './schema.js'

export function presentUser(r: UserRow): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as UserView['role'],
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    locale: r.locale,
    phone: r.phone,
    version: r.version,
    voidedAt: r.voided_at,
    mustChangePassword: r.must_change_password === 1,
  }
}

/** The audit copy of a user: the phone is personal data and is masked. */
export const USER_AUDIT_REDACT = ['phone'] as const
