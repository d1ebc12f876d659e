/** Reading the ledger: a filtered page, one case (masked, or in full for those allowed: audited). */
import { addDays } from '../../../domain/calendar/calendar.js'
import { recordAudit } from '../../audit/record.js'
import type { Ctx } from '../../context.js'
import { notFound } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { workCalendar } from '../calendar/work-calendar.js'
import { todayInChina } from './derive.js'
import { presentPersonFull, presentPersonMasked } from './people.js'
import { presentDetail, presentSummary } from './present.js'
import {
  type CaseFilter,
  campaignsOfCase,
  findCaseWithNames,
  listCases,
  listEvents,
  listPeople,
  visibleTo,
} from './repository.js'
import type { CaseDetail, ListCasesQuery } from './schema.js'
import { loadSettings } from './settings.js'

export function toFilter(q: ListCasesQuery, today: string, dueSoonDays: number): CaseFilter {
  const soon = addDays(today, dueSoonDays)
  return {
    q: q.q,
    status: q.status,
    open: q.open === undefined ? undefined : q.open === 'true',
    overdueBefore: q.dueState === 'overdue' ? today : undefined,
    dueBetween: q.dueState === 'due_soon' ? [today, soon] : undefined,
    categoryId: q.categoryId,
    demandId: q.demandId,
    countyId: q.countyId,
    campaignId: q.campaignId,
    receivedFrom: q.receivedFrom,
    receivedTo: q.receivedTo,
    includeVoided: q.includeVoided === 'true',
  }
}

export async function listPetitionCases(ctx: Ctx, q: ListCasesQuery) {
  authorize(ctx.actor, 'petition.read')
  const settings = await loadSettings(ctx.db)
  const today = todayInChina(ctx.now())
  const { items, total } = await listCases(
    ctx.db,
    ctx.dialect,
    ctx.actor,
    toFilter(q, today, settings.dueSoonDays),
    {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
      orderBy: q.dueState ? 'due' : 'received',
    },
  )
  return { items: items.map((r) => presentSummary(r, today, settings.dueSoonDays)), total }
}

/** A case the actor may see, or 404 (out of scope and accusations against him look alike). */
export async function loadVisibleCase(ctx: Ctx, id: number) {
  const visible = await ctx.db
    .selectFrom('petition_cases')
    .select('id')
    .where('id', '=', id)
    .where(visibleTo(ctx.actor))
    .executeTakeFirst()
  if (!visible) throw notFound()
  const row = await findCaseWithNames(ctx.db, id)
  if (!row) throw notFound()
  return row
}

export async function getPetitionCase(ctx: Ctx, id: number, full = false): Promise<CaseDetail> {
  authorize(ctx.actor, 'petition.read')
  const row = await loadVisibleCase(ctx, id)
  const canSeePersonal = hasPermission(ctx.actor.role, 'petition.personal')
  const open = full && canSeePersonal && row.personal_erased_at === null
  const people = await listPeople(ctx.db, id)
  if (open) {
    // Every full view is on the record: who looked at whose data, and when.
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, ctx.actor, {
        action: 'petition.reveal',
        entity: 'petition_case',
        entityId: id,
        before: null,
        after: { caseNo: row.case_no, people: people.length },
      }),
    )
  }
  const org = await ctx.db
    .selectFrom('org_units')
    .select('name')
    .where('id', '=', row.org_unit_id)
    .executeTakeFirst()
  const events = await listEvents(ctx.db, id)
  const settings = await loadSettings(ctx.db)
  const cal = await workCalendar(ctx.db)
  return presentDetail(
    { ...row, org_unit_name: org?.name ?? '' },
    {
      people: people.map((p) => (open ? presentPersonFull(ctx.personal, p) : presentPersonMasked(p))),
      peopleMasked: !open,
      canSeePersonal,
      events: events.map((e) => ({
        id: e.id,
        at: e.at,
        on: e.on_date,
        action: e.action,
        actor: e.actor_name,
        detail: JSON.parse(e.detail_json) as Record<string, unknown>,
      })),
      campaigns: await campaignsOfCase(ctx.db, id),
      duplicateOfCaseNo: row.duplicate_of
        ? ((
            await ctx.db
              .selectFrom('petition_cases')
              .select('case_no')
              .where('id', '=', row.duplicate_of)
              .executeTakeFirst()
          )?.case_no ?? null)
        : null,
    },
    cal,
    todayInChina(ctx.now()),
    settings.dueSoonDays,
  )
}
