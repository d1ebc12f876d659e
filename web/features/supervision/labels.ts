/** Localised words for supervision's enum values, and who may do what (mirrors server/policies/roles.ts). */
import { useTranslation } from 'react-i18next'
import type { Role } from '../../app/types'
import { TASK_STATUSES } from './types'

type Group = 'status' | 'action' | 'dueState' | 'extensionStatus' | 'event' | 'campaignKind'

export function useSupervisionLabels() {
  const { t } = useTranslation()
  // Values come from the server as plain strings; an unknown one (a newer server) shows as its key.
  const label = (group: Group, key: string | null | undefined): string =>
    key ? t(`supervision.${group}.${key}`, { defaultValue: key }) : ''
  return {
    label,
    statusOptions: () => TASK_STATUSES.map((s) => ({ value: s, label: label('status', s) })),
    escalation: (level: number) =>
      level > 0 ? t(`supervision.escalation.${level === 1 ? 'unit' : 'bureau'}`) : '',
  }
}

/** The server's task.read: every role but the expert. */
export const canReadTasks = (role: Role | undefined) => role !== undefined && role !== 'expert'
/** task.write: create and edit tasks, report progress, ask for extensions. */
export const canWriteTasks = (role: Role | undefined) => role === 'department' || role === 'county'
/** task.approve: decide extensions, issue notices, change the thresholds. */
export const canApproveTasks = (role: Role | undefined) => role === 'leader'
