import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Space, Tooltip, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { fileSize } from '../labels'
import { useVoidAttachment } from '../queries'
import type { Attachment, ProgressNote, TaskDetail } from '../types'
import { useAttachFiles } from './useAttachFiles'

/**
 * The files of one progress note: download, void with a reason, add more. Shown once the server
 * sends `attachments` on notes (older servers do not store them).
 */
export function NoteAttachments({ task, note }: { task: TaskDetail; note: ProgressNote }) {
  const { t } = useTranslation()
  const showError = useShowError()
  const attach = useAttachFiles()
  const voidAttachment = useVoidAttachment()
  const [voiding, setVoiding] = useState<Attachment | null>(null)
  const [busy, setBusy] = useState(false)
  if (note.attachments === undefined) return null
  const live = note.attachments.filter((a) => a.voidedAt === null)

  return (
    <div data-testid={`note-attachments-${note.id}`}>
      {live.map((a) => (
        <Space key={a.id} size={4} style={{ display: 'flex' }}>
          <PaperClipOutlined />
          <Typography.Link
            data-testid={`attachment-${a.id}`}
            onClick={() =>
              download(`/api/attachments/${a.id}`, undefined, a.filename).catch((err: unknown) =>
                showError(err),
              )
            }
          >
            {a.filename}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fileSize(a.sizeBytes)}
          </Typography.Text>
          {task.canReport && (
            <Tooltip title={t('common.void')}>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => setVoiding(a)}
              />
            </Tooltip>
          )}
        </Space>
      ))}
      {task.canReport && (
        <Upload
          multiple
          showUploadList={false}
          beforeUpload={(_file, list) => {
            // antd calls this once per file with the whole batch: upload the batch once.
            if (_file === list[0]) {
              setBusy(true)
              void attach(note.id, list).finally(() => setBusy(false))
            }
            return false
          }}
        >
          <Button
            size="small"
            type="link"
            icon={<UploadOutlined />}
            loading={busy}
            data-testid={`note-attach-${note.id}`}
          >
            {t('supervision.addAttachment')}
          </Button>
        </Upload>
      )}
      <VoidModal
        open={voiding !== null}
        name={voiding?.filename ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding ? voidAttachment.mutateAsync({ id: voiding.id, reason }) : Promise.resolve()
        }
      />
    </div>
  )
}
