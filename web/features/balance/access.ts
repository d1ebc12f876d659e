/**
 * Who may do what, mirroring server/policies/roles.ts and server/modules/balance/MATRIX.md: the
 * server decides; the web only hides buttons it would refuse anyway.
 */
import type { Role } from '../../app/types'

/** `balance.write`: entering resource and enrolment rows. */
export const canWriteBalance = (role?: Role) =>
  role === 'department' || role === 'county' || role === 'school'
/** `balance.write` and `problem.write`: turning a warning into a rectification problem. */
export const canConvertWarnings = (role?: Role) => role === 'department' || role === 'county'
/** `indicator.config`: the composite thresholds. */
export const canConfigBalance = (role?: Role) => role === 'admin' || role === 'department'
