import { Card, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SnapshotView } from '../types'

/**
 * What the public copy masked: the reviewed terms by name; org and personal names only counted
 * (the snapshot keeps no personal name); names the segmenter suggests for review.
 */
export function TermsSummary({ terms }: { terms: SnapshotView['terms'] }) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('reports.snapshots.terms')} data-testid="snapshot-terms">
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Typography.Text data-testid="snapshot-terms-counts">
          {t('reports.snapshots.termCounts', { org: terms.org, personal: terms.personal })}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary">
            {t('reports.snapshots.reviewed', { count: terms.reviewed.length })}
          </Typography.Text>
          <div>
            {terms.reviewed.map((x) => (
              <Tag key={x}>{x}</Tag>
            ))}
          </div>
        </div>
        {terms.suggested.length > 0 && (
          <div>
            <Typography.Text type="secondary">{t('reports.snapshots.suggested')}</Typography.Text>
            <div>
              {terms.suggested.map((x) => (
                <Tag key={x.term} color="gold">
                  {x.term}（{t(`reports.terms.kinds.${x.kind}`, { defaultValue: x.kind })}，{x.count}）
                </Tag>
              ))}
            </div>
          </div>
        )}
      </Space>
    </Card>
  )
}
