/**
 * Mirrors server/policies/roles.ts for the report permissions: the server decides; the web only
 * hides what it would refuse anyway.
 */
import type { Role } from '../../app/types'

/** report.write: the bureau office (department) and county clerks write templates. */
export const canWriteReports = (role?: Role) => role === 'department' || role === 'county'
/** report.config: the reviewed list of sensitive terms. */
export const canConfigReports = (role?: Role) => role === 'department' || role === 'admin'
