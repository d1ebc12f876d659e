/**
 * Words for the problem list's enum values, taken from domain/ (the same labels the server puts
 * in its exports), and who may do what: the server decides, the web only hides what it would refuse.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  MEASURE_STATUS_LABELS,
  type MeasureStatus,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  type ProblemSource,
  type ProblemStatus,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '../../../domain/rectification/lifecycle'
import type { Role } from '../../app/types'

type Labels = Record<string, { zh: string; en: string }>

export function useRectLabels() {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  // One object per language, so charts that depend on it do not redraw on every render.
  return useMemo(() => {
    // An unknown value (a newer server) shows as its key.
    const pick = (labels: Labels, key: string) => {
      const l = labels[key]
      return l ? (en ? l.en : l.zh) : key
    }
    return {
      status: (s: ProblemStatus) => pick(STATUS_LABELS, s),
      source: (s: ProblemSource) => pick(SOURCE_LABELS, s),
      measureStatus: (s: MeasureStatus) => pick(MEASURE_STATUS_LABELS, s),
      statusOptions: () => PROBLEM_STATUSES.map((s) => ({ value: s, label: pick(STATUS_LABELS, s) })),
      sourceOptions: () => PROBLEM_SOURCES.map((s) => ({ value: s, label: pick(SOURCE_LABELS, s) })),
    }
  }, [en])
}

/** problem.write: record problems, measures and evidence. */
export const canWriteProblems = (role: Role | undefined) => role === 'department' || role === 'county'

/** problem.signoff: review and close (销号), or send back. */
export const canSignOffProblems = (role: Role | undefined) => role === 'leader' || role === 'department'

/** The reference lists are kept by the administrator and by those who write the records. */
export const canEditCategories = (role: Role | undefined) => role === 'admin' || canWriteProblems(role)
