import { Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSupervisionLabels } from '../labels'
import { useNotices } from '../queries'
import type { Notice } from '../types'
import { NoticeViewModal } from './NoticeViewModal'

/** Supervision notices sent (督办通知), newest first; each opens as a printable document. */
export function NoticesTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const labels = useSupervisionLabels()
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [viewing, setViewing] = useState<number | null>(null)
  const notices = useNotices(paging.page, paging.pageSize)

  return (
    <>
      <Typography.Paragraph type="secondary">{t('supervision.notice.hint')}</Typography.Paragraph>
      <Table<Notice>
        data-testid="notice-table"
        size="small"
        rowKey="id"
        loading={notices.isFetching}
        dataSource={notices.data?.items ?? []}
        locale={{ emptyText: t('supervision.notice.none') }}
        onRow={(n) => ({
          ...{ 'data-testid': `notice-row-${n.id}` },
          onClick: () => setViewing(n.id),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: t('supervision.notice.no'),
            dataIndex: 'noticeNo',
            width: 150,
            render: (v: string) => <Typography.Link>{v}</Typography.Link>,
          },
          { title: t('supervision.notice.unit'), dataIndex: 'unit', width: 160 },
          {
            title: t('supervision.field.escalation'),
            dataIndex: 'level',
            width: 130,
            render: (l: number) =>
              l > 0 ? <Tag color={l === 2 ? 'red' : 'orange'}>{labels.escalation(l)}</Tag> : '—',
          },
          {
            title: t('supervision.notice.taskCount'),
            key: 'tasks',
            width: 90,
            render: (_, n) => n.tasks.length,
          },
          { title: t('supervision.notice.replyBy'), dataIndex: 'replyBy', width: 110 },
          { title: t('supervision.notice.issuedBy'), dataIndex: 'createdBy', width: 110 },
          {
            title: t('supervision.notice.issuedAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
        ]}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: notices.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <NoticeViewModal
        noticeId={viewing}
        onClose={() => setViewing(null)}
        onOpen={(id) => {
          setViewing(null)
          onOpen(id)
        }}
      />
    </>
  )
}
