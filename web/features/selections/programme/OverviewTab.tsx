import { Alert, Descriptions, Divider, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSelT } from '../i18n'
import type { Programme } from '../types'
import { ActionBar } from './ActionBar'
import { Timeline } from './Timeline'

/** The programme's rules and state, the steps open to this viewer, and (overseers) its timeline. */
export function OverviewTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation()
  const st = useSelT()
  const f = (k: string) => st(`field.${k}`)
  return (
    <>
      {p.returnReason && p.status === 'scored' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="programme-returned"
          message={t('selections.detail.returned', { reason: p.returnReason })}
        />
      )}
      <ActionBar programme={p} />
      <Descriptions size="small" bordered column={3} data-testid="programme-facts" style={{ marginTop: 12 }}>
        <Descriptions.Item label={f('kind')}>{st(`kind.${p.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={f('batch')}>{p.batch || '—'}</Descriptions.Item>
        <Descriptions.Item label={p.kind === 'selection' ? f('quota') : f('passMark')}>
          {p.kind === 'selection' ? p.quota : p.passMark}
        </Descriptions.Item>
        <Descriptions.Item label={f('window')}>{`${p.opensOn} ～ ${p.closesOn}`}</Descriptions.Item>
        <Descriptions.Item label={f('eligibleKinds')}>
          {p.eligibleKinds.map((k) => (
            <Tag key={k}>{t(`enums.kinds.${k}`, { defaultValue: k })}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={f('owner')}>{p.ownerUnit}</Descriptions.Item>
        <Descriptions.Item label={f('materials')} span={3}>
          {p.materials.length ? p.materials.map((m) => <Tag key={m}>{m}</Tag>) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={f('rubric')} span={2}>
          {t('selections.detail.rubricRev', {
            name: p.rubric.name,
            n: p.rubric.revision,
            total: p.rubric.total,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={f('experts')}>{p.expertsPerApplication}</Descriptions.Item>
        <Descriptions.Item label={f('aggregation')}>{st(`aggregation.${p.aggregation}`)}</Descriptions.Item>
        <Descriptions.Item label={f('dispersionMargin')}>{p.dispersionMargin}</Descriptions.Item>
        <Descriptions.Item label={f('blind')}>{p.blind ? t('common.yes') : t('common.no')}</Descriptions.Item>
        <Descriptions.Item label={f('noticeDays')}>{p.noticeDays}</Descriptions.Item>
        <Descriptions.Item label={t('selections.notice.objections')} span={2}>
          <Space size={16} wrap>
            <span>{st(`notice.state.${p.notice.state}`)}</span>
            {p.notice.publishedOn && (
              <span data-testid="programme-notice-window">
                {t('selections.detail.noticeWindow', { from: p.notice.publishedOn, to: p.notice.endsOn })}
              </span>
            )}
            {p.approvedOn && (
              <span>{t('selections.detail.approvedBy', { name: p.approvedBy, on: p.approvedOn })}</span>
            )}
          </Space>
        </Descriptions.Item>
        {p.assignSeed !== null && <Descriptions.Item label={f('seed')}>{p.assignSeed}</Descriptions.Item>}
      </Descriptions>
      {p.description && (
        <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
          {p.description}
        </Typography.Paragraph>
      )}
      {p.viewerRole === 'overseer' && (
        <>
          <Divider titlePlacement="start">{t('selections.detail.timeline')}</Divider>
          <Timeline programmeId={p.id} />
        </>
      )}
    </>
  )
}
