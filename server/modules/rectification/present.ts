/** Rows as the API shows them: problems, measures, evidence, history. */
import {
  isMeasureOverdue,
  type MeasureStatus,
  type ProblemSource,
  type ProblemStatus,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '../../../domain/rectification/lifecycle.js'
import type { Locale } from '../../http/i18n.js'
import type { EvidenceMetaRow, MeasureRow, ProblemListRow } from './repository.js'
import type { ProblemSummary } from './schema.js'

export const label = (l: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? l.en : l.zh)

export function presentProblemSummary(r: ProblemListRow, locale: Locale): ProblemSummary {
  const source = r.source as ProblemSource
  const status = r.status as ProblemStatus
  return {
    id: r.id,
    code: r.code,
    description: r.description,
    source,
    sourceLabel: SOURCE_LABELS[source] ? label(SOURCE_LABELS[source], locale) : r.source,
    categoryId: r.category_id,
    category: r.category_name,
    campaign: r.campaign,
    campaignId: r.campaign_id,
    responsibleUnitId: r.responsible_unit_id,
    responsibleUnit: r.unit_name,
    responsibleLeader: r.responsible_leader,
    responsibleUserId: r.responsible_user_id,
    foundOn: r.found_on,
    fixAtOnce: r.fix_at_once === 1,
    status,
    statusLabel: STATUS_LABELS[status] ? label(STATUS_LABELS[status], locale) : r.status,
    measuresTotal: r.measures_total,
    measuresDone: r.measures_done,
    measuresOverdue: r.measures_overdue,
    nextDeadline: r.next_deadline ?? null,
    evidenceCount: r.evidence_count,
    signedOffAt: r.signed_off_at,
    version: r.version,
    voided: r.voided_at !== null,
  }
}

export function presentMeasure(m: MeasureRow, today: string) {
  const status = m.status as MeasureStatus
  return {
    id: m.id,
    seq: m.seq,
    content: m.content,
    owner: m.owner,
    ownerUnitId: m.owner_unit_id,
    deadline: m.deadline,
    status,
    doneOn: m.done_on,
    overdue: isMeasureOverdue({ status, deadline: m.deadline, voided: m.voided_at !== null }, today),
    version: m.version,
    voided: m.voided_at !== null,
  }
}

export function presentEvidence(e: EvidenceMetaRow) {
  return {
    id: e.id,
    measureId: e.measure_id,
    filename: e.filename,
    contentType: e.content_type,
    fileType: e.file_type,
    size: e.size_bytes,
    sha256: e.sha256,
    note: e.note,
    uploadedBy: e.uploaded_by_name,
    uploadedAt: e.created_at,
    voided: e.voided_at !== null,
  }
}
