/**
 * Who may do what, mirroring server/policies/roles.ts: the server decides; the web only hides
 * buttons it would refuse anyway.
 */
import type { Role } from '../../app/types'
import type { SubmissionStatus } from './types'

export const canWriteRows = (role?: Role) => role === 'department' || role === 'county' || role === 'school'
export const canApprove = (role?: Role) => role === 'department'
export const canConfigLedgers = (role?: Role) => role === 'admin'

/** Which actions a submission in this state offers this role (the legal moves of its lifecycle). */
export function submissionActions(role: Role | undefined, status: SubmissionStatus) {
  const out: ('submit' | 'approve' | 'return')[] = []
  if (canWriteRows(role) && (status === 'draft' || status === 'returned')) out.push('submit')
  if (canApprove(role) && status === 'submitted') out.push('approve', 'return')
  return out
}
