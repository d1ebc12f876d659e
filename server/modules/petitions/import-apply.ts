/**
 * Writes checked import rows in one transaction: new case numbers are inserted in batches, known
 * ones updated only when the row changed (a keyed digest of the row says so), the rest left alone.
 */
import type { Status } from '../../../domain/petitions/lifecycle.js'
import type { Tx } from '../../context.js'
import { insertMany, insertTogether, reserveIds } from '../../db/dialect.js'
import type { JobRun } from '../../jobs/queue.js'
import { workCalendar } from '../calendar/work-calendar.js'
import { derived } from './derive.js'
import type { Resolved } from './import-resolve.js'
import { sealPerson } from './people.js'
import type { CaseRow } from './repository.js'
import { tokenize } from './tokens.js'

export type { Resolved }

// Cases per batch. On PostgreSQL a batch (cases, their people, their events) is one statement, and
// the next batch is prepared while the server runs it; insertMany cuts SQLite's to its limits.
const BATCH = 5_000

function digest(run: JobRun<unknown>, r: Resolved): string {
  const { excelRow: _row, orgUnit, responsible, ...rest } = r
  return run.services.personal.lookupHash(
    JSON.stringify({ ...rest, orgUnit: orgUnit.id, responsible: responsible.id }),
  )
}

function caseFields(r: Resolved, cal: Awaited<ReturnType<typeof workCalendar>>) {
  const replied = r.status === 'replied' ? r.closedOn : null
  const dates = {
    received_on: r.receivedOn,
    forwarded_on: null,
    accepted_on: r.acceptedOn,
    extension_days: 0,
    replied_on: replied,
    review_requested_on: null,
    review_decided_on: null,
    rereview_requested_on: null,
    rereview_decided_on: null,
  }
  return {
    channel: r.channel,
    kind: r.kind,
    group_size: r.groupSize,
    category_id: r.categoryId,
    demand_id: r.demandId,
    summary: r.summary,
    tokens: tokenize(`${r.demandName} ${r.summary}`).join(' '),
    org_unit_id: r.orgUnit.id,
    county_id: r.countyId,
    level: r.level,
    responsible_unit_id: r.responsible.id,
    scope_path: r.responsible.path,
    responsible_leader: r.leader,
    region_leader: r.regionLeader,
    accused_unit_id: r.kind === 'accusation' ? r.orgUnit.id : null,
    accused_path: r.kind === 'accusation' ? r.orgUnit.path : null,
    petitioner_mask: r.petitionerMask,
    people_count: 1,
    status: r.status,
    ...dates,
    outcome: null,
    closed_on: r.closedOn,
    ...derived(cal, r.status as Status, dates),
  } satisfies Partial<CaseRow>
}

async function existingByNo(trx: Tx, caseNos: string[]) {
  const map = new Map<string, { id: number; version: number; import_hash: string | null }>()
  for (let i = 0; i < caseNos.length; i += BATCH) {
    const rows = await trx
      .selectFrom('petition_cases')
      .select(['id', 'case_no', 'version', 'import_hash'])
      .where('case_no', 'in', caseNos.slice(i, i + BATCH))
      .execute()
    for (const r of rows) map.set(r.case_no, r)
  }
  return map
}

export async function applyImport(run: JobRun<unknown>, rows: Resolved[], filename: string) {
  const { services, actor } = run
  const at = services.now().toISOString()
  let created = 0
  let updated = 0
  let unchanged = 0
  await services.db.transaction().execute(async (trx) => {
    const cal = await workCalendar(trx)
    const existing = await existingByNo(
      trx,
      rows.map((r) => r.caseNo),
    )
    const fresh: { r: Resolved; hash: string }[] = []
    const updates: Record<string, unknown>[] = []
    for (const r of rows) {
      const hash = digest(run, r)
      const old = existing.get(r.caseNo)
      if (!old) {
        fresh.push({ r, hash })
        continue
      }
      if (old.import_hash === hash) {
        unchanged++
        continue
      }
      await trx
        .updateTable('petition_cases')
        .set({ ...caseFields(r, cal), import_hash: hash, version: old.version + 1, updated_at: at })
        .where('id', '=', old.id)
        .execute()
      const sealed = sealPerson(services.personal, old.id, 1, 'petitioner', r.person)
      await trx
        .updateTable('petition_people')
        .set(sealed)
        .where('case_id', '=', old.id)
        .where('seq', '=', 1)
        .execute()
      // The timeline says so (and the figures, which follow the timeline, see the change).
      updates.push({
        case_id: old.id,
        at,
        on_date: r.receivedOn,
        action: 'import_update',
        actor_id: actor.id || null,
        actor_name: actor.displayName,
        detail_json: JSON.stringify({ row: r.excelRow, file: filename }),
      })
      updated++
    }
    for (let i = 0; i < updates.length; i += BATCH)
      await insertMany(trx, run.services.dialect, 'petition_events', updates.slice(i, i + BATCH))
    const ids = await reserveIds(trx, run.services.dialect, 'petition_cases', fresh.length)
    // One batch in flight while the next is prepared (encryption, tokens, deadlines): on
    // PostgreSQL the server inserts while this process computes. A failure surfaces at its await.
    const pending: Promise<void>[] = []
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH)
      const idAt = (k: number) => ids[i + k] ?? 0
      const write = insertTogether(trx, run.services.dialect, [
        {
          table: 'petition_cases',
          rows: batch.map(({ r, hash }, k) => ({
            id: idAt(k),
            case_no: r.caseNo,
            ...caseFields(r, cal),
            forwarded_to_unit_id: null,
            accused_user_id: null,
            satisfaction: null,
            visited_on: null,
            duplicate_of: null,
            source: 'import',
            import_hash: hash,
            personal_erased_at: null,
            version: 1,
            created_by: actor.id || null,
            created_at: at,
            updated_at: at,
            voided_at: null,
            void_reason: null,
          })),
        },
        {
          table: 'petition_people',
          rows: batch.map(({ r }, k) => sealPerson(services.personal, idAt(k), 1, 'petitioner', r.person)),
        },
        {
          table: 'petition_events',
          rows: batch.map(({ r }, k) => ({
            case_id: idAt(k),
            at,
            on_date: r.receivedOn,
            action: 'import',
            actor_id: actor.id || null,
            actor_name: actor.displayName,
            detail_json: JSON.stringify({ row: r.excelRow, file: filename }),
          })),
        },
      ])
      write.catch(() => {}) // awaited below; this only keeps a failure from going unhandled meanwhile
      pending.push(write)
      const previous = pending[pending.length - 2]
      if (previous) await previous
      created += batch.length
    }
    await Promise.all(pending)
  })
  return { created, updated, unchanged }
}
