import { PaperClipOutlined } from '@ant-design/icons'
import { Button, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { atMinute, fileSize } from './files'
import type { Attachment } from './types'

interface Props {
  attachment: Attachment
  testIdPrefix: string
  onDownload: () => void
  /** Absent when this user may not void it, or it is voided already. */
  onVoid?: () => void
}

/** One file: its name to download it, size, who and when; the SHA-256 shows on hovering the name. */
export function AttachmentRow({ attachment: a, testIdPrefix: p, onDownload, onVoid }: Props) {
  const { t } = useTranslation()
  const voided = a.voidedAt !== null
  const meta = [fileSize(a.sizeBytes), a.uploadedBy, atMinute(a.createdAt)].filter(Boolean).join(' · ')

  return (
    <div
      data-testid={`${p}-${a.id}`}
      data-voided={voided || undefined}
      style={{ display: 'flex', gap: 8, alignItems: 'flex-start', padding: '3px 0' }}
    >
      <PaperClipOutlined style={{ marginTop: 5, color: 'rgba(0,0,0,0.45)' }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Tooltip
          title={
            // The whole hash is what one compares against a copy kept elsewhere.
            <span style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
              SHA-256 {a.sha256}
            </span>
          }
        >
          <Typography.Link
            delete={voided}
            type={voided ? 'secondary' : undefined}
            data-testid={`${p}-download-${a.id}`}
            onClick={onDownload}
            style={{ wordBreak: 'break-all', marginInlineEnd: 8 }}
          >
            {a.filename}
          </Typography.Link>
        </Tooltip>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {meta}
        </Typography.Text>
        {a.note ? (
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
            {a.note}
          </Typography.Paragraph>
        ) : null}
        {voided && (
          <Typography.Paragraph
            type="danger"
            style={{ margin: 0, fontSize: 12 }}
            data-testid={`${p}-voided-${a.id}`}
          >
            {a.voidReason ? t('attachments.voidedBecause', { reason: a.voidReason }) : t('common.voided')}
          </Typography.Paragraph>
        )}
      </div>
      {onVoid && (
        <Button type="link" size="small" danger onClick={onVoid} data-testid={`${p}-void-${a.id}`}>
          {t('common.void')}
        </Button>
      )}
    </div>
  )
}
