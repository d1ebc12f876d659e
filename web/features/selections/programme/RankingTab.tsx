import { Alert, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { scoreText } from '../format'
import { useSelT } from '../i18n'
import { useRanking } from '../queries'
import { OutcomeTag } from '../StatusTag'
import type { Programme, RankingRow } from '../types'

/**
 * The ranking: live until the decision, then the frozen proposal. Applicants see it only once the
 * notice is out, and only the list (the server filters). A tie at the quota line is marked.
 */
export function RankingTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation()
  const st = useSelT()
  const ranking = useRanking(p.id, true)
  const r = (k: string, o?: Record<string, unknown>) => st(`ranking.${k}`, o)
  const d = ranking.data
  const overseer = p.viewerRole === 'overseer'
  const ties = (d?.rows ?? []).some((x) => x.outcome === 'tie_at_quota')
  return (
    <>
      {d && (
        <Alert
          type={ties ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="ranking-state"
          message={
            <>
              {d.frozen ? r('frozen', { n: d.decisionNo }) : r('live')}
              {' · '}
              {r(`rule.${d.rule.kind}`, { quota: d.rule.quota, passMark: d.rule.passMark })}
              {ties ? ` · ${r('tieHint')}` : ''}
            </>
          }
          description={overseer ? r('tieBreak') : undefined}
        />
      )}
      <Table<RankingRow>
        data-testid="ranking-table"
        rowKey="applicationId"
        size="middle"
        loading={ranking.isPending}
        dataSource={d?.rows ?? []}
        pagination={false}
        rowClassName={(x) => (x.outcome === 'tie_at_quota' ? 'ant-table-row-selected' : '')}
        columns={[
          { title: r('rank'), dataIndex: 'rank', width: 70 },
          { title: t('selections.applications.unit'), dataIndex: 'unit', width: 200 },
          { title: t('selections.applications.title'), dataIndex: 'title' },
          {
            title: r('score'),
            dataIndex: 'score',
            width: 90,
            render: (x: number | null, row) => (
              <Typography.Text strong data-testid={`ranking-score-${row.applicationId}`}>
                {scoreText(x)}
              </Typography.Text>
            ),
          },
          ...(overseer
            ? [
                {
                  title: r('heaviest'),
                  dataIndex: 'heaviest',
                  width: 130,
                  render: (x: number | null) => scoreText(x),
                },
                {
                  title: r('median'),
                  dataIndex: 'median',
                  width: 130,
                  render: (x: number | null) => scoreText(x),
                },
                { title: r('experts'), dataIndex: 'experts', width: 80 },
              ]
            : []),
          {
            title: r('outcome'),
            width: 150,
            render: (_: unknown, x: RankingRow) => <OutcomeTag outcome={x.finalOutcome} />,
          },
        ]}
      />
    </>
  )
}
