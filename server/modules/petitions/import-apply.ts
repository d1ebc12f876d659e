/**
 * Writes checked import rows, batch by batch as the file is read, inside the import's one
 * transaction: new case numbers are inserted, known ones updated only when the row changed (a
 * keyed digest of the row says so), the rest left alone.
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
// the next batch is read and prepared while the server runs it; insertMany cuts SQLite's to its
// limits. Measured on the 100,000-row ledger: 250 to 5,000 made no difference to peak memory
// (what is held is one batch), and smaller batches cost PostgreSQL round trips.
export const IMPORT_BATCH = 2_000

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
  const rows = await trx
    .selectFrom('petition_cases')
    .select(['id', 'case_no', 'version', 'import_hash'])
    .where('case_no', 'in', caseNos)
    .execute()
  for (const r of rows) map.set(r.case_no, r)
  return map
}

export interface ImportOutcome {
  created: number
  updated: number
  unchanged: number
}

/**
 * A writer for one import inside `trx`: `write` each batch as it is checked, then `finish`. One
 * batch's insert stays in flight while the next is read and prepared (on PostgreSQL the server
 * inserts meanwhile); a failure surfaces at the next call.
 */
export async function importWriter(run: JobRun<unknown>, trx: Tx, filename: string) {
  const { services, actor } = run
  const at = services.now().toISOString()
  const cal = await workCalendar(trx)
  const outcome: ImportOutcome = { created: 0, updated: 0, unchanged: 0 }
  let inFlight: Promise<void> = Promise.resolve()

  async function write(rows: Resolved[]): Promise<void> {
    await inFlight
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
        outcome.unchanged++
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
      outcome.updated++
    }
    await insertMany(trx, services.dialect, 'petition_events', updates)
    if (fresh.length === 0) return
    const ids = await reserveIds(trx, services.dialect, 'petition_cases', fresh.length)
    const idAt = (k: number) => ids[k] ?? 0
    const insert = insertTogether(trx, services.dialect, [
      {
        table: 'petition_cases',
        rows: fresh.map(({ r, hash }, k) => ({
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
        rows: fresh.map(({ r }, k) => sealPerson(services.personal, idAt(k), 1, 'petitioner', r.person)),
      },
      {
        table: 'petition_events',
        rows: fresh.map(({ r }, k) => ({
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
    insert.catch(() => {}) // awaited by the next call; this only keeps a failure from going unhandled meanwhile
    inFlight = insert
    outcome.created += fresh.length
  }

  return {
    write,
    /** Waits for the last insert; the counts of the whole import. */
    async finish(): Promise<ImportOutcome> {
      await inFlight
      return outcome
    },
  }
}
