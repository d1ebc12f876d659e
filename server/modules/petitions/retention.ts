/**
 * The retention rule: personal data of cases closed longer ago than the configured number of
 * years is erased; the case stays, with its category, dates and outcome, so the figures hold.
 */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { todayInChina } from './derive.js'
import { erasePeople, listErasable } from './repository.js'
import { loadSettings } from './settings.js'

export async function eraseExpiredPersonalData(ctx: Ctx): Promise<{ erased: number; closedBefore: string }> {
  authorize(ctx.actor, 'petition.config')
  const { retentionYears } = await loadSettings(ctx.db)
  const today = todayInChina(ctx.now())
  const closedBefore = `${Number(today.slice(0, 4)) - retentionYears}${today.slice(4)}`
  let erased = 0
  for (;;) {
    const n = await ctx.db.transaction().execute(async (trx) => {
      const ids = (await listErasable(trx, closedBefore, 500)).map((r) => r.id)
      if (ids.length === 0) return 0
      await erasePeople(trx, ids, nowIso(ctx))
      await recordAudit(trx, ctx, ctx.actor, {
        action: 'petition.erase_personal',
        entity: 'petition_case',
        entityId: null,
        before: null,
        after: { cases: ids.length, closedBefore },
      })
      return ids.length
    })
    erased += n
    if (n === 0) break
  }
  return { erased, closedBefore }
}
