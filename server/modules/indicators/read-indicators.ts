/** The registry as a list (the picker, `edu-ledger indicator list`) and one indicator. */
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { listLedgerDefinitions } from '../statistics/aggregate.js'
import { allIndicators } from './registry.js'
import { indicatorOr404 } from './scope.js'

export async function listIndicators(
  ctx: Ctx,
  q: { source?: string | undefined; search?: string | undefined },
) {
  authorize(ctx.actor, 'indicator.read')
  const needle = q.search?.trim().toLowerCase()
  const items = (await allIndicators(ctx.db)).filter(
    (i) =>
      (!q.source || i.source === q.source) &&
      (!needle || i.key.includes(needle) || i.zh.includes(needle) || i.en.toLowerCase().includes(needle)),
  )
  return { items, total: items.length }
}

export async function getIndicator(ctx: Ctx, key: string) {
  authorize(ctx.actor, 'indicator.read')
  return indicatorOr404(ctx, key)
}

/** The ledgers and their columns, for the definition form's pickers. */
export async function ledgerChoices(ctx: Ctx) {
  authorize(ctx.actor, 'indicator.config')
  return { items: await listLedgerDefinitions(ctx.db) }
}
