import { Tag } from 'antd'
import { useRectLabels } from '../labels'
import type { ProblemStatus } from '../types'

// Waiting: orange; under way: blue; waiting for the reviewer: purple; closed: green.
const COLORS: Record<ProblemStatus, string> = {
  open: 'orange',
  rectifying: 'processing',
  rectified: 'purple',
  signed_off: 'green',
}

export function StatusTag({ status, voided }: { status: ProblemStatus; voided?: boolean }) {
  const labels = useRectLabels()
  return (
    <Tag
      color={voided ? undefined : COLORS[status]}
      style={voided ? { textDecoration: 'line-through' } : undefined}
      data-testid="problem-status"
    >
      {labels.status(status)}
    </Tag>
  )
}
