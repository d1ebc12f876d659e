import { Modal, Result, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AuditVerifyResult } from '../../app/types'

export function VerifyResultModal({
  result,
  onClose,
}: {
  result: AuditVerifyResult | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal open={result !== null} title={t('audit.verifyTitle')} footer={null} onCancel={onClose} width={640}>
      {result && (
        <div data-testid="audit-verify-result">
          <Result
            status={result.ok ? 'success' : 'error'}
            title={
              result.ok
                ? t('audit.verifyOk', { checked: result.checked })
                : t('audit.verifyBad', { count: result.problems.length, checked: result.checked })
            }
            style={{ padding: '16px 0' }}
          />
          {result.problems.length > 0 && (
            <Table
              size="small"
              rowKey={(p) => `${p.id}-${p.reason}`}
              dataSource={result.problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('audit.problemId'), dataIndex: 'id', width: 120 },
                { title: t('audit.problemReason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  )
}
