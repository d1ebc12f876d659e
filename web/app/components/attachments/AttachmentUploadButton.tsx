import { UploadOutlined } from '@ant-design/icons'
import { Button, type ButtonProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AttachmentUploadModal, type UploadTarget } from './AttachmentUploadModal'

interface Props<T> extends UploadTarget<T> {
  /** The dialog's title, e.g. "上传附件 · DY2026001". */
  title: string
  /** The button's text; "上传附件" by default. */
  label?: string
  /** Size and look of the button (`type: 'link'` inside a table cell, say). */
  buttonProps?: ButtonProps
}

/** A button that opens the upload dialog; `${testIdPrefix}-upload` is the button. */
export function AttachmentUploadButton<T>({ title, label, buttonProps, ...target }: Props<T>) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const p = target.testIdPrefix ?? 'attachment'
  return (
    <>
      <Button
        size="small"
        icon={<UploadOutlined />}
        {...buttonProps}
        onClick={() => setOpen(true)}
        data-testid={`${p}-upload`}
      >
        {label ?? t('attachments.upload')}
      </Button>
      <AttachmentUploadModal<T> {...target} open={open} title={title} onClose={() => setOpen(false)} />
    </>
  )
}
