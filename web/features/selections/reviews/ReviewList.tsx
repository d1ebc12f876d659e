import { Button, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { atMinute, scoreText } from '../format'
import { useSelT } from '../i18n'
import { useReviews } from '../queries'
import type { ReviewSummary } from '../types'

/** The expert's own assignments; under blind review the applicant's name is not there to show. */
export function ReviewList({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const st = useSelT()
  const reviews = useReviews()
  // What is still to score comes first; then the newest programmes (history piles up over years).
  const rows = [...(reviews.data ?? [])].sort(
    (a, b) =>
      Number(a.status === 'submitted') - Number(b.status === 'submitted') ||
      b.programmeId - a.programmeId ||
      a.id - b.id,
  )
  const r = (k: string) => st(`review.${k}`)
  return (
    <>
      <Typography.Title level={5}>{r('title')}</Typography.Title>
      <Table<ReviewSummary>
        data-testid="review-table"
        rowKey="id"
        size="middle"
        loading={reviews.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: r('empty') }}
        columns={[
          {
            title: r('programme'),
            render: (_, x) => `${x.programme}${x.batch ? `（${x.batch}）` : ''}`,
          },
          { title: t('selections.applications.title'), dataIndex: 'title' },
          {
            title: t('selections.applications.field'),
            dataIndex: 'field',
            width: 110,
            render: (f) => f ?? '—',
          },
          {
            title: r('applicant'),
            width: 200,
            render: (_, x) => (x.blind ? <Tag>{r('blind')}</Tag> : x.applicant),
          },
          {
            title: t('selections.field.status'),
            width: 170,
            render: (_, x) =>
              x.status === 'submitted' ? (
                <Tag color="green">{`${scoreText(x.total)} · ${atMinute(x.submittedAt)}`}</Tag>
              ) : (
                <Tag color="blue">{r('pending')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            width: 90,
            render: (_, x) => (
              <Button
                size="small"
                type="primary"
                ghost
                data-testid={`review-open-${x.applicationId}`}
                onClick={() => onOpen(x.id)}
              >
                {x.status === 'submitted' ? r('view') : r('open')}
              </Button>
            ),
          },
        ]}
      />
    </>
  )
}
