/** The two-level taxonomy (category → demand) that admins and the petition office edit. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import type { PetitionCategoryTable } from './tables.js'

type CategoryRow = Omit<PetitionCategoryTable, 'id'> & { id: number }

export function present(r: CategoryRow) {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    synonyms: JSON.parse(r.synonyms) as string[],
    sortOrder: r.sort_order,
    version: r.version,
    voided: r.voided_at !== null,
  }
}

export function allCategories(db: Tx) {
  return db
    .selectFrom('petition_categories')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('id')
    .execute() as Promise<CategoryRow[]>
}

export async function listCategories(ctx: Ctx) {
  authorize(ctx.actor, 'petition.read')
  return { items: (await allCategories(ctx.db)).map(present) }
}

async function assertNameFree(trx: Tx, parentId: number | null, name: string, exceptId?: number) {
  let q = trx
    .selectFrom('petition_categories')
    .select('id')
    .where('name', '=', name)
    .where('voided_at', 'is', null)
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId)
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) throw conflict('petition_category_taken', { name })
}

export async function createCategory(
  ctx: Ctx,
  input: { parentId?: number | null | undefined; name: string; synonyms: string[]; sortOrder: number },
) {
  authorize(ctx.actor, 'petition.config')
  return ctx.db.transaction().execute(async (trx) => {
    const parentId = input.parentId ?? null
    if (parentId !== null) {
      const parent = await trx
        .selectFrom('petition_categories')
        .selectAll()
        .where('id', '=', parentId)
        .executeTakeFirst()
      if (!parent || parent.voided_at)
        throw badRequest('validation', {}, [{ field: 'parentId', key: 'not_found' }])
      // Two levels only: a demand cannot have demands.
      if (parent.parent_id !== null)
        throw badRequest('validation', {}, [{ field: 'parentId', key: 'petition_category_depth' }])
    }
    await assertNameFree(trx, parentId, input.name)
    const at = nowIso(ctx)
    const { id } = await trx
      .insertInto('petition_categories')
      .values({
        parent_id: parentId,
        name: input.name,
        synonyms: JSON.stringify(input.synonyms),
        sort_order: input.sortOrder,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const row = (await trx
      .selectFrom('petition_categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()) as CategoryRow
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.category.create',
      entity: 'petition_category',
      entityId: id,
      before: null,
      after: present(row),
    })
    return present(row)
  })
}

export async function updateCategory(
  ctx: Ctx,
  id: number,
  input: {
    version: number
    name?: string | undefined
    synonyms?: string[] | undefined
    sortOrder?: number | undefined
  },
) {
  authorize(ctx.actor, 'petition.config')
  return ctx.db.transaction().execute(async (trx) => {
    const row = (await trx
      .selectFrom('petition_categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()) as CategoryRow | undefined
    if (!row) throw notFound()
    if (row.version !== input.version) throw staleVersion(row.version)
    if (input.name !== undefined && input.name !== row.name)
      await assertNameFree(trx, row.parent_id, input.name, id)
    const r = await trx
      .updateTable('petition_categories')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.synonyms !== undefined ? { synonyms: JSON.stringify(input.synonyms) } : {}),
        ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
        version: row.version + 1,
        updated_at: nowIso(ctx),
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(row.version + 1)
    const after = (await trx
      .selectFrom('petition_categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()) as CategoryRow
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.category.update',
      entity: 'petition_category',
      entityId: id,
      before: present(row),
      after: present(after),
    })
    return present(after)
  })
}

export async function voidCategory(ctx: Ctx, id: number, version: number, reason: string) {
  authorize(ctx.actor, 'petition.config')
  return ctx.db.transaction().execute(async (trx) => {
    const row = (await trx
      .selectFrom('petition_categories')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()) as CategoryRow | undefined
    if (!row || row.voided_at) throw notFound()
    if (row.version !== version) throw staleVersion(row.version)
    // Cases keep their category for history; a category still used by open cases stays.
    const open = await trx
      .selectFrom('petition_cases')
      .select('id')
      .where((eb) => eb.or([eb('category_id', '=', id), eb('demand_id', '=', id)]))
      .where('closed_on', 'is', null)
      .where('voided_at', 'is', null)
      .executeTakeFirst()
    if (open) throw conflict('petition_category_in_use', { name: row.name })
    const at = nowIso(ctx)
    await trx
      .updateTable('petition_categories')
      .set({ voided_at: at, void_reason: reason, version: row.version + 1, updated_at: at })
      .where((eb) => eb.or([eb('id', '=', id), eb('parent_id', '=', id)]))
      .where('voided_at', 'is', null)
      .execute()
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.category.void',
      entity: 'petition_category',
      entityId: id,
      before: present(row),
      after: { reason },
    })
  })
}

/** The default taxonomy for a new bureau: the common groups of education petitions. */
export const DEFAULT_TAXONOMY: readonly { name: string; synonyms?: string[]; demands: readonly string[] }[] =
  [
    { name: '师德师风类', demands: ['体罚学生', '有偿补课', '违规收受礼品'] },
    { name: '人事编制类', demands: ['编制调整', '教师岗位设置', '招聘考试'] },
    { name: '职称评聘类', demands: ['乡村教师职称评定', '职称聘任'] },
    { name: '招生入学类', demands: ['义务教育入学', '随迁子女入学', '中考招生'] },
    { name: '民办教育类', demands: ['办学资质', '退费纠纷'] },
    { name: '学校管理类', demands: ['收费问题', '食堂管理', '校园安全'] },
    { name: '教师待遇类', demands: ['非公办教师补助', '社会保险缴纳', '工资待遇落实'] },
  ]

/** Seeds the default taxonomy once (an empty table only). */
export async function seedTaxonomy(trx: Tx, at: string): Promise<void> {
  const any = await trx.selectFrom('petition_categories').select('id').limit(1).executeTakeFirst()
  if (any) return
  for (const [ci, c] of DEFAULT_TAXONOMY.entries()) {
    const { id } = await trx
      .insertInto('petition_categories')
      .values({
        parent_id: null,
        name: c.name,
        synonyms: JSON.stringify(c.synonyms ?? []),
        sort_order: (ci + 1) * 10,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [di, name] of c.demands.entries()) {
      await trx
        .insertInto('petition_categories')
        .values({
          parent_id: id,
          name,
          synonyms: '[]',
          sort_order: (di + 1) * 10,
          version: 1,
          created_at: at,
          updated_at: at,
          voided_at: null,
          void_reason: null,
        })
        .execute()
    }
  }
}
