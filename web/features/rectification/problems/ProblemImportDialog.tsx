import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { App, Button, Modal, Space, Typography, Upload } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import type { Id } from '../../../app/types'
import { JobProgress } from '../../jobs/JobProgress'
import { isDone, useJob, useUploadJob } from '../../jobs/queries'
import { useRefreshRectification } from '../queries'

interface ImportResult {
  created?: number
  updated?: number
  unchanged?: number
}

export const downloadTemplate = () =>
  download('/api/rectification/import-template.xlsx', undefined, 'problems-template.xlsx')

/**
 * A problem list kept in Excel comes in all at once or not at all: the job either imports every
 * row or stops with an error report naming each bad cell, to fix and upload again.
 */
export function ProblemImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const refresh = useRefreshRectification()
  const upload = useUploadJob('/api/rectification/import')
  const [jobId, setJobId] = useState<Id | null>(null)
  const job = useJob(jobId)

  const succeeded = job.data?.status === 'succeeded'
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh once per finished job
  useEffect(() => {
    if (succeeded) void refresh()
  }, [succeeded])

  const reset = () => {
    setJobId(null)
    upload.reset()
  }
  const close = () => {
    reset()
    onClose()
  }
  const start = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      message.error(t('jobs.onlyXlsx'))
      return
    }
    upload.mutate(file, { onSuccess: (j) => setJobId(j.id), onError: (err) => showError(err) })
  }

  const running = upload.isPending || (jobId !== null && !isDone(job.data))
  return (
    <Modal
      open={open}
      title={t('rectification.importTitle')}
      onCancel={close}
      footer={null}
      mask={{ closable: !running }}
      destroyOnHidden
    >
      {jobId === null ? (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-upload">
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              start(file)
              return false
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{upload.isPending ? t('jobs.uploading') : t('jobs.chooseFile')}</p>
            <p className="ant-upload-hint">{t('rectification.importHint')}</p>
          </Upload.Dragger>
          <Button
            type="link"
            icon={<DownloadOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() => downloadTemplate().catch((err: unknown) => showError(err))}
          >
            {t('rectification.template')}
          </Button>
        </Space>
      ) : job.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <JobProgress
            job={job.data}
            renderResult={(r) => {
              const res = (r ?? {}) as ImportResult
              return t('rectification.importResult', {
                created: res.created ?? 0,
                updated: res.updated ?? 0,
                unchanged: res.unchanged ?? 0,
              })
            }}
          />
          {isDone(job.data) && (
            <Button data-testid="import-again" onClick={reset}>
              {t('jobs.again')}
            </Button>
          )}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('jobs.queued')}</Typography.Text>
      )}
    </Modal>
  )
}
