/** Supervision's thresholds: the due-soon window and the escalation steps. */
import { DEFAULT_ESCALATION, type EscalationThresholds } from '../../../domain/supervision/due.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { getSetting, putSetting } from '../../settings.js'

export interface SupervisionSettings {
  /** A deadline this many days away or fewer is "due soon". */
  dueSoonDays: number
  /** Days overdue from which the unit's responsible leader is notified. */
  escalateUnitDays: number
  /** Days overdue from which the bureau's leaders are notified. */
  escalateBureauDays: number
}

export const DEFAULT_SETTINGS: SupervisionSettings = {
  dueSoonDays: 7,
  escalateUnitDays: DEFAULT_ESCALATION.unitDays,
  escalateBureauDays: DEFAULT_ESCALATION.bureauDays,
}
const KEY = 'supervision.settings'

export async function loadSettings(db: Tx): Promise<SupervisionSettings> {
  return { ...DEFAULT_SETTINGS, ...((await getSetting<Partial<SupervisionSettings>>(db, KEY)) ?? {}) }
}

export const thresholdsOf = (s: SupervisionSettings): EscalationThresholds => ({
  unitDays: s.escalateUnitDays,
  bureauDays: s.escalateBureauDays,
})

export async function readSettings(ctx: Ctx): Promise<SupervisionSettings> {
  authorize(ctx.actor, 'task.read')
  return loadSettings(ctx.db)
}

/** Leaders decide how hard tasks are chased (task.approve). */
export async function updateSettings(
  ctx: Ctx,
  patch: Partial<SupervisionSettings>,
): Promise<SupervisionSettings> {
  authorize(ctx.actor, 'task.approve')
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx)
    const after = { ...before, ...patch }
    if (after.escalateBureauDays <= after.escalateUnitDays)
      throw badRequest('validation', {}, [
        {
          field: 'escalateBureauDays',
          key: 'supervision_thresholds',
          params: { unitDays: after.escalateUnitDays },
        },
      ])
    await putSetting(trx, KEY, after, nowIso(ctx))
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.settings',
      entity: 'setting',
      entityId: KEY,
      before,
      after,
    })
    return after
  })
}
