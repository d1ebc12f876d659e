import { DragOutlined, EditOutlined, StopOutlined } from '@ant-design/icons'
import { Button, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLabels } from '../../app/meta'
import type { OrgUnit } from '../../app/types'

interface Props {
  unit: OrgUnit
  canManage: boolean
  isRoot: boolean
  onEdit: () => void
  onMove: () => void
  onVoid: () => void
}

/** A one-line summary of the unit picked in the tree, with its own actions. */
export function SelectedUnit({ unit, canManage, isRoot, onEdit, onMove, onVoid }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  return (
    <div
      style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}
      data-testid="org-selected"
    >
      <Typography.Title level={5} style={{ margin: 0 }} delete={Boolean(unit.voidedAt)}>
        {unit.name}
      </Typography.Title>
      <Space size={4} wrap>
        <Tag color="geekblue">{labels.kind(unit.kind)}</Tag>
        {unit.code && <Tag>{unit.code}</Tag>}
        {unit.stage && <Tag>{labels.stage(unit.stage)}</Tag>}
        {unit.voidedAt && (
          <Tag color="default">{t('org.voidedReason', { reason: unit.voidReason ?? '' })}</Tag>
        )}
      </Space>
      <div style={{ flex: 1 }} />
      {canManage && !unit.voidedAt && (
        <Space size={8}>
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="org-edit">
            {t('common.edit')}
          </Button>
          {!isRoot && (
            <Button icon={<DragOutlined />} onClick={onMove} data-testid="org-move">
              {t('common.move')}
            </Button>
          )}
          {!isRoot && (
            <Button danger icon={<StopOutlined />} onClick={onVoid} data-testid="org-void">
              {t('common.void')}
            </Button>
          )}
        </Space>
      )}
    </div>
  )
}
