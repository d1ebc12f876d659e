/**
 * The named figures of research, for reports ("围绕*个方面确定**个调研课题，深入*个市的**个县
 * （市、区）开展调研，发现问题**个，已转为整改问题**个"), over the topics the user sees, optionally
 * of one campaign:
 *
 * - topics: live topics, whatever their status; byStatus, byAspect (in the campaign's order);
 * - aspects: the campaign's live aspects (without a campaign: those the topics fall under);
 *   aspectsWithTopics: aspects having at least one topic;
 * - reports: topics whose report is in (reported or concluded);
 * - visits: live field visits of live topics; citiesVisited / countiesVisited: distinct cities
 *   and counties those visits reached, a school or a county counting its county and its city
 *   (domain/research/regions.ts); cities / counties: each with its number of visits;
 * - findings, findingsConverted (became rectification problems), conversionRate.
 */
import { pathIds, regionOf } from '../../../domain/research/regions.js'
import { type Ctx, todayInChina } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { loadVisibleCampaign } from '../supervision/campaigns.js'
import { listAspects } from '../supervision/repository.js'
import { figureFindingCounts, figureTopicRows, figureVisitRows, unitsByIds } from './repository.js'
import type { FiguresView } from './schema.js'

type Item = { key: string; label: string; value: number }

export async function researchFigures(
  ctx: Ctx,
  q: { campaignId?: number | undefined },
): Promise<FiguresView> {
  authorize(ctx.actor, 'task.read')
  const campaign = q.campaignId ? await loadVisibleCampaign(ctx.db, ctx.actor, q.campaignId) : null
  const topics = await figureTopicRows(ctx.db, ctx.actor, campaign?.id)

  const byStatus = { planned: 0, in_progress: 0, reported: 0, concluded: 0 }
  const aspects = new Map<number, { label: string; order: number; value: number }>()
  if (campaign)
    for (const a of await listAspects(ctx.db, [campaign.id]))
      aspects.set(a.id, { label: a.name, order: a.sort_order, value: 0 })
  for (const t of topics) {
    if (t.status in byStatus) byStatus[t.status as keyof typeof byStatus]++
    const a = aspects.get(t.aspect_id) ?? { label: t.aspect_name, order: t.aspect_order, value: 0 }
    a.value++
    aspects.set(t.aspect_id, a)
  }
  const byAspect = [...aspects]
    .sort(([ia, a], [ib, b]) => a.order - b.order || ia - ib)
    .map(([id, a]) => ({ key: String(id), label: a.label, value: a.value }))

  const visits = await figureVisitRows(ctx.db, ctx.actor, campaign?.id)
  const units = await unitsByIds(ctx.db, [...new Set(visits.flatMap((v) => pathIds(v.unit_path)))])
  const cities = new Map<number, number>()
  const counties = new Map<number, number>()
  for (const v of visits) {
    const r = regionOf({ id: v.unit_id, kind: v.unit_kind, path: v.unit_path }, (id) => units.get(id)?.kind)
    if (r.cityId !== null) cities.set(r.cityId, (cities.get(r.cityId) ?? 0) + 1)
    if (r.countyId !== null) counties.set(r.countyId, (counties.get(r.countyId) ?? 0) + 1)
  }
  const items = (m: Map<number, number>): Item[] =>
    [...m]
      .map(([id, n]) => ({ key: String(id), label: units.get(id)?.name ?? String(id), value: n }))
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'zh-CN'))

  const f = await figureFindingCounts(ctx.db, ctx.actor, campaign?.id)
  return {
    campaignId: campaign?.id ?? null,
    campaign: campaign?.name ?? null,
    asOf: todayInChina(ctx.now()),
    topics: topics.length,
    aspects: aspects.size,
    aspectsWithTopics: byAspect.filter((a) => a.value > 0).length,
    byAspect,
    byStatus,
    reports: byStatus.reported + byStatus.concluded,
    visits: visits.length,
    citiesVisited: cities.size,
    countiesVisited: counties.size,
    cities: items(cities),
    counties: items(counties),
    findings: f.findings,
    findingsConverted: f.converted,
    conversionRate: f.findings === 0 ? null : f.converted / f.findings,
  }
}
