import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { useRectLabels } from '../labels'
import { useUpdateMeasure, useVoidMeasure } from '../queries'
import type { Measure, MeasureStatus, ProblemDetail } from '../types'
import { MeasureModal } from './MeasureModal'

const STATUS_COLORS: Record<MeasureStatus, string | undefined> = {
  todo: undefined,
  doing: 'processing',
  done: 'success',
}

interface Props {
  detail: ProblemDetail
  /** Writers, while the problem is live and not yet declared rectified. */
  editable: boolean
}

/** 整改措施: what will be done, by whom, by when, and how far it got. */
export function MeasuresSection({ detail: d, editable }: Props) {
  const { t } = useTranslation()
  const labels = useRectLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const update = useUpdateMeasure()
  const voidMeasure = useVoidMeasure()
  const [target, setTarget] = useState<Measure | 'new' | null>(null)
  const [voiding, setVoiding] = useState<Measure | null>(null)

  const setStatus = (m: Measure, status: MeasureStatus) =>
    update.mutate(
      { problemId: d.id, measureId: m.id, version: m.version, status },
      {
        onSuccess: () => message.success(t('common.saved')),
        onError: (err) => showError(err),
      },
    )

  const columns: TableColumnsType<Measure> = [
    { title: '#', dataIndex: 'seq', width: 40 },
    {
      title: t('rectification.measures.content'),
      dataIndex: 'content',
      render: (c: string, m) => (
        <Typography.Text delete={m.voided} style={{ whiteSpace: 'pre-wrap' }}>
          {c}
        </Typography.Text>
      ),
    },
    {
      title: t('rectification.measures.owner'),
      dataIndex: 'owner',
      width: 140,
      render: (v: string) => v || '—',
    },
    {
      title: t('rectification.measures.deadline'),
      dataIndex: 'deadline',
      width: 150,
      render: (v: string | null, m) => (
        <Space size={4}>
          {v ?? '—'}
          {m.overdue && <Tag color="red">{t('rectification.measures.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('rectification.measures.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: MeasureStatus, m) =>
        m.voided ? (
          <Tag>{t('common.voided')}</Tag>
        ) : (
          <Space size={4}>
            <Tag color={STATUS_COLORS[s]}>{labels.measureStatus(s)}</Tag>
            {m.doneOn && <Typography.Text type="secondary">{m.doneOn}</Typography.Text>}
          </Space>
        ),
    },
  ]
  if (editable)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, m) =>
        m.voided ? null : (
          <Space size={0}>
            {m.status !== 'done' && (
              <Button
                type="link"
                size="small"
                loading={update.isPending}
                onClick={() => setStatus(m, 'done')}
                data-testid={`measure-done-${m.seq}`}
              >
                {t('rectification.measures.markDone')}
              </Button>
            )}
            <Button
              type="link"
              size="small"
              onClick={() => setTarget(m)}
              data-testid={`measure-edit-${m.seq}`}
            >
              {t('common.edit')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setVoiding(m)}
              data-testid={`measure-void-${m.seq}`}
            >
              {t('common.void')}
            </Button>
          </Space>
        ),
    })

  return (
    <div data-testid="problem-measures">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('rectification.measures.title')}
        </Typography.Title>
        {editable && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setTarget('new')}
            data-testid="measure-add"
          >
            {t('rectification.measures.add')}
          </Button>
        )}
      </div>
      <Table<Measure>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={d.measures}
        pagination={false}
        locale={{ emptyText: t('rectification.measures.empty') }}
        onRow={(m) => ({ style: m.voided ? { color: '#bfbfbf' } : undefined })}
      />
      <MeasureModal problem={d} target={target} onClose={() => setTarget(null)} />
      <VoidModal
        open={voiding !== null}
        name={voiding ? t('rectification.measures.name', { seq: voiding.seq }) : ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidMeasure.mutateAsync({
                problemId: d.id,
                measureId: voiding.id,
                version: voiding.version,
                reason,
              })
            : Promise.resolve()
        }
      />
    </div>
  )
}
