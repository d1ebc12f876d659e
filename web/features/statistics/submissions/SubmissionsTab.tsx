import {
  Button,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { periodOf } from '../../../../domain/indicators/periods'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { useToday } from '../../../app/hooks/useToday'
import { submissionActions } from '../access'
import { percentText } from '../format'
import { useCompleteness, useSubmissionAction, useSubmissions } from '../queries'
import {
  type Completeness,
  type LedgerDefinition,
  SUBMISSION_STATUSES,
  type Submission,
  type SubmissionStatus,
} from '../types'
import { ReturnModal } from './ReturnModal'

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
}

/** The last closed period of the ledger's kind on the server's today: what is being collected now. */
function defaultPeriod(ledger: LedgerDefinition | undefined, today: string): string | undefined {
  if (!ledger) return undefined
  if (ledger.periodKind === 'none') return 'all'
  return periodOf(ledger.periodKind, today).label
}

export function SubmissionsTab({
  ledger,
  picker,
}: {
  ledger: LedgerDefinition | undefined
  picker: ReactNode
}) {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {picker}
      {ledger && <Submissions key={ledger.key} ledger={ledger} />}
    </Space>
  )
}

function Submissions({ ledger }: { ledger: LedgerDefinition }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const today = useToday()
  const showError = useShowError()
  const [period, setPeriod] = useState<string | undefined>(defaultPeriod(ledger, today))
  const [status, setStatus] = useState<SubmissionStatus | undefined>()
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [returning, setReturning] = useState<Submission | null>(null)
  const list = useSubmissions(ledger.key, { period, status }, paging.page, paging.pageSize)
  const completeness = useCompleteness(ledger.key, period)
  const act = useSubmissionAction(ledger.key)

  const run = (s: Submission, action: 'submit' | 'approve') =>
    act.mutate({ id: s.id, action, version: s.version }, { onError: (err) => showError(err) })

  const columns: TableColumnsType<Submission> = [
    { title: t('statistics.sub.period'), dataIndex: 'period', width: 90 },
    { title: t('statistics.sub.unit'), dataIndex: 'orgUnit', ellipsis: true },
    {
      title: t('statistics.sub.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => (
        <Tag color={STATUS_COLOR[s]}>{t(`statistics.status.${s}` as 'statistics.status.draft')}</Tag>
      ),
    },
    { title: t('statistics.sub.rows'), dataIndex: 'rows', width: 80, align: 'right' },
    { title: t('statistics.sub.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      title: t('statistics.sub.submittedAt'),
      key: 'submitted',
      width: 170,
      render: (_, s) =>
        s.firstSubmittedOn ? `${s.firstSubmittedOn}${s.submittedBy ? ` · ${s.submittedBy}` : ''}` : '',
    },
    {
      title: t('statistics.sub.decided'),
      key: 'decided',
      width: 200,
      render: (_, s) =>
        s.returnReason && s.status === 'returned' ? (
          <Typography.Text type="warning">{`${t('statistics.sub.returnReason')}：${s.returnReason}`}</Typography.Text>
        ) : s.decidedAt ? (
          `${s.decidedAt.slice(0, 10)}${s.decidedBy ? ` · ${s.decidedBy}` : ''}`
        ) : (
          ''
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, s) => (
        <Space size={4}>
          {submissionActions(user?.role, s.status).map((a) => (
            <Button
              key={a}
              size="small"
              type={a === 'return' ? 'default' : 'primary'}
              danger={a === 'return'}
              data-testid={`submission-${a}-${s.id}`}
              loading={act.isPending && act.variables?.id === s.id}
              onClick={() => (a === 'return' ? setReturning(s) : run(s, a))}
            >
              {t(`statistics.sub.${a}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={8}>
        <Input.Search
          defaultValue={period}
          style={{ width: 200 }}
          placeholder={t('statistics.sub.periodPlaceholder')}
          onSearch={(p) => {
            setPeriod(p.trim() || undefined)
            setPaging((x) => ({ ...x, page: 1 }))
          }}
          data-testid="submissions-period"
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('statistics.filters.status')}
          value={status}
          onChange={(s) => {
            setStatus(s)
            setPaging((x) => ({ ...x, page: 1 }))
          }}
          options={SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`statistics.status.${s}`) }))}
        />
      </Space>
      {completeness.data && <CompletenessView c={completeness.data} />}
      <Table<Submission>
        rowKey="id"
        size="middle"
        data-testid="submissions-table"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1000 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <ReturnModal
        open={returning !== null}
        onClose={() => setReturning(null)}
        onSubmit={(reason) =>
          returning
            ? act.mutateAsync({ id: returning.id, action: 'return', version: returning.version, reason })
            : Promise.resolve()
        }
      />
    </Space>
  )
}

function CompletenessView({ c }: { c: Completeness }) {
  const { t } = useTranslation()
  type U = Completeness['units'][number]
  const columns: TableColumnsType<U> = [
    { title: t('statistics.sub.unit'), dataIndex: 'name', ellipsis: true },
    {
      title: t('statistics.sub.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: string) => (
        <Tag color={STATUS_COLOR[s]}>{t(`statistics.status.${s}` as 'statistics.status.draft')}</Tag>
      ),
    },
    { title: t('statistics.sub.firstSubmittedOn'), dataIndex: 'firstSubmittedOn', width: 120 },
    {
      title: t('statistics.sub.onTime'),
      dataIndex: 'onTime',
      width: 90,
      render: (v: boolean | null) =>
        v === null ? (
          ''
        ) : v ? (
          <Tag color="green">{t('statistics.sub.onTimeYes')}</Tag>
        ) : (
          <Tag color="red">{t('statistics.sub.onTimeNo')}</Tag>
        ),
    },
  ]
  return (
    <Card
      size="small"
      title={t('statistics.sub.completenessTitle', { period: c.period })}
      data-testid="completeness"
    >
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Row gutter={[12, 12]}>
            <Col span={12}>
              <Statistic title={t('statistics.sub.completeness')} value={percentText(c.completeness)} />
              <Typography.Text type="secondary">{`${c.approved} / ${c.expected}`}</Typography.Text>
            </Col>
            <Col span={12}>
              <Statistic title={t('statistics.sub.timeliness')} value={percentText(c.timeliness)} />
              <Typography.Text type="secondary">{`${c.onTime} / ${c.expected}`}</Typography.Text>
            </Col>
            <Col span={12}>
              <Statistic title={t('statistics.sub.expected')} value={c.expected} />
            </Col>
            <Col span={12}>
              <Statistic title={t('statistics.sub.dueOn')} value={c.dueOn ?? '—'} />
            </Col>
          </Row>
        </Col>
        <Col xs={24} lg={16}>
          <Table<U>
            rowKey="orgUnitId"
            size="small"
            columns={columns}
            dataSource={c.units}
            pagination={{ pageSize: 8, size: 'small' }}
          />
        </Col>
      </Row>
    </Card>
  )
}
