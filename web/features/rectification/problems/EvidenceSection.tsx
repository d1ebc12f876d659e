import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { atMinute, fileSize } from '../format'
import { useVoidEvidence } from '../queries'
import type { Evidence, ProblemDetail } from '../types'
import { EvidenceUploadModal } from './EvidenceUploadModal'

interface Props {
  detail: ProblemDetail
  /** Writers, until the problem is signed off (it keeps the evidence it was signed off on). */
  editable: boolean
}

/** 整改佐证: the files the reviewer signs off on, each with its size and SHA-256. */
export function EvidenceSection({ detail: d, editable }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const voidEvidence = useVoidEvidence()
  const [uploading, setUploading] = useState(false)
  const [voiding, setVoiding] = useState<Evidence | null>(null)
  const seqOf = (measureId: number | null) => d.measures.find((m) => m.id === measureId)?.seq

  const columns: TableColumnsType<Evidence> = [
    {
      title: t('rectification.evidence.file'),
      dataIndex: 'filename',
      render: (name: string, e) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link
            delete={e.voided}
            data-testid={`evidence-download-${e.id}`}
            onClick={() => download(`/api/rectification/evidence/${e.id}`, undefined, name).catch(showError)}
          >
            <DownloadOutlined /> {name}
          </Typography.Link>
          {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('rectification.evidence.type'),
      dataIndex: 'fileType',
      width: 70,
      render: (v: string) => <Tag>{v.toUpperCase()}</Tag>,
    },
    { title: t('rectification.evidence.size'), dataIndex: 'size', width: 90, render: fileSize },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      width: 150,
      render: (h: string) => (
        // The whole hash is what one compares against a copy; the cell shows its start.
        <Typography.Text code copyable={{ text: h }} title={h} style={{ fontSize: 12 }}>
          {h.slice(0, 12)}…
        </Typography.Text>
      ),
    },
    {
      title: t('rectification.evidence.measure'),
      dataIndex: 'measureId',
      width: 90,
      render: (id: number | null) => (seqOf(id) ? `#${seqOf(id)}` : '—'),
    },
    {
      title: t('rectification.evidence.uploaded'),
      key: 'uploaded',
      width: 170,
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.uploadedBy}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {atMinute(e.uploadedAt)}
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
      render: (_, e) =>
        e.voided ? (
          <Tag>{t('common.voided')}</Tag>
        ) : (
          <Button
            type="link"
            size="small"
            danger
            onClick={() => setVoiding(e)}
            data-testid={`evidence-void-${e.id}`}
          >
            {t('common.void')}
          </Button>
        ),
    })

  return (
    <div data-testid="problem-evidence">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('rectification.evidence.title')}
        </Typography.Title>
        {editable && (
          <Button
            size="small"
            icon={<UploadOutlined />}
            onClick={() => setUploading(true)}
            data-testid="evidence-upload"
          >
            {t('rectification.evidence.upload')}
          </Button>
        )}
      </div>
      <Table<Evidence>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={d.evidence}
        pagination={false}
        locale={{ emptyText: t('rectification.evidence.empty') }}
        scroll={{ x: 'max-content' }}
      />
      <EvidenceUploadModal problem={d} open={uploading} onClose={() => setUploading(false)} />
      <VoidModal
        open={voiding !== null}
        name={voiding?.filename ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidEvidence
                .mutateAsync({ id: voiding.id, reason })
                .then(() => message.success(t('common.voidDone')))
            : Promise.resolve()
        }
      />
    </div>
  )
}
