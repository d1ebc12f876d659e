/** Which kinds of unit each role may be scoped to. */
import type { Role } from '../../policies/roles.js'

const SCOPE_KINDS: Record<Role, readonly string[]> = {
  admin: ['province', 'city', 'county'],
  leader: ['province', 'city', 'county'],
  department: ['province', 'city', 'county', 'department'],
  county: ['county'],
  school: ['school', 'kindergarten', 'university'],
  expert: ['province', 'city', 'county'],
  auditor: ['province', 'city', 'county'],
}

export const scopeAllowed = (role: Role, kind: string) => SCOPE_KINDS[role].includes(kind)
