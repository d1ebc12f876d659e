import { Alert, Checkbox, List, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePetitionLabels } from '../labels'
import type { SimilarCase } from '../types'

interface Props {
  items: SimilarCase[]
  duplicateOf: number | undefined
  onLink: (c: SimilarCase | undefined) => void
}

/**
 * Earlier cases that look like the one being registered (same person, or same demand and similar
 * wording). The registrar decides whether it is a repeat; nothing is linked automatically.
 */
export function SimilarCases({ items, duplicateOf, onLink }: Props) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  if (items.length === 0) return null
  const finalOnes = items.filter((c) => c.final)

  return (
    <Alert
      type="warning"
      showIcon
      data-testid="register-similar"
      style={{ marginTop: 12 }}
      title={t('petitions.similar.title', { count: items.length })}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {finalOnes.length > 0 && (
            <Typography.Text type="danger" data-testid="register-similar-final">
              {t('petitions.similar.finalWarning', { caseNos: finalOnes.map((c) => c.caseNo).join('、') })}
            </Typography.Text>
          )}
          <List
            size="small"
            dataSource={items}
            renderItem={(c) => (
              <List.Item
                style={{ paddingInline: 0 }}
                actions={[
                  <Checkbox
                    key="link"
                    checked={duplicateOf === c.id}
                    onChange={(e) => onLink(e.target.checked ? c : undefined)}
                    data-testid={`register-similar-link-${c.caseNo}`}
                  >
                    {t('petitions.similar.linkAsRepeat')}
                  </Checkbox>,
                ]}
              >
                <Space size={6} wrap>
                  <Typography.Text strong>{c.caseNo}</Typography.Text>
                  <span>{c.receivedOn}</span>
                  <span>{c.demand}</span>
                  <Tag color={c.final ? 'volcano' : undefined}>{labels.label('status', c.status)}</Tag>
                  {c.samePerson && <Tag color="red">{t('petitions.similar.samePerson')}</Tag>}
                  {c.final && c.status !== 'final' && (
                    <Tag color="volcano">{t('petitions.status.final')}</Tag>
                  )}
                  {/* A match on the person alone scores 0 on wording; the tag above already says why. */}
                  {c.score > 0 && (
                    <Typography.Text type="secondary">
                      {t('petitions.similar.score', { score: Math.round(c.score * 100) })}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Space>
      }
    />
  )
}
