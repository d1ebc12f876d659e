import { Descriptions, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TopicDetail } from '../types'

/** The plan and where the research reached, as a bureau's 课题登记表 lists them. */
export function TopicFacts({ detail: d }: { detail: TopicDetail }) {
  const { t } = useTranslation()
  const none = <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      data-testid="topic-facts"
      styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'campaign', label: t('research.field.campaign'), children: d.campaign },
        { key: 'aspect', label: t('research.field.aspect'), children: d.aspect },
        { key: 'owner', label: t('research.field.ownerUnit'), children: d.ownerUnit },
        { key: 'leader', label: t('research.field.leader'), children: d.leaderName ?? none },
        {
          key: 'plan',
          label: t('research.field.plan'),
          children: `${d.startsOn} ~ ${d.endsOn}`,
        },
        {
          key: 'dates',
          label: t('research.field.reportedOn'),
          children: d.reportedOn
            ? `${d.reportedOn}${d.concludedOn ? ` · ${t('research.field.concludedOn')} ${d.concludedOn}` : ''}`
            : none,
        },
        {
          key: 'units',
          label: t('research.field.plannedUnits'),
          span: 2,
          children: d.plannedUnits.length ? (
            <Space size={[4, 4]} wrap>
              {d.plannedUnits.map((u) => (
                <Tag key={u.id}>{u.name}</Tag>
              ))}
            </Space>
          ) : (
            none
          ),
        },
        {
          key: 'reach',
          label: t('research.field.reach'),
          span: 2,
          children: (
            <span data-testid="topic-reach">
              {t('research.drawer.reach', {
                cities: d.citiesVisited.length,
                counties: d.countiesVisited.length,
              })}
              {d.countiesVisited.length > 0 && (
                <Typography.Text type="secondary">{`（${d.countiesVisited.map((c) => c.name).join('、')}）`}</Typography.Text>
              )}
            </span>
          ),
        },
        {
          key: 'description',
          label: t('research.field.description'),
          span: 2,
          children: d.description ? <span style={{ whiteSpace: 'pre-wrap' }}>{d.description}</span> : none,
        },
      ]}
    />
  )
}
