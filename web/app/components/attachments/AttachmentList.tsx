import { App, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../api'
import { useShowError } from '../../feedback'
import { VoidModal } from '../VoidModal'
import { AttachmentRow } from './AttachmentRow'
import { voidAttachment } from './files'
import type { Attachment } from './types'

interface Props {
  attachments: Attachment[]
  /** Whether this user may void files here; the server checks again. */
  canVoid?: boolean
  /** After a file was voided (the answer is the attachment): the owner refreshes its record. */
  onVoided?: (voided: Attachment) => void
  /** `${prefix}-download-${id}`, `${prefix}-void-${id}` …: journeys find files by these. */
  testIdPrefix?: string
  /** What shows when there are no files; nothing by default. */
  empty?: ReactNode
}

/**
 * The files of a record, any module: download (`GET /api/attachments/:id`, through fetch so a 403
 * shows as a message), and void with a reason. Voided files stay listed, struck through: they are
 * history, and still download.
 */
export function AttachmentList({
  attachments,
  canVoid,
  onVoided,
  testIdPrefix = 'attachment',
  empty,
}: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [voiding, setVoiding] = useState<Attachment | null>(null)

  if (attachments.length === 0)
    return empty ? (
      <Typography.Text type="secondary" data-testid={`${testIdPrefix}-empty`}>
        {empty}
      </Typography.Text>
    ) : null

  return (
    <div data-testid={`${testIdPrefix}-list`}>
      {attachments.map((a) => (
        <AttachmentRow
          key={a.id}
          attachment={a}
          testIdPrefix={testIdPrefix}
          onDownload={() =>
            void download(`/api/attachments/${a.id}`, undefined, a.filename).catch((err: unknown) =>
              showError(err),
            )
          }
          onVoid={canVoid && a.voidedAt === null ? () => setVoiding(a) : undefined}
        />
      ))}
      <VoidModal
        open={voiding !== null}
        name={voiding?.filename ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={async (reason) => {
          if (!voiding) return
          const voided = await voidAttachment(voiding.id, reason)
          message.success(t('common.voidDone'))
          onVoided?.(voided)
        }}
      />
    </div>
  )
}
