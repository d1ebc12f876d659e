import { InboxOutlined } from '@ant-design/icons'
import { App, Form, Input, Modal, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api'
import { useShowError } from '../../feedback'
import {
  acceptOf,
  DEFAULT_MAX_BYTES,
  DOCUMENT_EXTENSIONS,
  fileProblem,
  fileSize,
  uploadAttachment,
} from './files'
import { useFileProblemText } from './useFileProblemText'

export interface UploadTarget<T> {
  /** The owning module's upload route, e.g. `/api/research/topics/7/attachments`. */
  url: string
  /** Called with the route's answer (usually the owner record) once the file is stored. */
  onUploaded?: (answer: T) => void
  /** Extensions without the dot; the server's allow-list by default. */
  extensions?: readonly string[]
  maxBytes?: number
  /** `${prefix}-picker`, `${prefix}-chosen`, `${prefix}-note`, `${prefix}-submit`. */
  testIdPrefix?: string
}

interface Props<T> extends UploadTarget<T> {
  open: boolean
  title: string
  onClose: () => void
}

/**
 * Adds one file, with an optional note, to a record. The file is checked (type, size) when picked;
 * what the server still refuses (content, type, size) shows under the picker, other refusals as
 * the app shows them. The file is sent on "upload", not on pick, so the note goes with it.
 */
export function AttachmentUploadModal<T>(props: Props<T>) {
  const { open, title, onClose, url, onUploaded, testIdPrefix: p = 'attachment' } = props
  const extensions = props.extensions ?? DOCUMENT_EXTENSIONS
  const maxBytes = props.maxBytes ?? DEFAULT_MAX_BYTES
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const problemText = useFileProblemText(extensions, maxBytes)
  const [form] = Form.useForm<{ note?: string }>()
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const close = () => {
    setFile(null)
    setFileError(null)
    onClose()
  }

  const submit = async ({ note }: { note?: string }) => {
    if (!file) return setFileError(t('attachments.chooseFirst'))
    setBusy(true)
    try {
      const answer = await uploadAttachment<T>(url, file, note?.trim())
      message.success(t('attachments.uploadedOk', { name: file.name }))
      onUploaded?.(answer)
      close()
    } catch (err) {
      // The file's own refusals belong under the picker; the rest (403, 404 …) as usual.
      if (
        err instanceof ApiError &&
        (err.fields.some((f) => f.field === 'file') || [413, 415].includes(err.status))
      )
        setFileError(err.fields.find((f) => f.field === 'file')?.message ?? err.message)
      else showError(err, { form })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={t('attachments.submit')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': `${p}-submit` } }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('attachments.file')}
          required
          validateStatus={fileError ? 'error' : undefined}
          help={
            <span data-testid={fileError ? `${p}-error` : undefined}>{fileError ?? problemText.hint}</span>
          }
        >
          <Upload.Dragger
            accept={acceptOf(extensions)}
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              const problem = fileProblem(f, extensions, maxBytes)
              setFile(problem ? null : f)
              setFileError(problem ? problemText.of(problem, f) : null)
              // Never antd's own request: the file goes on "upload" through the API client.
              return false
            }}
            data-testid={`${p}-picker`}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {file ? (
                <Typography.Text strong data-testid={`${p}-chosen`}>
                  {t('attachments.sized', { name: file.name, size: fileSize(file.size) })}
                </Typography.Text>
              ) : (
                t('attachments.choose')
              )}
            </p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="note" label={t('attachments.note')}>
          <Input.TextArea data-testid={`${p}-note`} rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
