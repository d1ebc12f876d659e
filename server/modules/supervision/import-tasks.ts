/**
 * Imports key tasks from a spreadsheet as a job, all or nothing. Campaigns, aspects and units are
 * looked up by name (a county may be written with or without 教育局); anything unknown or
 * ambiguous is an error on its row and column, nothing is guessed, and a file with any error
 * writes nothing (the error report marks the cells). A row whose campaign + title matches a task
 * the importer sees updates it when something differs and is left alone otherwise, so importing
 * the same file twice changes nothing. New tasks go in as batched inserts: 10,000 rows are one job.
 */
import { recordAudit } from '../../audit/record.js'
import type { Actor, Ctx, Services, Tx } from '../../context.js'
import type { Locale } from '../../http/i18n.js'
import type { JobRun } from '../../jobs/queue.js'
import { authorize, inScope } from '../../policies/authorize.js'
import type { ImportRow } from '../../spreadsheet/import.js'
import { type Report, runSheetImport } from '../../spreadsheet/import-job.js'
import { buildTemplate } from '../../spreadsheet/template.js'
import { listSubtree, type OrgUnitRow } from '../org/repository.js'
import { todayInChina } from './derive.js'
import { taskImportSpec } from './import-spec.js'
import {
  type CampaignListRow,
  insertEvents,
  insertTasks,
  insertTaskUnits,
  listAspects,
  listCampaignRows,
  replaceTaskUnits,
  type TaskRow,
  tasksByCampaignTitle,
  unitsOfTasks,
  updateTaskVersioned,
} from './repository.js'

export const SUPERVISION_IMPORT_JOB = 'supervision.import'
const BATCH = 500
type Row = ImportRow<typeof taskImportSpec>

export function taskImportTemplate(ctx: Ctx, locale: Locale): Promise<Buffer> {
  authorize(ctx.actor, 'task.write')
  return buildTemplate(taskImportSpec, locale)
}

export async function startTaskImport(ctx: Ctx, file: { filename: string; bytes: Buffer }): Promise<number> {
  authorize(ctx.actor, 'task.write')
  return ctx.jobs.enqueue(SUPERVISION_IMPORT_JOB, {}, ctx.actor, [
    { role: 'input', filename: file.filename, contentType: 'application/octet-stream', bytes: file.bytes },
  ])
}

export function runTaskImport(run: JobRun<unknown>) {
  authorize(run.actor, 'task.write')
  return runSheetImport(run, taskImportSpec, (job) =>
    applyRows(run.services, run.actor, job.rows, job.report, job.filename, job.checkOnly),
  )
}

/** 和平区教育局 → 和平区; spaces gone. Both sides are normalised so either spelling matches. */
export function unitKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/教育局$/, '')
}

interface UnitIndex {
  find(name: string): { unit?: OrgUnitRow; ambiguous?: boolean }
}

function unitIndex(units: OrgUnitRow[]): UnitIndex {
  const byName = new Map<string, OrgUnitRow[]>()
  const add = (key: string, u: OrgUnitRow) => {
    const list = byName.get(key) ?? []
    if (!list.some((x) => x.id === u.id)) list.push(u)
    byName.set(key, list)
  }
  for (const u of units) add(unitKey(u.name), u)
  // A short name (简称) only where no full name says otherwise.
  const full = new Set(byName.keys())
  for (const u of units) {
    const k = unitKey(u.short_name)
    if (k && !full.has(k)) add(k, u)
  }
  return {
    find(name) {
      const list = byName.get(unitKey(name)) ?? []
      if (list.length === 1) return { unit: list[0] as OrgUnitRow }
      return list.length > 1 ? { ambiguous: true } : {}
    },
  }
}

interface Resolved {
  excelRow: number
  row: Row
  campaign: CampaignListRow
  aspectId: number
  lead: OrgUnitRow
  co: OrgUnitRow[]
}

async function resolveRows(trx: Tx, actor: Actor, rows: { excelRow: number; value: Row }[], report: Report) {
  // Campaigns the importer may file tasks under (visible, live); units in his scope only.
  const campaigns = new Map<string, CampaignListRow[]>()
  for (const c of await listCampaignRows(trx, actor, false))
    campaigns.set(c.name.trim(), [...(campaigns.get(c.name.trim()) ?? []), c])
  const aspects = await listAspects(
    trx,
    [...campaigns.values()].flat().map((c) => c.id),
  )
  const units = unitIndex(await listSubtree(trx, actor.scopePath, false))
  const out: Resolved[] = []
  for (const { excelRow, value: r } of rows) {
    let ok = true
    const found = campaigns.get(r.campaign) ?? []
    const campaign = found.length === 1 ? found[0] : undefined
    if (!campaign) {
      report(
        excelRow,
        'campaign',
        found.length ? 'supervision_import_ambiguous_campaign' : 'supervision_import_unknown_campaign',
        {
          value: r.campaign,
        },
      )
      ok = false
    }
    const aspect = campaign
      ? aspects.find((a) => a.campaign_id === campaign.id && a.name === r.aspect)
      : undefined
    if (campaign && !aspect) {
      report(excelRow, 'aspect', 'supervision_import_unknown_aspect', {
        value: r.aspect,
        campaign: r.campaign,
      })
      ok = false
    }
    const unitOf = (field: string, name: string) => {
      const f = units.find(name)
      if (f.unit) return f.unit
      report(
        excelRow,
        field,
        f.ambiguous ? 'supervision_import_ambiguous_unit' : 'supervision_import_unknown_unit',
        {
          value: name,
        },
      )
      ok = false
      return undefined
    }
    const lead = unitOf('lead', r.lead)
    const co: OrgUnitRow[] = []
    for (const name of r.co) {
      const u = unitOf('co', name)
      if (u && u.id !== lead?.id && !co.some((x) => x.id === u.id)) co.push(u)
    }
    if (ok && campaign && aspect && lead)
      out.push({ excelRow, row: r, campaign, aspectId: aspect.id, lead, co })
  }
  return out
}

const coIds = (units: { org_unit_id: number; role: string }[]) =>
  units.filter((u) => u.role === 'co').map((u) => u.org_unit_id)

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
  const today = todayInChina(services.now())
  const ctx = { actor, now: services.now }
  let created = 0
  let updated = 0
  let unchanged = 0
  return services.db
    .transaction()
    .execute(async (trx) => {
      const resolved = await resolveRows(trx, actor, rows, report)
      let failed = checkOnly || resolved.length !== rows.length
      const campaignIds = [...new Set(resolved.map((r) => r.campaign.id))]
      const existing = new Map<string, TaskRow[]>()
      for (const task of await tasksByCampaignTitle(trx, actor, campaignIds)) {
        const key = `${task.campaign_id}\u0000${task.title}`
        existing.set(key, [...(existing.get(key) ?? []), task])
      }
      const units = new Map<number, { org_unit_id: number; role: string; path: string }[]>()
      for (const u of await unitsOfTasks(
        trx,
        [...existing.values()].flat().map((t) => t.id),
      ))
        units.set(u.task_id, [...(units.get(u.task_id) ?? []), u])

      const fresh: Resolved[] = []
      const changedIds: number[] = []
      for (const r of resolved) {
        const matches = existing.get(`${r.campaign.id}\u0000${r.row.title}`) ?? []
        if (matches.length > 1) {
          report(r.excelRow, 'title', 'supervision_import_ambiguous_task', { value: r.row.title })
          failed = true
          continue
        }
        const old = matches[0]
        if (!old) {
          fresh.push(r)
          continue
        }
        const oldUnits = units.get(old.id) ?? []
        const lead = oldUnits.find((u) => u.role === 'lead')
        if (!lead || !inScope(actor, lead.path)) {
          report(r.excelRow, 'title', 'supervision_import_not_lead', { value: r.row.title })
          failed = true
          continue
        }
        const newCo = r.co.map((u) => u.id)
        const sameUnits = old.lead_unit_id === r.lead.id && coIds(oldUnits).join(',') === newCo.join(',')
        const same =
          sameUnits &&
          old.aspect_id === r.aspectId &&
          (old.leader ?? null) === (r.row.leader ?? null) &&
          old.starts_on === r.row.start &&
          old.deadline === r.row.deadline
        if (same) {
          unchanged++
          continue
        }
        if (old.deadline !== r.row.deadline && old.status !== 'not_started') {
          report(r.excelRow, 'deadline', 'supervision_import_deadline_locked', { deadline: old.deadline })
          failed = true
          continue
        }
        if (failed) continue
        await updateTaskVersioned(trx, old.id, old.version, {
          aspect_id: r.aspectId,
          leader: r.row.leader,
          starts_on: r.row.start,
          deadline: r.row.deadline,
          ...(old.deadline !== r.row.deadline ? { original_deadline: r.row.deadline } : {}),
          lead_unit_id: r.lead.id,
          updated_at: at,
        })
        if (!sameUnits) await replaceTaskUnits(trx, old.id, r.lead.id, newCo)
        const events = [event(ctx, old.id, 'update', today, { source: 'import', file: filename })]
        if (old.deadline !== r.row.deadline)
          events.push(
            event(ctx, old.id, 'deadline', today, { from: old.deadline, to: r.row.deadline, via: 'import' }),
          )
        await insertEvents(trx, events)
        changedIds.push(old.id)
        updated++
      }
      if (failed) throw new RollBack()

      const createdIds: number[] = []
      for (let i = 0; i < fresh.length; i += BATCH) {
        const batch = fresh.slice(i, i + BATCH)
        const ids = await insertTasks(
          trx,
          batch.map((r) => ({
            campaign_id: r.campaign.id,
            aspect_id: r.aspectId,
            parent_id: null,
            title: r.row.title,
            description: '',
            lead_unit_id: r.lead.id,
            leader: r.row.leader,
            starts_on: r.row.start,
            deadline: r.row.deadline,
            original_deadline: r.row.deadline,
            weight: 1,
            status: 'not_started',
            done_on: null,
            progress_bp: 0,
            recurrence: null,
            source: 'import',
            version: 1,
            created_by: actor.id || null,
            created_at: at,
            updated_at: at,
            voided_at: null,
            void_reason: null,
          })),
        )
        const idOf = new Map(ids.map((x) => [`${x.campaign_id}\u0000${x.title}`, x.id]))
        const made = batch.map((r) => ({ r, id: idOf.get(`${r.campaign.id}\u0000${r.row.title}`) as number }))
        await insertTaskUnits(
          trx,
          made.map(({ r, id }) => ({ taskId: id, leadUnitId: r.lead.id, coUnitIds: r.co.map((u) => u.id) })),
        )
        await insertEvents(
          trx,
          made.map(({ r, id }) =>
            event(ctx, id, 'create', today, {
              source: 'import',
              file: filename,
              deadline: r.row.deadline,
              leadUnit: r.lead.name,
            }),
          ),
        )
        createdIds.push(...made.map((m) => m.id))
        created += batch.length
      }
      // One audit row for the whole import, naming every task it created or changed.
      await recordAudit(trx, services, actor, {
        action: 'supervision.import',
        entity: 'supervision_task',
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
  taskId: number,
  action: string,
  on: string,
  detail: Record<string, unknown>,
) {
  return {
    task_id: taskId,
    at: ctx.now().toISOString(),
    on_date: on,
    action,
    actor_id: ctx.actor.id || null,
    actor_name: ctx.actor.displayName,
    detail_json: JSON.stringify(detail),
  }
}

/** Thrown to roll the transaction back after every row was checked and reported. */
class RollBack extends Error {}
