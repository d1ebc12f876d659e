/** The petition office's own thresholds; statutory limits are not settings (domain/petitions). */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { getSetting, putSetting } from '../../settings.js'

export interface PetitionSettings {
  /** A deadline this many days away or fewer is "due soon". */
  dueSoonDays: number
  /** 积案 has no statutory definition: open longer than this many days. */
  backlogDays: number
  /** Closed cases' personal data may be erased after this many years. */
  retentionYears: number
}

export const DEFAULT_SETTINGS: PetitionSettings = { dueSoonDays: 3, backlogDays: 180, retentionYears: 5 }
const KEY = 'petitions.settings'

export async function loadSettings(db: Tx): Promise<PetitionSettings> {
  return { ...DEFAULT_SETTINGS, ...((await getSetting<Partial<PetitionSettings>>(db, KEY)) ?? {}) }
}

export async function updateSettings(ctx: Ctx, patch: Partial<PetitionSettings>): Promise<PetitionSettings> {
  authorize(ctx.actor, 'petition.config')
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadSettings(trx)
    const after = { ...before, ...patch }
    await putSetting(trx, KEY, after, nowIso(ctx))
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.settings',
      entity: 'setting',
      entityId: KEY,
      before,
      after,
    })
    return after
  })
}
