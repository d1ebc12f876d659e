import { Tag } from 'antd'
import { useSelT } from './i18n'
import type { ProgrammeStatus } from './types'

const COLORS: Record<ProgrammeStatus, string> = {
  draft: 'default',
  open: 'blue',
  reviewing: 'orange',
  scored: 'gold',
  decided: 'purple',
  approved: 'cyan',
  notice: 'magenta',
  final: 'green',
}

export function StatusTag({ status }: { status: ProgrammeStatus }) {
  const st = useSelT()
  return (
    <Tag color={COLORS[status]} data-testid={`programme-status-${status}`}>
      {st(`status.${status}`)}
    </Tag>
  )
}

const OUTCOME_COLORS: Record<string, string> = {
  selected: 'green',
  passed: 'green',
  not_selected: 'default',
  not_passed: 'default',
  tie_at_quota: 'orange',
  unscored: 'default',
  revoked: 'red',
}

export function OutcomeTag({ outcome }: { outcome: string }) {
  const st = useSelT()
  return (
    <Tag color={OUTCOME_COLORS[outcome] ?? 'default'} data-testid={`outcome-${outcome}`}>
      {st(`outcome.${outcome}`, { defaultValue: outcome })}
    </Tag>
  )
}
