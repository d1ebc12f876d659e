/**
 * Entering rows by form: create, update and void one row. Every value is checked against the
 * definition (types, required, enum options, org units in scope, unique columns, the row key);
 * errors name the field as `values.<column>`.
 */
import { ALL_SLOTS, type InputValue } from '../../../domain/statistics/columns.js'
import { buildRow, type RowDraft, type RowProblem } from '../../../domain/statistics/row.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx, todayInChina } from '../../context.js'
import { badRequest, conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { canApprove, homeCityOf, loadLedger, submittingUnit, type UnitRef } from './access.js'
import type { Ledger } from './definition.js'
import { presentRow } from './present.js'
import {
  insertRow,
  rowById,
  submissionById,
  touchLedger,
  unitsByIds,
  updateRowVersioned,
} from './repository.js'
import { checkDrafts } from './row-checks.js'
import type { CreateRowInput, LedgerRowView, UpdateRowInput } from './schema.js'
import { submissionFor } from './submissions-core.js'
import type { StatsSlots } from './tables.js'

const fieldOf = (p: RowProblem) => (p.field === 'period' ? 'period' : `values.${p.field}`)

function refuse(problems: RowProblem[]): never {
  throw badRequest(
    'validation',
    {},
    problems.map((p) => ({ field: fieldOf(p), key: p.key, ...(p.params ? { params: p.params } : {}) })),
  )
}

async function draftFor(
  trx: Tx,
  ctx: Ctx,
  ledger: Ledger,
  unit: UnitRef,
  values: Record<string, InputValue>,
  periodLabel: string | undefined,
  rowId?: number,
): Promise<RowDraft> {
  const needsHome = ledger.columns.some((c) => c.derive?.rule === 'in_city')
  const { draft, problems } = buildRow(ledger, values, {
    periodLabel,
    today: todayInChina(ctx.now()),
    home: needsHome ? await homeCityOf(trx, unit) : null,
  })
  if (!draft) refuse(problems)
  const found = (await checkDrafts(trx, ctx.actor, ledger, [{ draft, rowId }])).get(0)
  if (found?.length) refuse(found)
  return draft
}

/** Every slot of the rows table: the draft's values, the others cleared. */
export function slotValues(draft: Pick<RowDraft, 'slots'>): StatsSlots {
  // coerceValue put numbers in i/r slots and text in s/d slots: the family decides the type.
  return Object.fromEntries(ALL_SLOTS.map((s) => [s, draft.slots[s] ?? null])) as unknown as StatsSlots
}

/**
 * Only the given slots (a ledger's own), for new rows: the table's other slots keep their NULL
 * default. A 100,000-row import spent a second building 44-key objects with `slotValues`, and bound
 * a parameter for each.
 */
export function ownSlotValues(
  draft: Pick<RowDraft, 'slots'>,
  slots: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const s of slots) out[s] = draft.slots[s] ?? null
  return out
}

async function view(ctx: Ctx, ledger: Ledger, id: number): Promise<LedgerRowView> {
  const r = await rowById(ctx.db, id)
  if (!r) throw notFound()
  const unit = (await unitsByIds(ctx.db, [r.org_unit_id])).get(r.org_unit_id)
  return presentRow(ledger, r, unit?.name ?? '')
}

export async function getRow(ctx: Ctx, key: string, id: number): Promise<LedgerRowView> {
  authorize(ctx.actor, 'stats.read')
  const ledger = await loadLedger(ctx.db, key, { allowVoided: true })
  const r = await rowById(ctx.db, id)
  if (!r || r.ledger_id !== ledger.id || !inScope(ctx.actor, r.scope_path)) throw notFound()
  return view(ctx, ledger, id)
}

export async function createRow(ctx: Ctx, key: string, input: CreateRowInput): Promise<LedgerRowView> {
  authorize(ctx.actor, 'stats.write')
  const ledger = await loadLedger(ctx.db, key)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const unit = await submittingUnit(trx, ctx.actor, ledger, input.orgUnitId)
    const draft = await draftFor(trx, ctx, ledger, unit, input.values, input.period)
    const submission = await submissionFor(trx, ctx, ledger, unit, draft.period)
    const at = nowIso(ctx)
    const rowId = await insertRow(trx, {
      ledger_id: ledger.id,
      submission_id: submission.id,
      org_unit_id: unit.id,
      scope_path: unit.path,
      period_date: draft.periodDate,
      row_key: draft.rowKey,
      status: submission.status,
      source: 'form',
      ...slotValues(draft),
      version: 1,
      created_by: ctx.actor.displayName,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    await touchLedger(trx, ledger.id, at)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'stats.row.create',
      entity: 'stats_row',
      entityId: rowId,
      before: null,
      after: { ledger: ledger.key, unit: unit.name, period: draft.period.label, values: draft.values },
    })
    return rowId
  })
  return view(ctx, ledger, id)
}

/** The row, editable by this actor: in scope, live, and its submission open (or the actor approves it). */
async function editableRow(trx: Tx, ctx: Ctx, ledger: Ledger, id: number) {
  const row = await rowById(trx, id)
  if (!row || row.ledger_id !== ledger.id || !inScope(ctx.actor, row.scope_path)) throw notFound()
  if (row.voided_at !== null) throw conflict('stats_row_voided')
  const sub = await submissionById(trx, row.submission_id)
  if (
    sub &&
    (sub.status === 'submitted' || sub.status === 'approved') &&
    !(await canApprove(trx, ctx.actor, ledger, row.scope_path))
  )
    throw conflict('stats_submission_locked', { period: sub.period_label, status: sub.status })
  return row
}

export async function updateRow(
  ctx: Ctx,
  key: string,
  id: number,
  input: UpdateRowInput,
): Promise<LedgerRowView> {
  authorize(ctx.actor, 'stats.write')
  const ledger = await loadLedger(ctx.db, key)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await editableRow(trx, ctx, ledger, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    const before = presentRow(ledger, row, '').values
    // A partial edit: values not sent keep what is stored.
    const merged = { ...before, ...input.values }
    const unit = { id: row.org_unit_id, name: '', path: row.scope_path, kind: '' }
    const sub = await submissionById(trx, row.submission_id)
    const draft = await draftFor(trx, ctx, ledger, unit, merged, sub?.period_label, id)
    if (sub && draft.period.label !== sub.period_label)
      refuse([
        {
          field: ledger.periodColumn ?? 'period',
          key: 'stats_date_outside_period',
          params: { period: sub.period_label },
        },
      ])
    const at = nowIso(ctx)
    const ok = await updateRowVersioned(trx, id, row.version, {
      ...slotValues(draft),
      period_date: draft.periodDate,
      row_key: draft.rowKey,
      updated_at: at,
    })
    if (!ok) throw staleVersion(row.version + 1)
    await touchLedger(trx, ledger.id, at)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'stats.row.update',
      entity: 'stats_row',
      entityId: id,
      before,
      after: draft.values,
    })
  })
  return view(ctx, ledger, id)
}

export async function voidRow(
  ctx: Ctx,
  key: string,
  id: number,
  version: number,
  reason: string,
): Promise<LedgerRowView> {
  authorize(ctx.actor, 'stats.write')
  const ledger = await loadLedger(ctx.db, key, { allowVoided: true })
  await ctx.db.transaction().execute(async (trx) => {
    const row = await editableRow(trx, ctx, ledger, id)
    if (row.version !== version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    if (!(await updateRowVersioned(trx, id, version, { voided_at: at, void_reason: reason, updated_at: at })))
      throw staleVersion(version + 1)
    await touchLedger(trx, ledger.id, at)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'stats.row.void',
      entity: 'stats_row',
      entityId: id,
      before: presentRow(ledger, row, '').values,
      after: { reason },
    })
  })
  return view(ctx, ledger, id)
}
