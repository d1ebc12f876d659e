/** Special campaigns (大起底、大化解、大清仓): a cut-off for stock/new, tagged cases, a board. */
import { sql } from 'kysely'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, notFound } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { todayInChina } from './derive.js'
import { visibleTo } from './repository.js'

export async function listCampaigns(ctx: Ctx) {
  authorize(ctx.actor, 'petition.read')
  const rows = await ctx.db
    .selectFrom('petition_campaigns as c')
    .leftJoin('petition_campaign_cases as pcc', 'pcc.campaign_id', 'c.id')
    .select([
      'c.id',
      'c.name',
      'c.cutoff_on',
      'c.ends_on',
      'c.goal',
      'c.version',
      sql<number>`count(pcc.case_id)`.as('cases'),
    ])
    .where('c.voided_at', 'is', null)
    .groupBy(['c.id', 'c.name', 'c.cutoff_on', 'c.ends_on', 'c.goal', 'c.version'])
    .orderBy('c.cutoff_on', 'desc')
    .execute()
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      cutoffOn: r.cutoff_on,
      endsOn: r.ends_on,
      goal: r.goal,
      cases: Number(r.cases),
      version: r.version,
    })),
  }
}

export async function createCampaign(
  ctx: Ctx,
  input: { name: string; cutoffOn: string; endsOn?: string | undefined; goal: string },
) {
  authorize(ctx.actor, 'petition.config')
  if (input.endsOn && input.endsOn < input.cutoffOn)
    throw badRequest('validation', {}, [
      { field: 'endsOn', key: 'date_before_previous', params: { last: input.cutoffOn } },
    ])
  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx)
    const { id } = await trx
      .insertInto('petition_campaigns')
      .values({
        name: input.name,
        cutoff_on: input.cutoffOn,
        ends_on: input.endsOn ?? null,
        goal: input.goal,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.campaign.create',
      entity: 'petition_campaign',
      entityId: id,
      before: null,
      after: input,
    })
    return id
  })
  const { items } = await listCampaigns(ctx)
  const made = items.find((c) => c.id === id)
  if (!made) throw notFound()
  return made
}

/** Tags visible cases with the campaign; tagging twice is harmless. */
export async function tagCases(ctx: Ctx, campaignId: number, caseIds: number[]) {
  authorize(ctx.actor, 'petition.write')
  return ctx.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('petition_campaigns')
      .select('id')
      .where('id', '=', campaignId)
      .where('voided_at', 'is', null)
      .executeTakeFirst()
    if (!c) throw notFound()
    const visible = await trx
      .selectFrom('petition_cases')
      .select('id')
      .where('id', 'in', caseIds)
      .where(visibleTo(ctx.actor))
      .execute()
    if (visible.length !== new Set(caseIds).size)
      throw badRequest('validation', {}, [{ field: 'caseIds', key: 'not_found' }])
    const at = nowIso(ctx)
    await trx
      .insertInto('petition_campaign_cases')
      .values(visible.map((v) => ({ campaign_id: campaignId, case_id: v.id, tagged_at: at })))
      .onConflict((oc) => oc.columns(['campaign_id', 'case_id']).doNothing())
      .execute()
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.campaign.tag',
      entity: 'petition_campaign',
      entityId: campaignId,
      before: null,
      after: { cases: visible.length },
    })
    return { tagged: visible.length }
  })
}

/** The campaign board: tagged cases by responsible unit and by responsible leader. */
export async function campaignBoard(ctx: Ctx, campaignId: number) {
  authorize(ctx.actor, 'petition.read')
  const today = todayInChina(ctx.now())
  const base = ctx.db
    .selectFrom('petition_cases')
    .innerJoin('petition_campaign_cases as pcc', 'pcc.case_id', 'petition_cases.id')
    .where('pcc.campaign_id', '=', campaignId)
    .where(visibleTo(ctx.actor))
    .where('petition_cases.voided_at', 'is', null)
  const counts = [
    sql<number>`count(*)`.as('total'),
    sql<number>`sum(case when petition_cases.closed_on is null then 1 else 0 end)`.as('open'),
    sql<number>`sum(case when petition_cases.current_due < ${today} then 1 else 0 end)`.as('overdue'),
  ] as const
  const byUnit = await base
    .innerJoin('org_units as u', 'u.id', 'petition_cases.responsible_unit_id')
    .select(['u.id as key', 'u.short_name as label', ...counts])
    .groupBy(['u.id', 'u.short_name'])
    .orderBy('total', 'desc')
    .execute()
  const byLeader = await base
    .select([sql<string>`coalesce(petition_cases.responsible_leader, '')`.as('key'), ...counts])
    .groupBy(sql`coalesce(petition_cases.responsible_leader, '')`)
    .orderBy('total', 'desc')
    .execute()
  const shape = (
    r: { key: string | number; total: unknown; open: unknown; overdue: unknown },
    label: string,
  ) => ({
    key: String(r.key),
    label,
    total: Number(r.total),
    open: Number(r.open ?? 0),
    overdue: Number(r.overdue ?? 0),
  })
  return {
    byUnit: byUnit.map((r) => shape(r, r.label)),
    byLeader: byLeader.map((r) => shape(r, r.key || '（未指定）')),
  }
}
