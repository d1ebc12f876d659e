import { InboxOutlined } from '@ant-design/icons'
import { App, Form, Input, Modal, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { fileSize } from '../format'
import { useUploadTopicFile } from '../queries'
import type { TopicDetail } from '../types'

/** What the server accepts (domain/files/allow-list.ts checks extension and content). */
const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png'

interface Props {
  topic: TopicDetail
  open: boolean
  onClose: () => void
}

/** Adds a file to the topic's report: the file's own refusals (type, content, size) show under the picker. */
export function FileUploadModal({ topic, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<{ note?: string }>()
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const upload = useUploadTopicFile()

  const close = () => {
    setFile(null)
    setFileError(null)
    onClose()
  }

  const submit = (v: { note?: string }) => {
    if (!file) {
      setFileError(t('research.report.chooseFirst'))
      return
    }
    upload.mutate(
      { topicId: topic.id, file, note: v.note?.trim() ?? '' },
      {
        onSuccess: () => {
          message.success(t('research.report.uploadedOk', { name: file.name }))
          close()
        },
        onError: (err) => {
          if (
            err instanceof ApiError &&
            (err.fields.some((f) => f.field === 'file') || [413, 415].includes(err.status))
          ) {
            setFileError(err.fields.find((f) => f.field === 'file')?.message ?? err.message)
            return
          }
          showError(err, { form })
        },
      },
    )
  }

  return (
    <Modal
      open={open}
      title={t('research.report.uploadTitle', { code: topic.code })}
      okText={t('research.report.upload')}
      okButtonProps={{ loading: upload.isPending, ...{ 'data-testid': 'file-submit' } }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item
          label={t('research.report.file')}
          required
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? t('research.report.accepted')}
        >
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f)
              setFileError(null)
              // Kept until "upload": the note goes with it.
              return false
            }}
            data-testid="file-picker"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {file ? (
                <Typography.Text strong data-testid="file-chosen">
                  {file.name}（{fileSize(file.size)}）
                </Typography.Text>
              ) : (
                t('research.report.choose')
              )}
            </p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="note" label={t('research.report.note')}>
          <Input.TextArea data-testid="file-note" rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
