/**
 * Balance settings: the 2012 综合差异系数 thresholds (commonly cited 0.65 primary / 0.55 junior high,
 * not confirmed from a primary source, hence configurable). The 2017 limits (0.50 / 0.45) are
 * national and fixed. Read by every balance reader; changed by `indicator.config` (administrators
 * and departments), with a version and an audit row.
 */
import { DEFAULT_COMPOSITE_LIMITS, QUALITY_CV_LIMITS } from '../../../domain/balance/indicators.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { getSetting } from '../../settings.js'
import { replaceSettingIf, settingJson } from './repository.js'
import type { SettingsView, UpdateSettingsInput } from './schema.js'

export const SETTINGS_KEY = 'balance.settings'

export interface Limits {
  primary: number
  junior: number
}

interface Stored {
  version: number
  compositeLimits: Limits
}

async function stored(db: Tx): Promise<Stored> {
  const s = await getSetting<Stored>(db, SETTINGS_KEY)
  return s ?? { version: 1, compositeLimits: { ...DEFAULT_COMPOSITE_LIMITS } }
}

const storedJson = (db: Tx) => settingJson(db, SETTINGS_KEY)

/** The composite thresholds in force. */
export async function compositeLimits(db: Tx): Promise<Limits> {
  return (await stored(db)).compositeLimits
}

export async function getBalanceSettings(ctx: Ctx): Promise<SettingsView> {
  authorize(ctx.actor, 'balance.read')
  const s = await stored(ctx.db)
  return { ...s, qualityLimits: { ...QUALITY_CV_LIMITS } }
}

export async function updateBalanceSettings(ctx: Ctx, input: UpdateSettingsInput): Promise<SettingsView> {
  authorize(ctx.actor, 'indicator.config')
  await ctx.db.transaction().execute(async (trx) => {
    const json = await storedJson(trx)
    const s = await stored(trx)
    if (s.version !== input.version) throw staleVersion(s.version)
    const next: Stored = { version: s.version + 1, compositeLimits: input.compositeLimits }
    if (!(await replaceSettingIf(trx, SETTINGS_KEY, json, JSON.stringify(next), nowIso(ctx))))
      throw staleVersion(s.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'balance.settings.update',
      entity: 'setting',
      entityId: SETTINGS_KEY,
      before: s,
      after: next,
    })
  })
  return getBalanceSettings(ctx)
}
