import { PrinterOutlined } from '@ant-design/icons'
import { Button, Descriptions, Modal, Space, Spin, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../queries'
import type { Notice } from '../types'
import { NoticeDocument, printNotice } from './NoticeDocument'

interface Props {
  noticeId: number | null
  onClose: () => void
  onOpen: (taskId: number) => void
}

/** One notice as sent: the document, the tasks it named (as they stood then), and a print button. */
export function NoticeViewModal({ noticeId, onClose, onOpen }: Props) {
  const { t } = useTranslation()
  const q = useNotice(noticeId)
  const n = q.data

  return (
    <Modal
      open={noticeId !== null}
      title={n ? n.noticeNo : t('app.loading')}
      width={880}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!n}
            onClick={() => n && printNotice(n)}
            data-testid="notice-print"
          >
            {t('supervision.notice.print')}
          </Button>
        </Space>
      }
    >
      {!n ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('supervision.notice.unit')}>{n.unit}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.notice.replyBy')}>{n.replyBy}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.notice.issued')}>
              {n.createdBy} · {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
          </Descriptions>
          <NoticeDocument notice={n} />
          <Typography.Text strong>{t('supervision.notice.tasks')}</Typography.Text>
          <Table<Notice['tasks'][number]>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={n.tasks}
            onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('supervision.field.title'),
                dataIndex: 'title',
                render: (v: string) => <Typography.Link>{v}</Typography.Link>,
              },
              { title: t('supervision.field.deadline'), dataIndex: 'deadline', width: 110 },
              {
                title: t('supervision.notice.daysOverdueThen'),
                dataIndex: 'daysOverdue',
                width: 130,
                render: (d: number) => (d > 0 ? t('supervision.days', { count: d }) : '—'),
              },
            ]}
          />
        </Space>
      )}
    </Modal>
  )
}
