import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Progress, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../app/api'
import { useShowError } from '../../app/feedback'
import type { Job } from '../../app/types'

interface Props {
  job: Job
  /** How to describe a successful result; each job kind knows its own result shape. */
  renderResult?: (result: unknown) => ReactNode
}

/** Progress bar and outcome of one job; on failure offers the error report when there is one. */
export function JobProgress({ job, renderResult }: Props) {
  const { t } = useTranslation()
  const percent =
    job.total > 0
      ? Math.min(100, Math.round((job.progress / job.total) * 100))
      : job.status === 'succeeded'
        ? 100
        : 0
  const status = job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active'

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="job-progress">
      <Typography.Text strong>{t(`jobs.${job.status}`)}</Typography.Text>
      <Progress percent={percent} status={status} />
      {job.message && job.status !== 'failed' && (
        <Typography.Text type="secondary">{job.message}</Typography.Text>
      )}
      {job.status === 'succeeded' && renderResult && (
        <Alert type="success" showIcon title={renderResult(job.result)} data-testid="job-result" />
      )}
      {job.status === 'succeeded' && job.hasWarningReport && (
        <Alert
          type="warning"
          showIcon
          data-testid="job-warnings"
          title={t('jobs.warningReportHint')}
          action={
            <ReportButton jobId={job.id} report="warning-report" label={t('jobs.downloadWarningReport')} />
          }
        />
      )}
      {job.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          data-testid="job-error"
          title={job.error?.message ?? job.message ?? t('jobs.failed')}
          description={job.hasErrorReport ? t('jobs.errorReportHint') : undefined}
          action={
            job.hasErrorReport ? (
              <ReportButton
                jobId={job.id}
                report="error-report"
                label={t('jobs.downloadErrorReport')}
                danger
              />
            ) : undefined
          }
        />
      )}
    </Space>
  )
}

/** Downloads one of a job's report files (the marked copy of the upload), for its uploader. */
function ReportButton(props: {
  jobId: Job['id']
  report: 'error-report' | 'warning-report'
  label: string
  danger?: boolean
}) {
  const showError = useShowError()
  const { jobId, report } = props
  return (
    <Button
      size="small"
      danger={props.danger}
      icon={<DownloadOutlined />}
      data-testid={`job-${report}`}
      onClick={() =>
        download(`/api/jobs/${jobId}/${report}.xlsx`, undefined, `${report}-${jobId}.xlsx`).catch(
          (err: unknown) => showError(err),
        )
      }
    >
      {props.label}
    </Button>
  )
}
