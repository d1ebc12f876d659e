/**
 * Imports research topics from a spreadsheet as a job, all or nothing. The key is the topic code:
 * a row whose code is new adds a topic; a row whose code matches a topic the importer may edit
 * updates it when something differs and leaves it alone otherwise, so importing the same file
 * twice changes nothing. Campaigns, aspects and units are looked up by name; anything unknown or
 * ambiguous is an error on its row and column, and a file with any error writes nothing (the
 * error report marks the cells). Blank optional cells (leader, units, description) keep what is
 * stored.
 */
import { pathIds, regionOf } from '../../../domain/research/regions.js'
import { recordAudit } from '../../audit/record.js'
import { type Actor, type Ctx, type Services, type Tx, todayInChina } from '../../context.js'
import type { Locale } from '../../http/i18n.js'
import type { JobRun } from '../../jobs/queue.js'
import { authorize, inScope } from '../../policies/authorize.js'
import type { ImportRow } from '../../spreadsheet/import.js'
import { type Report, runSheetImport } from '../../spreadsheet/import-job.js'
import { buildTemplate } from '../../spreadsheet/template.js'
import { listSubtree, type OrgUnitRow } from '../org/repository.js'
import { type CampaignListRow, listAspects, listCampaignRows } from '../supervision/repository.js'
import { topicImportSpec } from './import-spec.js'
import {
  insertEvents,
  insertTopics,
  insertTopicUnits,
  replaceTopicUnits,
  type TopicListRow,
  type TopicRow,
  topicsByCodes,
  unitsByIds,
  unitsOfTopics,
  updateTopicVersioned,
} from './repository.js'
import { unitIndex } from './unit-names.js'

export const RESEARCH_IMPORT_JOB = 'research.import'
const BATCH = 500
type Row = ImportRow<typeof topicImportSpec>

export function topicImportTemplate(ctx: Ctx, locale: Locale): Promise<Buffer> {
  authorize(ctx.actor, 'task.write')
  return buildTemplate(topicImportSpec, locale)
}

export async function startTopicImport(ctx: Ctx, file: { filename: string; bytes: Buffer }): Promise<number> {
  authorize(ctx.actor, 'task.write')
  return ctx.jobs.enqueue(RESEARCH_IMPORT_JOB, {}, ctx.actor, [
    { role: 'input', filename: file.filename, contentType: 'application/octet-stream', bytes: file.bytes },
  ])
}

export function runTopicImport(run: JobRun<unknown>) {
  authorize(run.actor, 'task.write')
  return runSheetImport(run, topicImportSpec, (job) =>
    applyRows(run.services, run.actor, job.rows, job.report, job.filename, job.checkOnly),
  )
}

interface Resolved {
  excelRow: number
  row: Row
  campaign: CampaignListRow
  aspectId: number
  owner: OrgUnitRow
  /** null: the cell was blank (keep the stored plan). */
  units: OrgUnitRow[] | null
}

async function resolveRows(trx: Tx, actor: Actor, rows: { excelRow: number; value: Row }[], report: Report) {
  // Campaigns the importer may file topics under (visible, live); units in his scope only.
  const campaigns = new Map<string, CampaignListRow[]>()
  for (const c of await listCampaignRows(trx, actor, false))
    campaigns.set(c.name.trim(), [...(campaigns.get(c.name.trim()) ?? []), c])
  const aspects = await listAspects(
    trx,
    [...campaigns.values()].flat().map((c) => c.id),
  )
  const scopeUnits = await listSubtree(trx, actor.scopePath, false)
  const units = unitIndex(scopeUnits)
  // Kinds of every unit in scope and of the scope's ancestors: where a planned unit lies.
  const kinds = new Map(scopeUnits.map((u) => [u.id, u.kind]))
  for (const [id, u] of await unitsByIds(trx, pathIds(actor.scopePath))) kinds.set(id, u.kind)
  const out: Resolved[] = []
  for (const { excelRow, value: r } of rows) {
    let ok = true
    const found = campaigns.get(r.campaign) ?? []
    const campaign = found.length === 1 ? found[0] : undefined
    if (!campaign) {
      const key = found.length ? 'research_import_ambiguous_campaign' : 'research_import_unknown_campaign'
      report(excelRow, 'campaign', key, { value: r.campaign })
      ok = false
    }
    const aspect = campaign
      ? aspects.find((a) => a.campaign_id === campaign.id && a.name === r.aspect)
      : undefined
    if (campaign && !aspect) {
      report(excelRow, 'aspect', 'research_import_unknown_aspect', { value: r.aspect, campaign: r.campaign })
      ok = false
    }
    const unitOf = (field: string, name: string) => {
      const f = units.find(name)
      if (f.unit) return f.unit
      const key = f.ambiguous ? 'research_import_ambiguous_unit' : 'research_import_unknown_unit'
      report(excelRow, field, key, { value: name })
      ok = false
      return undefined
    }
    const owner = unitOf('owner', r.owner)
    let planned: OrgUnitRow[] | null = null
    if (r.units.length > 0) {
      planned = []
      for (const name of r.units) {
        const u = unitOf('units', name)
        if (!u || planned.some((x) => x.id === u.id)) continue
        const region = regionOf({ id: u.id, kind: u.kind, path: u.path }, (id) => kinds.get(id))
        if (region.cityId === null && region.countyId === null) {
          report(excelRow, 'units', 'research_import_unit_not_visitable', { value: name })
          ok = false
        }
        planned.push(u)
      }
    }
    if (ok && campaign && aspect && owner)
      out.push({ excelRow, row: r, campaign, aspectId: aspect.id, owner, units: planned })
  }
  return out
}

/** What an import row would change on an existing topic (empty: nothing). */
function differences(old: TopicRow, plan: number[], r: Resolved) {
  const patch: Partial<Omit<TopicRow, 'id' | 'version'>> = {}
  if (old.title !== r.row.title) patch.title = r.row.title
  if (old.aspect_id !== r.aspectId) patch.aspect_id = r.aspectId
  if (old.owner_unit_id !== r.owner.id) patch.owner_unit_id = r.owner.id
  if (r.row.leader !== null && old.leader_name !== r.row.leader) patch.leader_name = r.row.leader
  if (old.starts_on !== r.row.start) patch.starts_on = r.row.start
  if (old.ends_on !== r.row.end) patch.ends_on = r.row.end
  if (r.row.description !== null && old.description !== r.row.description)
    patch.description = r.row.description
  const units = r.units?.map((u) => u.id) ?? null
  const unitsChanged = units !== null && units.join(',') !== plan.join(',')
  return { patch, units: unitsChanged ? units : null }
}

async function applyRows(
  services: Services,
  actor: Actor,
  rows: { excelRow: number; value: Row }[],
  report: Report,
  filename: string,
  checkOnly: boolean,
) {
  authorize(actor, 'task.write')
  const at = services.now().toISOString()
  const ctx = { actor, now: services.now }
  let created = 0
  let updated = 0
  let unchanged = 0
  return services.db
    .transaction()
    .execute(async (trx) => {
      const resolved = await resolveRows(trx, actor, rows, report)
      let failed = checkOnly || resolved.length !== rows.length
      const existing = new Map<string, TopicListRow>(
        (
          await topicsByCodes(
            trx,
            resolved.map((r) => r.row.code),
          )
        ).map((x) => [x.code, x]),
      )
      const plans = new Map<number, number[]>()
      for (const u of await unitsOfTopics(
        trx,
        [...existing.values()].map((x) => x.id),
      ))
        plans.set(u.topic_id, [...(plans.get(u.topic_id) ?? []), u.org_unit_id])

      const fresh: Resolved[] = []
      const changedIds: number[] = []
      const events = []
      for (const r of resolved) {
        const old = existing.get(r.row.code)
        if (!old) {
          fresh.push(r)
          continue
        }
        const refuse = (field: string, key: string, params: Record<string, unknown> = {}) => {
          report(r.excelRow, field, key, { value: r.row.code, ...params })
          failed = true
        }
        if (old.voided_at) {
          refuse('code', 'research_import_code_voided')
          continue
        }
        if (!inScope(actor, old.owner_path)) {
          refuse('code', 'research_import_code_taken')
          continue
        }
        if (old.campaign_id !== r.campaign.id) {
          refuse('campaign', 'research_import_campaign_changed', { campaign: old.campaign_name })
          continue
        }
        const { patch, units } = differences(old, plans.get(old.id) ?? [], r)
        if (Object.keys(patch).length === 0 && units === null) {
          unchanged++
          continue
        }
        if (old.status === 'concluded') {
          refuse('code', 'research_import_topic_closed')
          continue
        }
        if (failed) continue
        await updateTopicVersioned(trx, old.id, old.version, { ...patch, updated_at: at })
        if (units !== null) await replaceTopicUnits(trx, old.id, units)
        events.push(event(ctx, old.id, at, { source: 'import', file: filename, updated: true }))
        changedIds.push(old.id)
        updated++
      }
      if (failed) throw new RollBack()

      const createdIds: number[] = []
      for (let i = 0; i < fresh.length; i += BATCH) {
        const batch = fresh.slice(i, i + BATCH)
        const ids = await insertTopics(
          trx,
          batch.map((r) => ({
            code: r.row.code,
            title: r.row.title,
            campaign_id: r.campaign.id,
            aspect_id: r.aspectId,
            owner_unit_id: r.owner.id,
            leader_name: r.row.leader,
            leader_user_id: null,
            starts_on: r.row.start,
            ends_on: r.row.end,
            description: r.row.description ?? '',
            status: 'planned',
            report_summary: null,
            reported_on: null,
            concluded_on: null,
            source: 'import',
            version: 1,
            created_by: actor.id || null,
            created_at: at,
            updated_at: at,
            voided_at: null,
            void_reason: null,
          })),
        )
        const idOf = new Map(ids.map((x) => [x.code, x.id]))
        const made = batch.map((r) => ({ r, id: idOf.get(r.row.code) as number }))
        await insertTopicUnits(
          trx,
          made.map(({ r, id }) => ({ topicId: id, unitIds: (r.units ?? []).map((u) => u.id) })),
        )
        for (const { r, id } of made)
          events.push(event(ctx, id, at, { source: 'import', file: filename, code: r.row.code }))
        createdIds.push(...made.map((m) => m.id))
        created += batch.length
      }
      await insertEvents(trx, events)
      // One audit row for the whole import, naming every topic it created or changed.
      await recordAudit(trx, services, actor, {
        action: 'research.import',
        entity: 'research_topic',
        entityId: null,
        before: null,
        after: { file: filename, created, updated, unchanged, createdIds, updatedIds: changedIds },
      })
    })
    .then(
      () => ({ created, updated, unchanged }),
      (e: unknown) => {
        if (e instanceof RollBack) return null
        throw e
      },
    )
}

function event(
  ctx: { actor: Actor; now: () => Date },
  topicId: number,
  at: string,
  detail: Record<string, unknown>,
) {
  return {
    topic_id: topicId,
    at,
    on_date: todayInChina(ctx.now()),
    action: 'import',
    actor_id: ctx.actor.id || null,
    actor_name: ctx.actor.displayName,
    detail_json: JSON.stringify(detail),
  }
}

/** Thrown to roll the transaction back after every row was checked and reported. */
class RollBack extends Error {}
