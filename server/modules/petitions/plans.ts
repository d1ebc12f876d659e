/**
 * Resolution plans (化解方案) per category and demand: "同步建立、同步运行、同步落实" means every
 * category with open cases has one; the figures list the categories that do not.
 */
import { sql } from 'kysely'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { checkTaxonomy } from './register-case.js'

type PlanInput = {
  categoryId: number
  demandId?: number | undefined
  title: string
  owner: string
  measures: string
  status: 'draft' | 'running' | 'done'
  dueOn?: string | undefined
}

async function plansQuery(ctx: Ctx, id?: number) {
  let q = ctx.db
    .selectFrom('petition_plans as p')
    .innerJoin('petition_categories as c', 'c.id', 'p.category_id')
    .leftJoin('petition_categories as d', 'd.id', 'p.demand_id')
    .selectAll('p')
    .select([
      'c.name as category',
      'd.name as demand',
      // Open cases the plan covers: its demand, or its whole category.
      sql<number>`(select count(*) from petition_cases pc where pc.closed_on is null and pc.voided_at is null and pc.duplicate_of is null
        and pc.category_id = p.category_id and (p.demand_id is null or pc.demand_id = p.demand_id))`.as(
        'open_cases',
      ),
    ])
    .where('p.voided_at', 'is', null)
  if (id !== undefined) q = q.where('p.id', '=', id)
  const rows = await q.orderBy('c.sort_order').orderBy('p.id').execute()
  return rows.map((r) => ({
    id: r.id,
    categoryId: r.category_id,
    category: r.category,
    demandId: r.demand_id,
    demand: r.demand,
    title: r.title,
    owner: r.owner,
    measures: r.measures,
    status: r.status as PlanInput['status'],
    dueOn: r.due_on,
    openCases: Number(r.open_cases),
    version: r.version,
  }))
}

export async function listPlans(ctx: Ctx) {
  authorize(ctx.actor, 'petition.read')
  return { items: await plansQuery(ctx) }
}

async function checkPlanTaxonomy(ctx: Ctx, categoryId: number, demandId: number | undefined) {
  if (demandId !== undefined) return checkTaxonomy(ctx.db, categoryId, demandId)
  const c = await ctx.db
    .selectFrom('petition_categories')
    .select('parent_id')
    .where('id', '=', categoryId)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  if (!c || c.parent_id !== null)
    throw badRequest('validation', {}, [{ field: 'categoryId', key: 'not_found' }])
}

export async function createPlan(ctx: Ctx, input: PlanInput) {
  authorize(ctx.actor, 'petition.config')
  await checkPlanTaxonomy(ctx, input.categoryId, input.demandId)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx)
    const { id } = await trx
      .insertInto('petition_plans')
      .values({
        category_id: input.categoryId,
        demand_id: input.demandId ?? null,
        title: input.title,
        owner: input.owner,
        measures: input.measures,
        status: input.status,
        due_on: input.dueOn ?? null,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.plan.create',
      entity: 'petition_plan',
      entityId: id,
      before: null,
      after: input,
    })
    return id
  })
  const [plan] = await plansQuery(ctx, id)
  if (!plan) throw notFound()
  return plan
}

export async function updatePlan(
  ctx: Ctx,
  id: number,
  input: Partial<Omit<PlanInput, 'demandId'>> & { version: number; demandId?: number | null | undefined },
) {
  authorize(ctx.actor, 'petition.config')
  const [before] = await plansQuery(ctx, id)
  if (!before) throw notFound()
  if (before.version !== input.version) throw staleVersion(before.version)
  if (input.categoryId !== undefined || input.demandId !== undefined)
    await checkPlanTaxonomy(
      ctx,
      input.categoryId ?? before.categoryId,
      input.demandId ?? before.demandId ?? undefined,
    )
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('petition_plans')
      .set({
        ...(input.categoryId !== undefined ? { category_id: input.categoryId } : {}),
        ...(input.demandId !== undefined ? { demand_id: input.demandId } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.owner !== undefined ? { owner: input.owner } : {}),
        ...(input.measures !== undefined ? { measures: input.measures } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
        version: input.version + 1,
        updated_at: nowIso(ctx),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(input.version + 1)
    const { version: _v, ...after } = input
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.plan.update',
      entity: 'petition_plan',
      entityId: id,
      before,
      after,
    })
  })
  const [plan] = await plansQuery(ctx, id)
  if (!plan) throw notFound()
  return plan
}
