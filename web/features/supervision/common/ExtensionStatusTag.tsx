import { Tag } from 'antd'
import { useSupervisionLabels } from '../labels'
import type { ExtensionStatus } from '../types'

const COLORS: Record<ExtensionStatus, string> = { pending: 'gold', approved: 'green', refused: 'red' }

export function ExtensionStatusTag({ status }: { status: ExtensionStatus }) {
  const labels = useSupervisionLabels()
  return (
    <Tag color={COLORS[status]} data-testid="extension-status" data-status={status}>
      {labels.label('extensionStatus', status)}
    </Tag>
  )
}
