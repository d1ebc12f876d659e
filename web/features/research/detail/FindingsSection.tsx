import { PlusOutlined, SwapRightOutlined } from '@ant-design/icons'
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProblemStatus } from '../../../../domain/rectification/lifecycle'
import { canRecordFinding } from '../../../../domain/research/lifecycle'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { useResearchLabels } from '../labels'
import { useToProblem, useVoidFinding } from '../queries'
import type { Finding, TopicDetail } from '../types'
import { FindingModal } from './FindingModal'

/** The rectification list's own status colours, so a problem looks the same on both pages. */
const PROBLEM_COLORS: Record<ProblemStatus, string> = {
  open: 'orange',
  rectifying: 'processing',
  rectified: 'purple',
  signed_off: 'green',
}

/** 发现的问题: each may become a rectification problem in one step, and then shows that problem. */
export function FindingsSection({ detail: d }: { detail: TopicDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const labels = useResearchLabels()
  const showError = useShowError()
  const toProblem = useToProblem()
  const voidFinding = useVoidFinding()
  const [adding, setAdding] = useState(false)
  const [voiding, setVoiding] = useState<Finding | null>(null)
  const canAdd = d.canEdit && canRecordFinding(d.status)
  const canVoid = d.canEdit && d.status !== 'concluded'

  const convert = (f: Finding) =>
    toProblem.mutate(
      { id: f.id, version: f.version },
      {
        onSuccess: (x) => {
          const code = x.findings.find((y) => y.id === f.id)?.problem?.code ?? ''
          message.success(t('research.findings.converted', { code }))
        },
        onError: (err) => showError(err),
      },
    )

  const columns: TableColumnsType<Finding> = [
    {
      title: t('research.findings.text'),
      dataIndex: 'text',
      render: (text: string, f) => (
        <Space orientation="vertical" size={0} style={{ minWidth: 240 }}>
          <Typography.Text delete={f.voided}>{text}</Typography.Text>
          {f.voided && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('research.visits.voidedBecause', { reason: f.voidReason ?? '' })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('research.findings.category'), dataIndex: 'category', width: 100 },
    { title: t('research.findings.unit'), dataIndex: 'responsibleUnit', width: 130, ellipsis: true },
    { title: t('research.findings.foundOn'), dataIndex: 'foundOn', width: 104 },
    {
      title: t('research.findings.problem'),
      key: 'problem',
      width: 190,
      render: (_, f) => {
        if (f.problem)
          return (
            <Space size={4} data-testid={`finding-problem-${f.id}`}>
              <Typography.Text code>{f.problem.code}</Typography.Text>
              <Tag color={f.problem.voided ? 'default' : PROBLEM_COLORS[f.problem.status]}>
                {f.problem.voided ? t('common.voided') : labels.problemStatus(f.problem.status)}
              </Tag>
            </Space>
          )
        if (f.voided || !d.canConvert) return <Typography.Text type="secondary">—</Typography.Text>
        return (
          <Popconfirm
            title={t('research.findings.toProblemConfirm')}
            description={t('research.findings.toProblemHint', { unit: f.responsibleUnit })}
            okButtonProps={{ ...{ 'data-testid': `finding-to-problem-ok-${f.id}` } }}
            onConfirm={() => convert(f)}
          >
            <Button
              size="small"
              icon={<SwapRightOutlined />}
              loading={toProblem.isPending}
              data-testid={`finding-to-problem-${f.id}`}
            >
              {t('research.findings.toProblem')}
            </Button>
          </Popconfirm>
        )
      },
    },
  ]
  if (canVoid)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      render: (_, f) =>
        f.voided ? (
          <Tag>{t('common.voided')}</Tag>
        ) : f.problem ? null : (
          <Button
            type="link"
            size="small"
            danger
            onClick={() => setVoiding(f)}
            data-testid={`finding-void-${f.id}`}
          >
            {t('common.void')}
          </Button>
        ),
    })

  return (
    <div data-testid="topic-findings">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('research.findings.title', { count: d.findingCount, converted: d.convertedCount })}
        </Typography.Title>
        {canAdd && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="finding-add"
          >
            {t('research.findings.add')}
          </Button>
        )}
      </div>
      <Table<Finding>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={d.findings}
        pagination={false}
        locale={{
          emptyText: t(
            canAdd || d.status !== 'planned' ? 'research.findings.empty' : 'research.findings.notYet',
          ),
        }}
        scroll={{ x: 'max-content' }}
      />
      <FindingModal topic={d} open={adding} onClose={() => setAdding(false)} />
      <VoidModal
        open={voiding !== null}
        name={voiding?.text ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidFinding
                .mutateAsync({ id: voiding.id, version: voiding.version, reason })
                .then(() => message.success(t('common.voidDone')))
            : Promise.resolve()
        }
      />
    </div>
  )
}
