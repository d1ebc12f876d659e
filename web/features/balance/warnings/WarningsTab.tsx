import { CheckCircleOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Space, Table, type TableColumnsType, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { ProblemDrawer } from '../../rectification/problems/ProblemDrawer'
import { canConvertWarnings } from '../access'
import { ChangeCell } from '../coefficients/cells'
import { YearPicker } from '../common/YearPicker'
import { cvText } from '../format'
import { useWarnings } from '../queries'
import type { Warning } from '../types'
import { ConvertModal } from './ConvertModal'

const keyOf = (w: Warning) => `${w.countyId}:${w.stage}`

/** 预警: counties whose composite rose; each becomes a rectification problem once, then links to it. */
export function WarningsTab({ year, onYear }: { year: number | undefined; onYear: (y: number) => void }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const canConvert = canConvertWarnings(user?.role)
  const q = useWarnings(year)
  const [converting, setConverting] = useState<Warning | null>(null)
  const [problemId, setProblemId] = useState<number | null>(null)
  const items = q.data?.items ?? []

  const columns: TableColumnsType<Warning> = [
    { key: 'county', title: t('balance.coef.county'), dataIndex: 'county', width: 140 },
    { key: 'city', title: t('balance.coef.city'), dataIndex: 'city', width: 110 },
    {
      key: 'stage',
      title: t('balance.stage'),
      width: 90,
      render: (_: unknown, w) => t(`balance.stages.${w.stage}`),
    },
    {
      key: 'previous',
      title: `${t('balance.warn.previous')}（${w0(q.data?.year, -1)}）`,
      align: 'right',
      render: (_: unknown, w) => cvText(w.previous),
    },
    {
      key: 'current',
      title: `${t('balance.warn.current')}（${w0(q.data?.year, 0)}）`,
      align: 'right',
      render: (_: unknown, w) => cvText(w.composite),
    },
    {
      key: 'change',
      title: t('balance.coef.change'),
      align: 'right',
      render: (_: unknown, w) => <ChangeCell change={w.change} />,
    },
    {
      key: 'problem',
      title: t('balance.warn.problem'),
      width: 280,
      render: (_: unknown, w) =>
        w.problem ? (
          <Space size={4} data-testid={`warning-problem-${keyOf(w)}`}>
            <Tag icon={<CheckCircleOutlined />} color={w.problem.voided ? 'default' : 'success'}>
              {t('balance.warn.converted')}
            </Tag>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              data-testid={`warning-open-${keyOf(w)}`}
              onClick={() => setProblemId(w.problem?.id ?? null)}
            >
              {w.problem.code}
            </Button>
          </Space>
        ) : canConvert ? (
          <Button size="small" data-testid={`warning-convert-${keyOf(w)}`} onClick={() => setConverting(w)}>
            {t('balance.warn.convert')}
          </Button>
        ) : (
          '—'
        ),
    },
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <YearPicker value={year} onChange={onYear} data-testid="warnings-year" />
      <Alert type="info" showIcon title={t('balance.warn.intro')} />
      {q.data && items.length === 0 && !q.isFetching ? (
        <Empty description={t('balance.warn.none', { year: q.data.year })} />
      ) : (
        <Table<Warning>
          rowKey={keyOf}
          size="middle"
          data-testid="warnings-table"
          columns={columns}
          dataSource={items}
          loading={q.isFetching}
          pagination={false}
        />
      )}
      <ConvertModal warning={converting} onClose={() => setConverting(null)} />
      <ProblemDrawer problemId={problemId} onClose={() => setProblemId(null)} />
    </Space>
  )
}

/** The year a column compares, once the list has answered. */
const w0 = (year: number | undefined, delta: number) => (year === undefined ? '' : String(year + delta))
