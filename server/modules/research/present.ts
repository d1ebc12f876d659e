/** Stored rows → API views. */
import type { ProblemStatus } from '../../../domain/rectification/lifecycle.js'
import type { TopicStatus } from '../../../domain/research/lifecycle.js'
import type { FindingListRow, TopicListRow, TopicUnitRow } from './repository.js'
import type { FindingView, TopicSummary } from './schema.js'

export function presentTopic(
  r: TopicListRow,
  units: readonly TopicUnitRow[],
  counts: { visits: number; findings: number; converted: number } | undefined,
): TopicSummary {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    campaignId: r.campaign_id,
    campaign: r.campaign_name,
    aspectId: r.aspect_id,
    aspect: r.aspect_name,
    ownerUnitId: r.owner_unit_id,
    ownerUnit: r.owner_unit_name,
    leaderName: r.leader_name,
    leaderUserId: r.leader_user_id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status as TopicStatus,
    plannedUnits: units.filter((u) => u.topic_id === r.id).map((u) => ({ id: u.org_unit_id, name: u.name })),
    visitCount: counts?.visits ?? 0,
    findingCount: counts?.findings ?? 0,
    convertedCount: counts?.converted ?? 0,
    reportedOn: r.reported_on,
    concludedOn: r.concluded_on,
    source: r.source,
    version: r.version,
    voided: r.voided_at !== null,
  }
}

export function presentFinding(f: FindingListRow): FindingView {
  return {
    id: f.id,
    text: f.text,
    categoryId: f.category_id,
    category: f.category_name ?? '',
    responsibleUnitId: f.responsible_unit_id,
    responsibleUnit: f.unit_name,
    foundOn: f.found_on,
    problem:
      f.problem_id !== null && f.problem_code !== null
        ? {
            id: f.problem_id,
            code: f.problem_code,
            status: f.problem_status as ProblemStatus,
            voided: f.problem_voided_at !== null,
          }
        : null,
    convertedAt: f.converted_at,
    convertedBy: f.converted_by_name,
    author: f.author_name,
    version: f.version,
    voided: f.voided_at !== null,
    voidReason: f.void_reason,
  }
}
