/**
 * Ledger definitions (stats.config): create, change and void; read by everyone with stats.read.
 * A change is a new version (the whole definition is kept in `stats_ledger_versions`); a column
 * keeps its slot for life, may be relabelled, and may not be retyped once it holds data.
 */
import { assignSlots, FAMILY_OF, type StoredColumn } from '../../../domain/statistics/columns.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, type FieldError, staleVersion } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { findById } from '../org/repository.js'
import { loadLedger, loadLedgerById } from './access.js'
import { checkDefinition, type Ledger, type LedgerRecord, presentDefinition, toLedger } from './definition.js'
import {
  insertLedger,
  insertLedgerVersion,
  ledgerByKey,
  listLedgerRecords,
  slotInUse,
  updateLedgerVersioned,
} from './repository.js'
import type { CreateDefinitionInput, DefinitionView, UpdateDefinitionInput } from './schema.js'

type Fields = Omit<CreateDefinitionInput, 'key'>

async function checkOwner(db: Tx, ctx: Ctx, fields: Fields, problems: FieldError[]) {
  if (fields.ownerUnitId === null) return
  const u = await findById(db, fields.ownerUnitId)
  if (!u || u.voided_at !== null || !inScope(ctx.actor, u.path))
    problems.push({
      field: 'ownerUnitId',
      key: 'stats_org_out_of_scope',
      params: { value: fields.ownerUnitId },
    })
}

function recordOf(fields: Fields, columns: StoredColumn[]) {
  return {
    name_zh: fields.nameZh,
    name_en: fields.nameEn,
    description: fields.description,
    owner_unit_id: fields.ownerUnitId,
    submitter_kinds_json: JSON.stringify(fields.submitterKinds),
    submitter_units_json: JSON.stringify(fields.submitterUnitIds),
    period_kind: fields.periodKind,
    period_column: fields.periodColumn,
    org_column: fields.orgColumn,
    key_columns_json: JSON.stringify(fields.keyColumns),
    columns_json: JSON.stringify(columns),
    due_days: fields.dueDays,
  }
}

async function keepVersion(trx: Tx, ctx: Ctx, id: number) {
  const l = await loadLedgerById(trx, id)
  await insertLedgerVersion(trx, {
    ledger_id: id,
    version: l.version,
    definition_json: JSON.stringify(presentDefinition(l)),
    changed_at: nowIso(ctx),
    changed_by: ctx.actor.displayName,
  })
}

export async function listDefinitions(
  ctx: Ctx,
  includeVoided: boolean,
): Promise<{ items: DefinitionView[] }> {
  authorize(ctx.actor, 'stats.read')
  return {
    items: (await listLedgerRecords(ctx.db, includeVoided)).map((r) => presentDefinition(toLedger(r))),
  }
}

export async function getDefinition(ctx: Ctx, key: string): Promise<DefinitionView> {
  authorize(ctx.actor, 'stats.read')
  return presentDefinition(await loadLedger(ctx.db, key, { allowVoided: true }))
}

export async function createDefinition(ctx: Ctx, input: CreateDefinitionInput): Promise<DefinitionView> {
  authorize(ctx.actor, 'stats.config')
  const { key, ...fields } = input
  await ctx.db.transaction().execute(async (trx) => {
    if (await ledgerByKey(trx, key)) throw conflict('stats_key_taken_ledger', { key })
    const problems = checkDefinition(fields)
    const { columns, problems: slotProblems } = assignSlots(fields.columns)
    problems.push(...slotProblems)
    await checkOwner(trx, ctx, fields, problems)
    if (problems.length) throw badRequest('validation', {}, problems)
    const at = nowIso(ctx)
    const row: Omit<LedgerRecord, 'id'> = {
      key,
      ...recordOf(fields, columns),
      builtin: 0,
      data_changed_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    }
    const id = await insertLedger(trx, row)
    await keepVersion(trx, ctx, id)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'stats.definition.create',
      entity: 'stats_ledger',
      entityId: id,
      before: null,
      after: input,
    })
  })
  return getDefinition(ctx, key)
}

/** Retyping a column that holds data would misread it: refused with the column named. */
async function checkRetypes(trx: Tx, ledger: Ledger, next: StoredColumn[], problems: FieldError[]) {
  for (const [i, c] of next.entries()) {
    const old = ledger.allColumns.find((o) => o.key === c.key)
    if (!old || old.type === c.type || FAMILY_OF[old.type] !== FAMILY_OF[c.type]) continue
    if (await slotInUse(trx, ledger.id, old.slot))
      problems.push({
        field: `columns.${i}.type`,
        key: 'stats_column_retype',
        params: { column: c.labelZh, from: old.type, to: c.type },
      })
  }
}

export async function updateDefinition(
  ctx: Ctx,
  key: string,
  input: UpdateDefinitionInput,
): Promise<DefinitionView> {
  authorize(ctx.actor, 'stats.config')
  const { version, ...fields } = input
  await ctx.db.transaction().execute(async (trx) => {
    const ledger = await loadLedger(trx, key)
    if (ledger.version !== version) throw staleVersion(ledger.version)
    const problems = checkDefinition(fields)
    // Retired columns come back with their own slot when re-added.
    const { columns, problems: slotProblems } = assignSlots(fields.columns, ledger.allColumns)
    problems.push(...slotProblems)
    await checkRetypes(trx, ledger, columns, problems)
    await checkOwner(trx, ctx, fields, problems)
    if (problems.length) throw badRequest('validation', {}, problems)
    const at = nowIso(ctx)
    if (
      !(await updateLedgerVersioned(trx, ledger.id, version, {
        ...recordOf(fields, columns),
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await keepVersion(trx, ctx, ledger.id)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'stats.definition.update',
      entity: 'stats_ledger',
      entityId: ledger.id,
      before: presentDefinition(ledger),
      after: fields,
    })
  })
  return getDefinition(ctx, key)
}

export async function voidDefinition(
  ctx: Ctx,
  key: string,
  version: number,
  reason: string,
): Promise<DefinitionView> {
  authorize(ctx.actor, 'stats.config')
  await ctx.db.transaction().execute(async (trx) => {
    const ledger = await loadLedger(trx, key)
    if (ledger.version !== version) throw staleVersion(ledger.version)
    const at = nowIso(ctx)
    if (
      !(await updateLedgerVersioned(trx, ledger.id, version, {
        voided_at: at,
        void_reason: reason,
        updated_at: at,
        data_changed_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'stats.definition.void',
      entity: 'stats_ledger',
      entityId: ledger.id,
      before: { key, nameZh: ledger.nameZh },
      after: { reason },
    })
  })
  return getDefinition(ctx, key)
}
