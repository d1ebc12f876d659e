/** The module's own settings: the evidence size limit (default 20 MB, the app's upload limit). */
import { DEFAULT_FILE_MAX_BYTES } from '../../../domain/files/allow-list.js'
import type { Tx } from '../../context.js'
import { getSetting } from '../../settings.js'

export interface RectificationSettings {
  /** Largest evidence file accepted; above the app's 20 MB upload limit has no effect. */
  evidenceMaxBytes: number
}

export const DEFAULT_SETTINGS: RectificationSettings = { evidenceMaxBytes: DEFAULT_FILE_MAX_BYTES }
export const SETTINGS_KEY = 'rectification.settings'

export async function loadSettings(db: Tx): Promise<RectificationSettings> {
  return {
    ...DEFAULT_SETTINGS,
    ...((await getSetting<Partial<RectificationSettings>>(db, SETTINGS_KEY)) ?? {}),
  }
}
