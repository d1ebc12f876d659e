/** Case rows → API views. Personal data arrives here already masked unless the caller opened it. */
import type { WorkCalendar } from '../../../domain/calendar/calendar.js'
import { allowedActions, type Status } from '../../../domain/petitions/lifecycle.js'
import { deadlinesOf, dueNow } from './derive.js'
import type { CaseListRow } from './repository.js'
import type { CaseDetail, CaseSummary } from './schema.js'

export function presentSummary(r: CaseListRow, today: string, dueSoonDays: number): CaseSummary {
  const due = r.current_due
  const daysLeft = due ? Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000) : null
  const dueState =
    daysLeft === null ? 'none' : daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'due_soon' : 'ok'
  return {
    id: r.id,
    caseNo: r.case_no,
    receivedOn: r.received_on,
    channel: r.channel,
    kind: r.kind,
    categoryId: r.category_id,
    category: r.category_name,
    demandId: r.demand_id,
    demand: r.demand_name,
    petitioner: r.petitioner_mask,
    countyId: r.county_id,
    county: r.county_name,
    responsibleUnit: r.responsible_unit_name,
    responsibleLeader: r.responsible_leader,
    status: r.status as Status,
    stage: r.current_stage,
    due,
    daysLeft,
    dueState,
    closedOn: r.closed_on,
    version: r.version,
    voided: r.voided_at !== null,
  }
}

export function presentDetail(
  r: CaseListRow & { org_unit_name: string },
  extra: Pick<
    CaseDetail,
    'people' | 'peopleMasked' | 'canSeePersonal' | 'events' | 'campaigns' | 'duplicateOfCaseNo'
  >,
  cal: WorkCalendar,
  today: string,
  dueSoonDays: number,
): CaseDetail {
  const status = r.status as Status
  const now = dueNow(cal, status, r, today, dueSoonDays)
  const dl = deadlinesOf(cal, status, r)
  return {
    ...presentSummary(r, today, dueSoonDays),
    daysLeft: now.daysLeft,
    dueState: now.state,
    groupSize: r.group_size,
    summary: r.summary,
    orgUnitId: r.org_unit_id,
    orgUnit: r.org_unit_name,
    level: r.level,
    responsibleUnitId: r.responsible_unit_id,
    regionLeader: r.region_leader,
    accusedUnitId: r.accused_unit_id,
    forwardedOn: r.forwarded_on,
    acceptedOn: r.accepted_on,
    extensionDays: r.extension_days,
    repliedOn: r.replied_on,
    outcome: r.outcome,
    reviewRequestedOn: r.review_requested_on,
    reviewDecidedOn: r.review_decided_on,
    rereviewRequestedOn: r.rereview_requested_on,
    rereviewDecidedOn: r.rereview_decided_on,
    satisfaction: r.satisfaction,
    visitedOn: r.visited_on,
    deadlines: { ...dl },
    allowedActions: r.voided_at ? [] : allowedActions(status),
    duplicateOf: r.duplicate_of,
    source: r.source,
    personalErased: r.personal_erased_at !== null,
    ...extra,
  }
}
