/**
 * Mirrors server/policies/roles.ts for selections: the server decides; the web only hides what it
 * would refuse anyway.
 */
import type { Role } from '../../app/types'

/** selection.manage: the department runs programmes, rubrics and the expert pool. */
export const canManageSelections = (role?: Role) => role === 'department'
/** selection.apply: county bureaux and schools apply. */
export const canApply = (role?: Role) => role === 'county' || role === 'school'
