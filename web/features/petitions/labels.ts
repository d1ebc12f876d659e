/** Localised words for the petition ledger's enum values, with the raw key as the fallback. */
import { useTranslation } from 'react-i18next'
import type { Role } from '../../app/types'
import { CHANNELS, KINDS, LEVELS, OUTCOMES, PLAN_STATUSES, SATISFACTIONS, STATUSES } from './types'

type Group =
  | 'status'
  | 'action'
  | 'channel'
  | 'kind'
  | 'level'
  | 'outcome'
  | 'satisfaction'
  | 'stage'
  | 'deadline'
  | 'personRole'
  | 'planStatus'
  | 'source'

export function usePetitionLabels() {
  const { t } = useTranslation()
  // Values come from the server as plain strings; an unknown one (a newer server) shows as its key.
  const label = (group: Group, key: string | null | undefined): string =>
    key ? t(`petitions.${group}.${key}`, { defaultValue: key }) : ''
  const options = (group: Group, keys: readonly string[]) =>
    keys.map((k) => ({ value: k, label: label(group, k) }))
  return {
    label,
    /** Timeline entries are actions, plus a few events of their own (register, import, void). */
    event: (key: string) => t(`petitions.event.${key}`, { defaultValue: label('action', key) }),
    statusOptions: () => options('status', STATUSES),
    channelOptions: () => options('channel', CHANNELS),
    kindOptions: () => options('kind', KINDS),
    levelOptions: () => options('level', LEVELS),
    outcomeOptions: () => options('outcome', OUTCOMES),
    satisfactionOptions: () => options('satisfaction', SATISFACTIONS),
    planStatusOptions: () => options('planStatus', PLAN_STATUSES),
  }
}

/** Who may register cases and move them on (the server's petition.write). */
export const canWritePetitions = (role: Role | undefined) => role === 'department' || role === 'county'

/** Who may edit the taxonomy, plans, campaigns and settings (the server's petition.config). */
export const canConfigurePetitions = (role: Role | undefined) => role === 'admin' || role === 'department'
