import { InboxOutlined } from '@ant-design/icons'
import { App, Form, Input, Modal, Select, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { fileSize } from '../format'
import { useUploadEvidence } from '../queries'
import type { ProblemDetail } from '../types'

/** What the server accepts (domain/rectification/evidence.ts checks extension and content). */
const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png'

interface Props {
  problem: ProblemDetail
  open: boolean
  onClose: () => void
}

export function EvidenceUploadModal({ problem, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<{ note?: string; measureId?: number }>()
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const upload = useUploadEvidence()

  const close = () => {
    setFile(null)
    setFileError(null)
    onClose()
  }

  const submit = (v: { note?: string; measureId?: number }) => {
    if (!file) {
      setFileError(t('rectification.evidence.chooseFirst'))
      return
    }
    upload.mutate(
      { problemId: problem.id, file, note: v.note?.trim() ?? '', measureId: v.measureId },
      {
        onSuccess: () => {
          message.success(t('rectification.evidence.uploadedOk', { name: file.name }))
          close()
        },
        onError: (err) => {
          // The file's own refusals (type, content, size) belong under the file picker.
          if (err instanceof ApiError && err.fields.some((f) => f.field === 'file')) {
            setFileError(err.fields.find((f) => f.field === 'file')?.message ?? err.message)
            return
          }
          if (err instanceof ApiError && [413, 415].includes(err.status)) {
            setFileError(err.message)
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
      title={t('rectification.evidence.uploadTitle', { code: problem.code })}
      okText={t('rectification.evidence.upload')}
      okButtonProps={{ loading: upload.isPending, ...{ 'data-testid': 'evidence-submit' } }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item
          label={t('rectification.evidence.file')}
          required
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? t('rectification.evidence.accepted')}
        >
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f)
              setFileError(null)
              // Kept until "upload": the note and the measure go with it.
              return false
            }}
            data-testid="evidence-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {file ? (
                <Typography.Text strong data-testid="evidence-chosen">
                  {t('rectification.fmt.sized', { name: file.name, size: fileSize(file.size) })}
                </Typography.Text>
              ) : (
                t('rectification.evidence.choose')
              )}
            </p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="note" label={t('rectification.evidence.note')}>
          <Input.TextArea data-testid="evidence-note" rows={2} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="measureId" label={t('rectification.evidence.measure')}>
          <Select
            allowClear
            data-testid="evidence-measure"
            placeholder={t('rectification.evidence.measureNone')}
            options={problem.measures
              .filter((m) => !m.voided)
              .map((m) => ({ value: m.id, label: `#${m.seq} ${m.content}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
