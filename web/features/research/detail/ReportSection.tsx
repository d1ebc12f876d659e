import { useQueryClient } from '@tanstack/react-query'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AttachmentList } from '../../../app/components/attachments/AttachmentList'
import { AttachmentUploadButton } from '../../../app/components/attachments/AttachmentUploadButton'
import { researchKey } from '../queries'
import type { TopicDetail } from '../types'

/** 调研报告: the summary submitted with the report, and the files (the report itself, minutes …). */
export function ReportSection({ detail: d }: { detail: TopicDetail }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const editable = d.canEdit && d.status !== 'concluded'
  // The answers (the topic, the voided file) are not merged by hand: the drawer and lists refetch.
  const refresh = () => void qc.invalidateQueries({ queryKey: researchKey })

  return (
    <div data-testid="topic-report">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('research.report.title')}
          {d.reportedOn && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 8 }}
            >
              {t('research.report.submittedOn', { date: d.reportedOn })}
            </Typography.Text>
          )}
        </Typography.Title>
        {editable && (
          <AttachmentUploadButton<TopicDetail>
            url={`/api/research/topics/${d.id}/attachments`}
            title={t('attachments.uploadTitle', { name: d.code })}
            testIdPrefix="file"
            onUploaded={refresh}
          />
        )}
      </div>
      {d.reportSummary ? (
        <Typography.Paragraph
          data-testid="topic-report-text"
          style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: '8px 12px', borderRadius: 6 }}
        >
          {d.reportSummary}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('research.report.noSummary')}</Typography.Paragraph>
      )}
      <AttachmentList
        attachments={d.attachments}
        canVoid={editable}
        onVoided={refresh}
        testIdPrefix="file"
        empty={t('research.report.noFiles')}
      />
    </div>
  )
}
