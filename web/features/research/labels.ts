/**
 * Words for the research module's enum values, taken from domain/ (the same labels the server
 * puts in its messages and exports), colours of the status tags, and who may do what: the server
 * decides, the web only hides what it would refuse.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  STATUS_LABELS as PROBLEM_STATUS_LABELS,
  type ProblemStatus,
} from '../../../domain/rectification/lifecycle'
import {
  TOPIC_ACTION_LABELS,
  TOPIC_STATUS_LABELS,
  TOPIC_STATUSES,
  type TopicAction,
  type TopicStatus,
} from '../../../domain/research/lifecycle'
import type { Role } from '../../app/types'

export const STATUS_COLORS: Record<TopicStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  reported: 'purple',
  concluded: 'success',
}

type Labels = Record<string, { zh: string; en: string }>

export function useResearchLabels() {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  return useMemo(() => {
    // An unknown value (a newer server) shows as its key.
    const pick = (labels: Labels, key: string) => {
      const l = labels[key]
      return l ? (en ? l.en : l.zh) : key
    }
    return {
      status: (s: TopicStatus) => pick(TOPIC_STATUS_LABELS, s),
      action: (a: TopicAction) => pick(TOPIC_ACTION_LABELS, a),
      problemStatus: (s: ProblemStatus) => pick(PROBLEM_STATUS_LABELS, s),
      statusOptions: () => TOPIC_STATUSES.map((s) => ({ value: s, label: pick(TOPIC_STATUS_LABELS, s) })),
    }
  }, [en])
}

/** task.write: plan topics, record visits, findings and reports. */
export const canWriteResearch = (role: Role | undefined) => role === 'department' || role === 'county'

/** problem.write as well: turn a finding into a rectification problem. */
export const canConvertFindings = (role: Role | undefined) => canWriteResearch(role)
