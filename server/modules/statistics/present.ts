/** Rows and submissions as the API shows them. */
import { presentValue } from '../../../domain/statistics/columns.js'
import type { Ledger } from './definition.js'
import type { RowRecord, SubmissionRecord } from './repository.js'
import type { LedgerRowView, SubmissionView } from './schema.js'

export function presentRow(ledger: Ledger, r: RowRecord, unitName: string): LedgerRowView {
  const slots = r as unknown as Record<string, string | number | null>
  return {
    id: r.id,
    ledger: ledger.key,
    orgUnitId: r.org_unit_id,
    orgUnit: unitName,
    periodDate: r.period_date,
    submissionId: r.submission_id,
    status: r.status,
    values: Object.fromEntries(ledger.columns.map((c) => [c.key, presentValue(c, slots[c.slot] ?? null)])),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
  }
}

export function presentSubmission(
  ledger: Ledger,
  s: SubmissionRecord,
  unitName: string,
  rows: number,
): SubmissionView {
  return {
    id: s.id,
    ledger: ledger.key,
    orgUnitId: s.org_unit_id,
    orgUnit: unitName,
    period: s.period_label,
    periodStart: s.period_start,
    periodEnd: s.period_end,
    dueOn: s.due_on,
    status: s.status,
    rows,
    firstSubmittedOn: s.first_submitted_on,
    submittedAt: s.submitted_at,
    submittedBy: s.submitted_by,
    decidedAt: s.decided_at,
    decidedBy: s.decided_by,
    returnReason: s.return_reason,
    version: s.version,
  }
}
