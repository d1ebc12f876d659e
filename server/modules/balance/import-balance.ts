/**
 * Imports of balance data as jobs, all or nothing (server/spreadsheet/import-job.ts): the school
 * resource sheet and the kindergarten enrolment sheet. Units are found by code or name within the
 * importer's scope; the key is unit + year, so a row already stored is updated when a number
 * differs and left alone otherwise (importing the same file twice changes nothing). Any error
 * (unknown unit, a stage the school does not teach, more qualified teachers than teachers, a
 * future year …) is reported on its row and column, and nothing is written.
 */
import { recordAudit } from '../../audit/record.js'
import type { Actor, Ctx, Services, Tx } from '../../context.js'
import type { Locale } from '../../http/i18n.js'
import type { JobRun } from '../../jobs/queue.js'
import { authorize } from '../../policies/authorize.js'
import { type Report, runSheetImport } from '../../spreadsheet/import-job.js'
import { buildTemplate } from '../../spreadsheet/template.js'
import { unitKey } from '../supervision/import-tasks.js'
import { stageOf, thisYear } from './access.js'
import { columnsOf, RESOURCE_FIELDS, valuesOfRow } from './fields.js'
import {
  type EnrolmentImportRow,
  enrolmentImportSpec,
  type ResourceImportRow,
  resourceImportSpec,
} from './import-spec.js'
import { enrolmentsByKeys, insertEnrolments, updateEnrolmentVersioned } from './kindergarten-repository.js'
import { insertResources, resourcesByKeys, unitsOfKind, updateResourceVersioned } from './repository.js'
import { checkResourceValues } from './resources.js'

export const RESOURCE_IMPORT_JOB = 'balance.import.resources'
export const ENROLMENT_IMPORT_JOB = 'balance.import.kindergartens'

type Unit = Awaited<ReturnType<typeof unitsOfKind>>[number]

/** Units by 10-digit code, full name or (where no full name says otherwise) short name. */
function unitFinder(units: readonly Unit[]) {
  const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code, u]))
  const byName = new Map<string, Unit[]>()
  const add = (k: string, u: Unit) =>
    byName.set(k, [...(byName.get(k) ?? []).filter((x) => x.id !== u.id), u])
  for (const u of units) add(unitKey(u.name), u)
  const full = new Set(byName.keys())
  for (const u of units) if (u.short_name && !full.has(unitKey(u.short_name))) add(unitKey(u.short_name), u)
  return (text: string): { unit?: Unit; ambiguous?: boolean } => {
    const code = byCode.get(text.trim())
    if (code) return { unit: code }
    const list = byName.get(unitKey(text)) ?? []
    return list.length === 1 ? { unit: list[0] } : { ambiguous: list.length > 1 }
  }
}

export function resourceTemplate(ctx: Ctx, locale: Locale) {
  authorize(ctx.actor, 'balance.write')
  return buildTemplate(resourceImportSpec, locale)
}
export function enrolmentTemplate(ctx: Ctx, locale: Locale) {
  authorize(ctx.actor, 'balance.write')
  return buildTemplate(enrolmentImportSpec, locale)
}

export function startImport(
  ctx: Ctx,
  kind: 'resources' | 'kindergartens',
  file: { filename: string; bytes: Buffer },
) {
  authorize(ctx.actor, 'balance.write')
  return ctx.jobs.enqueue(kind === 'resources' ? RESOURCE_IMPORT_JOB : ENROLMENT_IMPORT_JOB, {}, ctx.actor, [
    { role: 'input', filename: file.filename, contentType: 'application/octet-stream', bytes: file.bytes },
  ])
}

/** Thrown to roll the transaction back after every row was checked and reported. */
class RollBack extends Error {}

async function inTransaction<T extends object>(services: Services, fn: (trx: Tx) => Promise<T | null>) {
  return services.db
    .transaction()
    .execute(async (trx) => {
      const r = await fn(trx)
      if (!r) throw new RollBack()
      return r
    })
    .catch((e: unknown) => {
      if (e instanceof RollBack) return null
      throw e
    })
}

export function runResourceImport(run: JobRun<unknown>) {
  authorize(run.actor, 'balance.write')
  return runSheetImport(run, resourceImportSpec, (job) =>
    inTransaction(run.services, (trx) =>
      applyResources(trx, run.services, run.actor, job.rows, job.report, job.filename, job.checkOnly),
    ),
  )
}

async function applyResources(
  trx: Tx,
  services: Services,
  actor: Actor,
  rows: { excelRow: number; value: ResourceImportRow }[],
  report: Report,
  filename: string,
  checkOnly: boolean,
) {
  const find = unitFinder(await unitsOfKind(trx, actor.scopePath, 'school'))
  const maxYear = thisYear(services.now)
  let failed = checkOnly
  const ok: { excelRow: number; row: ResourceImportRow; unit: Unit }[] = []
  for (const { excelRow, value: r } of rows) {
    const f = find(r.unit)
    if (!f.unit) {
      report(
        excelRow,
        'unit',
        f.ambiguous ? 'balance_import_ambiguous_unit' : 'balance_import_unknown_unit',
        { value: r.unit },
      )
      failed = true
      continue
    }
    let bad = false
    if (r.year > maxYear) {
      report(excelRow, 'year', 'balance_year_future', { max: maxYear })
      bad = true
    }
    if (!f.unit.stage) {
      report(excelRow, 'unit', 'balance_school_without_stage')
      bad = true
    }
    for (const p of checkResourceValues(stageOf(f.unit.stage), r.values)) {
      report(excelRow, p.field, p.key, p.params)
      bad = true
    }
    if (bad) failed = true
    else ok.push({ excelRow, row: r, unit: f.unit })
  }
  if (failed) return null
  const at = services.now().toISOString()
  let created = 0
  let updated = 0
  let unchanged = 0
  const fresh = []
  for (const year of new Set(ok.map((x) => x.row.year))) {
    const batch = ok.filter((x) => x.row.year === year)
    const existing = new Map(
      (
        await resourcesByKeys(
          trx,
          batch.map((x) => x.unit.id),
          year,
        )
      ).map((r) => [r.school_id, r]),
    )
    for (const { row, unit } of batch) {
      const old = existing.get(unit.id)
      const cols = columnsOf(row.values)
      if (!old) {
        fresh.push({
          school_id: unit.id,
          year,
          ...cols,
          exclusion: row.exclusion,
          note: row.note ?? '',
          source: 'import',
          version: 1,
          created_by: actor.id || null,
          created_at: at,
          updated_at: at,
          voided_at: null,
          void_reason: null,
        })
        continue
      }
      const oldValues = valuesOfRow(old)
      const same =
        RESOURCE_FIELDS.every((f) => oldValues[f.field] === row.values[f.field]) &&
        old.exclusion === row.exclusion &&
        (row.note === null || row.note === old.note)
      if (same) {
        unchanged++
        continue
      }
      await updateResourceVersioned(trx, old.id, old.version, {
        ...cols,
        exclusion: row.exclusion,
        ...(row.note !== null ? { note: row.note } : {}),
        updated_at: at,
      })
      updated++
    }
  }
  await insertResources(trx, services.dialect, fresh)
  created = fresh.length
  await recordAudit(trx, services, actor, {
    action: 'balance.resource.import',
    entity: 'balance_school_resource',
    entityId: null,
    before: null,
    after: { file: filename, created, updated, unchanged },
  })
  return { created, updated, unchanged }
}

export function runEnrolmentImport(run: JobRun<unknown>) {
  authorize(run.actor, 'balance.write')
  return runSheetImport(run, enrolmentImportSpec, (job) =>
    inTransaction(run.services, (trx) =>
      applyEnrolments(trx, run.services, run.actor, job.rows, job.report, job.filename, job.checkOnly),
    ),
  )
}

async function applyEnrolments(
  trx: Tx,
  services: Services,
  actor: Actor,
  rows: { excelRow: number; value: EnrolmentImportRow }[],
  report: Report,
  filename: string,
  checkOnly: boolean,
) {
  const find = unitFinder(await unitsOfKind(trx, actor.scopePath, 'kindergarten'))
  const maxYear = thisYear(services.now)
  let failed = checkOnly
  const ok: { row: EnrolmentImportRow; unit: Unit }[] = []
  for (const { excelRow, value: r } of rows) {
    const f = find(r.unit)
    if (!f.unit) {
      report(
        excelRow,
        'unit',
        f.ambiguous ? 'balance_import_ambiguous_unit' : 'balance_import_unknown_unit',
        { value: r.unit },
      )
      failed = true
    } else if (r.year > maxYear) {
      report(excelRow, 'year', 'balance_year_future', { max: maxYear })
      failed = true
    } else ok.push({ row: r, unit: f.unit })
  }
  if (failed) return null
  const at = services.now().toISOString()
  let updated = 0
  let unchanged = 0
  const fresh = []
  const existing = new Map<string, Awaited<ReturnType<typeof enrolmentsByKeys>>[number]>()
  for (const year of new Set(ok.map((x) => x.row.year)))
    for (const e of await enrolmentsByKeys(
      trx,
      ok.filter((x) => x.row.year === year).map((x) => x.unit.id),
      year,
    ))
      existing.set(`${e.kindergarten_id}:${year}`, e)
  for (const { row, unit } of ok) {
    const old = existing.get(`${unit.id}:${row.year}`)
    if (!old) {
      fresh.push({
        kindergarten_id: unit.id,
        year: row.year,
        children: row.children,
        new_inclusive_places: row.newInclusivePlaces,
        note: row.note ?? '',
        source: 'import',
        version: 1,
        created_by: actor.id || null,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })
    } else if (
      old.children === row.children &&
      old.new_inclusive_places === row.newInclusivePlaces &&
      (row.note === null || row.note === old.note)
    ) {
      unchanged++
    } else {
      await updateEnrolmentVersioned(trx, old.id, old.version, {
        children: row.children,
        new_inclusive_places: row.newInclusivePlaces,
        ...(row.note !== null ? { note: row.note } : {}),
        updated_at: at,
      })
      updated++
    }
  }
  await insertEnrolments(trx, services.dialect, fresh)
  await recordAudit(trx, services, actor, {
    action: 'balance.enrolment.import',
    entity: 'balance_kindergarten_enrolment',
    entityId: null,
    before: null,
    after: { file: filename, created: fresh.length, updated, unchanged },
  })
  return { created: fresh.length, updated, unchanged }
}
