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
  const showError = useShowError()
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
            <Button
              size="small"
              icon={<DownloadOutlined />}
              data-testid="job-warning-report"
              onClick={() =>
                download(
                  `/api/jobs/${job.id}/warning-report.xlsx`,
                  undefined,
                  `warnings-${job.id}.xlsx`,
                ).catch((err: unknown) => showError(err))
              }
            >
              {t('jobs.downloadWarningReport')}
            </Button>
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
              <Button
                size="small"
                danger
                icon={<DownloadOutlined />}
                data-testid="job-error-report"
                onClick={() =>
                  download(
                    `/api/jobs/${job.id}/error-report.xlsx`,
                    undefined,
                    `error-report-${job.id}.xlsx`,
                  ).catch((err: unknown) => showError(err))
                }
              >
                {t('jobs.downloadErrorReport')}
              </Button>
            ) : undefined
          }
        />
      )}
    </Space>
  )
}
