import { Alert, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { scoreText } from '../format'
import { useSelT } from '../i18n'
import { useRoundSummary } from '../queries'
import type { Programme, SummaryRow } from '../types'

/** The round at a glance: each expert's total, the aggregate, a dispersion flag, who is still out. */
export function SummaryTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation()
  const st = useSelT()
  const summary = useRoundSummary(p.id, true)
  const s = (k: string, o?: Record<string, unknown>) => st(`summary.${k}`, o)
  const d = summary.data
  return (
    <>
      {d && (
        <Alert
          type={d.submitted === d.assignments && d.assignments > 0 ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="summary-progress"
          message={s('progress', { submitted: d.submitted, assignments: d.assignments })}
        />
      )}
      <Table<SummaryRow>
        data-testid="summary-table"
        rowKey="applicationId"
        size="middle"
        loading={summary.isPending}
        dataSource={d?.rows ?? []}
        pagination={false}
        columns={[
          { title: t('selections.applications.title'), dataIndex: 'title' },
          { title: t('selections.applications.unit'), dataIndex: 'unit', width: 180 },
          {
            title: s('totals'),
            width: 280,
            render: (_, r) => (
              <Space size={[4, 4]} wrap>
                {r.experts.map((e) => (
                  <Tag key={e.assignmentId} color={e.total === null ? 'default' : 'blue'}>
                    {`${e.expert} ${scoreText(e.total)}`}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: s('score'),
            width: 180,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong data-testid={`summary-score-${r.applicationId}`}>
                  {scoreText(r.score)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {st(`aggregation.${r.method}`, { defaultValue: r.method })}
                  {r.dropped.length ? ` · ${s('dropped', { values: r.dropped.join('、') })}` : ''}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: s('spread'),
            width: 120,
            render: (_, r) => (
              <Space size={4}>
                <span>{scoreText(r.spread)}</span>
                {r.dispersed && (
                  <Tag color="red" data-testid={`summary-dispersed-${r.applicationId}`}>
                    {s('dispersed')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: s('notSubmitted'),
            width: 180,
            render: (_, r) =>
              r.notSubmitted.length ? (
                <Typography.Text type="warning">{r.notSubmitted.join('、')}</Typography.Text>
              ) : (
                <Typography.Text type="success">{s('allIn')}</Typography.Text>
              ),
          },
        ]}
      />
    </>
  )
}
