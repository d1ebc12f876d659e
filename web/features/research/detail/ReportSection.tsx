import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { atMinute, fileSize } from '../format'
import { useVoidFile } from '../queries'
import type { Attachment, TopicDetail } from '../types'
import { FileUploadModal } from './FileUploadModal'

/** 调研报告: the summary submitted with the report, and the files (the report itself, minutes …). */
export function ReportSection({ detail: d }: { detail: TopicDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const voidFile = useVoidFile()
  const [uploading, setUploading] = useState(false)
  const [voiding, setVoiding] = useState<Attachment | null>(null)
  const editable = d.canEdit && d.status !== 'concluded'

  const columns: TableColumnsType<Attachment> = [
    {
      title: t('research.report.file'),
      dataIndex: 'filename',
      render: (name: string, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link
            delete={a.voidedAt !== null}
            data-testid={`file-download-${a.id}`}
            onClick={() => download(`/api/attachments/${a.id}`, undefined, name).catch(showError)}
          >
            <DownloadOutlined /> {name}
          </Typography.Link>
          {a.note && <Typography.Text type="secondary">{a.note}</Typography.Text>}
          {a.voidReason && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('research.visits.voidedBecause', { reason: a.voidReason })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('research.report.size'), dataIndex: 'sizeBytes', width: 90, render: fileSize },
    {
      title: t('research.report.uploaded'),
      key: 'uploaded',
      width: 170,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>{a.uploadedBy}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {atMinute(a.createdAt)}
          </Typography.Text>
        </Space>
      ),
    },
  ]
  if (editable)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      render: (_, a) =>
        a.voidedAt ? (
          <Tag>{t('common.voided')}</Tag>
        ) : (
          <Button
            type="link"
            size="small"
            danger
            onClick={() => setVoiding(a)}
            data-testid={`file-void-${a.id}`}
          >
            {t('common.void')}
          </Button>
        ),
    })

  return (
    <div data-testid="topic-report">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('research.report.title')}
          {d.reportedOn && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 8 }}
            >
              {t('research.report.submittedOn', { date: d.reportedOn })}
            </Typography.Text>
          )}
        </Typography.Title>
        {editable && (
          <Button
            size="small"
            icon={<UploadOutlined />}
            onClick={() => setUploading(true)}
            data-testid="file-upload"
          >
            {t('research.report.upload')}
          </Button>
        )}
      </div>
      {d.reportSummary ? (
        <Typography.Paragraph
          data-testid="topic-report-text"
          style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: '8px 12px', borderRadius: 6 }}
        >
          {d.reportSummary}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('research.report.noSummary')}</Typography.Paragraph>
      )}
      {d.attachments.length > 0 ? (
        <Table<Attachment>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={d.attachments}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('research.report.noFiles')} />
      )}
      <FileUploadModal topic={d} open={uploading} onClose={() => setUploading(false)} />
      <VoidModal
        open={voiding !== null}
        name={voiding?.filename ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidFile
                .mutateAsync({ id: voiding.id, reason })
                .then(() => message.success(t('common.voidDone')))
            : Promise.resolve()
        }
      />
    </div>
  )
}
