import { Tag } from 'antd'
import { usePetitionLabels } from '../labels'
import type { CaseStatus } from '../types'

// Waiting on us: blue/orange; closed: green; in a second procedure: purple; terminal: grey.
const COLORS: Record<CaseStatus, string | undefined> = {
  registered: 'blue',
  forwarded: 'cyan',
  not_accepted: undefined,
  handling: 'processing',
  extended: 'orange',
  replied: 'green',
  review: 'purple',
  reviewed: 'purple',
  rereview: 'magenta',
  final: undefined,
}

export function StatusTag({ status, voided }: { status: CaseStatus; voided?: boolean }) {
  const labels = usePetitionLabels()
  return (
    <Tag
      color={voided ? undefined : COLORS[status]}
      style={voided ? { textDecoration: 'line-through' } : undefined}
    >
      {labels.label('status', status)}
    </Tag>
  )
}
