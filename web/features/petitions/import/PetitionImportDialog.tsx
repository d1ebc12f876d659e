import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { App, Button, Modal, Space, Steps, Typography, Upload } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import type { Id } from '../../../app/types'
import { JobProgress } from '../../jobs/JobProgress'
import { isDone, useJob } from '../../jobs/queries'
import { useRefreshPetitions } from '../queries'
import type { ImportMapping, ImportPreview } from '../types'
import { ColumnMapping } from './ColumnMapping'
import { usePreviewImport, useStartImport } from './queries'
import { ValueMapping } from './ValueMapping'

interface Props {
  open: boolean
  onClose: () => void
}

interface ImportResult {
  created?: number
  updated?: number
  unchanged?: number
  rows?: number
}

/**
 * Ledgers kept by hand have their own column headings and their own words for categories, so an
 * import first shows how the server read the file and lets the user correct it, then runs the job.
 */
export function PetitionImportDialog({ open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const refresh = useRefreshPetitions()
  const preview = usePreviewImport()
  const start = useStartImport()
  const [file, setFile] = useState<File | null>(null)
  const [mapping, setMapping] = useState<ImportMapping | null>(null)
  const [jobId, setJobId] = useState<Id | null>(null)
  const job = useJob(jobId)

  const succeeded = job.data?.status === 'succeeded'
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh once per finished job
  useEffect(() => {
    if (succeeded) void refresh()
  }, [succeeded])

  const reset = () => {
    setFile(null)
    setMapping(null)
    setJobId(null)
    preview.reset()
    start.reset()
  }
  const close = () => {
    reset()
    onClose()
  }

  const choose = (f: File) => {
    if (!f.name.toLowerCase().endsWith('.xlsx')) {
      message.error(t('jobs.onlyXlsx'))
      return
    }
    preview.mutate(f, {
      onSuccess: (p) => {
        setFile(f)
        setMapping(p.mapping)
      },
      onError: (err) => showError(err),
    })
  }

  const run = () => {
    if (!file || !mapping) return
    start.mutate({ file, mapping }, { onSuccess: (j) => setJobId(j.id), onError: (err) => showError(err) })
  }

  const step = jobId !== null ? 2 : mapping ? 1 : 0
  const running = preview.isPending || start.isPending || (jobId !== null && !isDone(job.data))
  const p: ImportPreview | undefined = preview.data

  return (
    <Modal
      open={open}
      title={t('petitions.import.title')}
      onCancel={close}
      mask={{ closable: !running }}
      width={step === 1 ? 900 : 560}
      destroyOnHidden
      footer={
        step === 1 ? (
          <Space>
            <Button onClick={reset}>{t('jobs.again')}</Button>
            <Button type="primary" loading={start.isPending} onClick={run} data-testid="import-start">
              {t('petitions.import.start')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('petitions.import.stepUpload') },
          { title: t('petitions.import.stepMapping') },
          { title: t('petitions.import.stepRun') },
        ]}
      />
      {step === 0 && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-upload">
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={preview.isPending}
            beforeUpload={(f) => {
              choose(f)
              return false
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {preview.isPending ? t('jobs.uploading') : t('jobs.chooseFile')}
            </p>
            <p className="ant-upload-hint">{t('petitions.import.hint')}</p>
          </Upload.Dragger>
          <Button
            type="link"
            icon={<DownloadOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() =>
              download(
                '/api/petitions/import-template.xlsx',
                undefined,
                'petition-cases-template.xlsx',
              ).catch((err: unknown) => showError(err))
            }
          >
            {t('org.template')}
          </Button>
        </Space>
      )}
      {step === 1 && p && mapping && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <div>
            <Typography.Title level={5}>{t('petitions.import.columnsTitle')}</Typography.Title>
            <ColumnMapping
              preview={p}
              mapping={mapping}
              onChange={(columns) => setMapping({ ...mapping, columns })}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('petitions.import.valuesTitle')}</Typography.Title>
            <ValueMapping
              preview={p}
              mapping={mapping}
              onChange={(patch) => setMapping({ ...mapping, ...patch })}
            />
          </div>
        </Space>
      )}
      {step === 2 && job.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <JobProgress
            job={job.data}
            renderResult={(r) => {
              const res = (r ?? {}) as ImportResult
              return t('jobs.importResult', {
                created: res.created ?? 0,
                updated: res.updated ?? 0,
                unchanged: res.unchanged ?? 0,
                rows: res.rows ?? 0,
              })
            }}
          />
          {isDone(job.data) && (
            <Button data-testid="import-again" onClick={reset}>
              {t('jobs.again')}
            </Button>
          )}
        </Space>
      )}
    </Modal>
  )
}
