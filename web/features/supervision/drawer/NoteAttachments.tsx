import { useTranslation } from 'react-i18next'
import { AttachmentList } from '../../../app/components/attachments/AttachmentList'
import { AttachmentUploadButton } from '../../../app/components/attachments/AttachmentUploadButton'
import { useRefreshSupervision } from '../queries'
import type { ProgressNote, TaskDetail } from '../types'

/**
 * The files of one progress note: download, void with a reason, add more. Shown once the server
 * sends `attachments` on notes (older servers do not store them).
 */
export function NoteAttachments({ task, note }: { task: TaskDetail; note: ProgressNote }) {
  const { t } = useTranslation()
  const refresh = useRefreshSupervision()
  if (note.attachments === undefined) return null
  // Several notes share the drawer: their test ids carry the note.
  const prefix = `note-${note.id}-file`

  return (
    <div data-testid={`note-attachments-${note.id}`} style={{ marginTop: 4 }}>
      <AttachmentList
        attachments={note.attachments}
        canVoid={task.canReport}
        onVoided={() => void refresh()}
        testIdPrefix={prefix}
      />
      {task.canReport && (
        <AttachmentUploadButton<TaskDetail>
          url={`/api/supervision/progress/${note.id}/attachments`}
          title={t('attachments.uploadTitle', { name: `${note.on} ${note.unit}` })}
          label={t('supervision.addAttachment')}
          buttonProps={{ type: 'link', style: { paddingInline: 0 } }}
          testIdPrefix={prefix}
          onUploaded={() => void refresh()}
        />
      )}
    </div>
  )
}
