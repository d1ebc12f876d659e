import { useQueryClient } from '@tanstack/react-query'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AttachmentList } from '../../../app/components/attachments/AttachmentList'
import { AttachmentUploadButton } from '../../../app/components/attachments/AttachmentUploadButton'
import type { Attachment } from '../../../app/components/attachments/types'
import { ethicsKey, useRefreshEthics } from '../queries'
import type { CaseDetail } from '../types'

interface Props {
  detail: CaseDetail
  /** Writers (ethics.write), while the case is live; the server checks again. */
  editable: boolean
}

/**
 * 案件材料: the decision letter, interview records … They name the teacher, so the server lists them
 * only to users with personal-data permission (the drawer shows this section only to them), and
 * records every download in the audit log, which the section says before the click.
 */
export function CaseDocuments({ detail: d, editable }: Props) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const refresh = useRefreshEthics()

  // An open full view is not refetched (that would be another audited view): its list is patched.
  const patchFullView = (change: (list: Attachment[]) => Attachment[]) => {
    qc.setQueryData<CaseDetail>([...ethicsKey, 'case', d.id, true], (old) =>
      old ? { ...old, attachments: change(old.attachments) } : old,
    )
    void refresh()
  }

  return (
    <div data-testid="ethics-documents">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 4 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('ethics.documents.title')}
        </Typography.Title>
        {editable && (
          <AttachmentUploadButton<CaseDetail>
            url={`/api/ethics/cases/${d.id}/attachments`}
            title={t('ethics.documents.uploadTitle', { caseNo: d.caseNo })}
            label={t('ethics.documents.upload')}
            testIdPrefix="ethics-doc"
            // The answer is the case, masked, with its documents listed.
            onUploaded={(answer) => patchFullView(() => answer.attachments)}
          />
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('ethics.documents.audited')}
      </Typography.Paragraph>
      <AttachmentList
        attachments={d.attachments}
        canVoid={editable}
        testIdPrefix="ethics-doc"
        empty={t('ethics.documents.empty')}
        onVoided={(voided) => patchFullView((list) => list.map((a) => (a.id === voided.id ? voided : a)))}
      />
    </div>
  )
}
