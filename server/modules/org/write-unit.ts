/** The steps every change to an existing unit shares: load it, check scope and version, save. */
import type { Ctx, Tx } from '../../context.js'
import type { OrgUnitTable } from '../../db/schema.js'
import { notFound, staleVersion } from '../../http/errors.js'
import { assertCanWriteUnder } from '../../policies/authorize.js'
import { findById, type OrgUnitRow, updateVersioned } from './repository.js'

/** The unit as it is now, if the actor may change it and holds its current version. */
export async function loadForWrite(ctx: Ctx, trx: Tx, id: number, version: number): Promise<OrgUnitRow> {
  const row = await findById(trx, id)
  if (!row) throw notFound()
  assertCanWriteUnder(ctx.actor, row.path)
  if (row.version !== version) throw staleVersion(row.version)
  return row
}

/** Writes `patch` only if nobody else wrote since `row` was read; returns the row after. */
export async function saveVersioned(
  trx: Tx,
  row: OrgUnitRow,
  patch: Partial<Omit<OrgUnitTable, 'id' | 'version'>>,
): Promise<OrgUnitRow> {
  if (!(await updateVersioned(trx, row.id, row.version, patch))) {
    const now = await findById(trx, row.id)
    throw staleVersion(now?.version ?? row.version + 1)
  }
  const after = await findById(trx, row.id)
  if (!after) throw notFound()
  return after
}
