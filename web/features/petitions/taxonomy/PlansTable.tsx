import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePetitionLabels } from '../labels'
import { usePlans } from '../queries'
import type { Plan, PlanStatus } from '../types'
import { PlanDrawer, type PlanTarget } from './PlanDrawer'

const STATUS_COLORS: Record<PlanStatus, string | undefined> = {
  draft: undefined,
  running: 'processing',
  done: 'green',
}

/** Resolution plans and how many open cases each still covers. */
export function PlansTable({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  const plans = usePlans()
  const [target, setTarget] = useState<PlanTarget | null>(null)

  const columns: TableColumnsType<Plan> = [
    {
      title: t('petitions.field.categoryDemand'),
      key: 'category',
      width: 200,
      render: (_, p) => (
        <span>
          {p.category}
          {p.demand && <Typography.Text type="secondary"> / {p.demand}</Typography.Text>}
        </span>
      ),
    },
    { title: t('petitions.plans.title'), dataIndex: 'title', width: 200 },
    { title: t('petitions.plans.owner'), dataIndex: 'owner', width: 130 },
    {
      title: t('petitions.plans.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: PlanStatus) => <Tag color={STATUS_COLORS[s]}>{labels.label('planStatus', s)}</Tag>,
    },
    {
      title: t('petitions.plans.dueOn'),
      dataIndex: 'dueOn',
      width: 110,
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('petitions.plans.openCases'),
      dataIndex: 'openCases',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text strong>{n}</Typography.Text> : n),
    },
    { title: t('petitions.plans.measures'), dataIndex: 'measures', width: 320, ellipsis: true },
  ]
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, p) => (
        <Button
          type="link"
          size="small"
          onClick={() => setTarget({ mode: 'edit', plan: p })}
          data-testid={`plan-edit-${p.id}`}
        >
          {t('common.edit')}
        </Button>
      ),
    })
  }

  return (
    <Card
      size="small"
      title={t('petitions.plans.heading')}
      extra={
        canEdit && (
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setTarget({ mode: 'create' })}
            data-testid="plan-add"
          >
            {t('petitions.plans.add')}
          </Button>
        )
      }
    >
      <Table<Plan>
        size="small"
        rowKey={(p) => String(p.id)}
        columns={columns}
        dataSource={plans.data ?? []}
        loading={plans.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="plan-table"
      />
      <PlanDrawer target={target} onClose={() => setTarget(null)} />
    </Card>
  )
}
