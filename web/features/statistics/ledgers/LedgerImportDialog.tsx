import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { App, Button, Modal, Space, Steps, Upload } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import type { Id } from '../../../app/types'
import { JobProgress } from '../../jobs/JobProgress'
import { isDone, useJob } from '../../jobs/queries'
import { useBilingual } from '../format'
import { usePreviewImport, useStartImport } from '../queries'
import type { ImportMapping, LedgerDefinition } from '../types'
import { ImportMappingView } from './ImportMappingView'

interface Props {
  ledger: LedgerDefinition
  open: boolean
  onClose: () => void
  onSucceeded: () => void
}

interface ImportResult {
  created?: number
  updated?: number
  unchanged?: number
}

/**
 * Bureaus keep ledgers in their own sheets: the file is read first (header row, each column's
 * field, money units, sample rows with their problems), the user corrects the mapping (the preview
 * is asked again with it), then the job runs all-or-nothing and reports by row and column.
 */
export function LedgerImportDialog({ ledger, open, onClose, onSucceeded }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const name = useBilingual()
  const showError = useShowError()
  const preview = usePreviewImport(ledger.key)
  const start = useStartImport(ledger.key)
  const [file, setFile] = useState<File | null>(null)
  const [mapping, setMapping] = useState<ImportMapping | null>(null)
  const [jobId, setJobId] = useState<Id | null>(null)
  const job = useJob(jobId)

  const succeeded = job.data?.status === 'succeeded'
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh once per finished job
  useEffect(() => {
    if (succeeded) onSucceeded()
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

  const read = (f: File, m: ImportMapping | null) =>
    preview.mutate(
      { file: f, mapping: m },
      {
        onSuccess: (p) => {
          setFile(f)
          setMapping(p.mapping)
        },
        onError: (err) => showError(err),
      },
    )

  const choose = (f: File) => {
    if (!f.name.toLowerCase().endsWith('.xlsx')) {
      message.error(t('jobs.onlyXlsx'))
      return
    }
    read(f, null)
  }

  const run = () => {
    if (!file || !mapping) return
    start.mutate({ file, mapping }, { onSuccess: (j) => setJobId(j.id), onError: (err) => showError(err) })
  }

  const step = jobId !== null ? 2 : mapping ? 1 : 0
  const running = preview.isPending || start.isPending || (jobId !== null && !isDone(job.data))

  return (
    <Modal
      open={open}
      title={t('statistics.import.title', { ledger: name(ledger) })}
      onCancel={close}
      mask={{ closable: !running }}
      width={step === 1 ? 1000 : 560}
      destroyOnHidden
      footer={
        step === 1 ? (
          <Space>
            <Button onClick={reset}>{t('jobs.again')}</Button>
            <Button type="primary" loading={start.isPending} onClick={run} data-testid="import-start">
              {t('statistics.import.start')}
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
          { title: t('statistics.import.stepUpload') },
          { title: t('statistics.import.stepMapping') },
          { title: t('statistics.import.stepRun') },
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
            <p className="ant-upload-hint">{t('statistics.import.hint')}</p>
          </Upload.Dragger>
          <Button
            type="link"
            icon={<DownloadOutlined />}
            style={{ paddingInline: 0 }}
            onClick={() =>
              download(
                `/api/statistics/ledgers/${ledger.key}/import-template.xlsx`,
                undefined,
                `${ledger.key}-template.xlsx`,
              ).catch((err: unknown) => showError(err))
            }
          >
            {t('statistics.template')}
          </Button>
        </Space>
      )}
      {step === 1 && preview.data && mapping && (
        <ImportMappingView
          preview={preview.data}
          mapping={mapping}
          busy={preview.isPending}
          onChange={(m) => {
            setMapping(m)
            // Read the file again with the corrected mapping so the sample shows its effect.
            if (file) read(file, m)
          }}
        />
      )}
      {step === 2 && job.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <JobProgress
            job={job.data}
            renderResult={(r) => {
              const res = (r ?? {}) as ImportResult
              return t('statistics.import.result', {
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
      )}
    </Modal>
  )
}
