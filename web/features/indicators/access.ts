/** Mirrors server/policies/roles.ts: `indicator.config` is held by admins and departments. */
import type { Role } from '../../app/types'

export const canConfigIndicators = (role?: Role) => role === 'admin' || role === 'department'
