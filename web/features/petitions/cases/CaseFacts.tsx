import { Descriptions, type DescriptionsProps, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { usePetitionLabels } from '../labels'
import type { CaseDetail } from '../types'
import { DueCell } from './DueCell'

type Item = NonNullable<DescriptionsProps['items']>[number]

/** The registered facts of a case: what it is about, who handles it, and where it stands. */
export function CaseFacts({
  detail: d,
  onOpenCase,
}: {
  detail: CaseDetail
  onOpenCase?: (id: number) => void
}) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  const dash = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? '—' : v
  const item = (key: string, label: string, children: ReactNode, span = 1): Item => ({
    key,
    label,
    children,
    span,
  })

  const items: (Item | false)[] = [
    item('receivedOn', t('petitions.field.receivedOn'), d.receivedOn),
    item('channel', t('petitions.field.channel'), labels.label('channel', d.channel)),
    item('kind', t('petitions.field.kind'), labels.label('kind', d.kind)),
    item(
      'groupSize',
      t('petitions.field.groupSize'),
      d.groupSize ? t('petitions.groupOf', { n: d.groupSize }) : '—',
    ),
    item('category', t('petitions.field.categoryDemand'), `${d.category} / ${d.demand}`, 2),
    item(
      'summary',
      t('petitions.field.summary'),
      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
        {dash(d.summary)}
      </Typography.Paragraph>,
      2,
    ),
    item('orgUnit', t('petitions.field.orgUnit'), dash(d.orgUnit)),
    item('level', t('petitions.field.level'), labels.label('level', d.level)),
    item('responsibleUnit', t('petitions.field.responsibleUnit'), d.responsibleUnit),
    item('county', t('petitions.field.county'), dash(d.county)),
    item('responsibleLeader', t('petitions.field.responsibleLeader'), dash(d.responsibleLeader)),
    item('regionLeader', t('petitions.field.regionLeader'), dash(d.regionLeader)),
    item(
      'due',
      t('petitions.field.currentDue'),
      <Space size={8}>
        {d.stage && <span>{labels.label('stage', d.stage)}</span>}
        <DueCell due={d.due} daysLeft={d.daysLeft} dueState={d.dueState} />
      </Space>,
    ),
    item('source', t('petitions.field.source'), labels.label('source', d.source)),
    d.outcome !== null &&
      item('outcome', t('petitions.actionForm.outcome'), labels.label('outcome', d.outcome)),
    d.satisfaction !== null &&
      item(
        'satisfaction',
        t('petitions.actionForm.satisfaction'),
        labels.label('satisfaction', d.satisfaction),
      ),
    d.duplicateOf !== null &&
      item(
        'duplicateOf',
        t('petitions.field.duplicateOf'),
        // The view carries only the earlier case's id; opening it shows its number and history.
        <Tag
          color="orange"
          style={onOpenCase ? { cursor: 'pointer' } : undefined}
          onClick={
            onOpenCase && d.duplicateOf !== null ? () => onOpenCase(d.duplicateOf as number) : undefined
          }
          data-testid="case-duplicate-of"
        >
          {t('petitions.repeatOf', { id: d.duplicateOf })}
        </Tag>,
      ),
    d.campaigns.length > 0 &&
      item(
        'campaigns',
        t('petitions.field.campaign'),
        d.campaigns.map((c) => (
          <Tag key={c.id} color="geekblue">
            {c.name}
          </Tag>
        )),
      ),
  ]

  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      data-testid="case-facts"
      items={items.filter((i): i is Item => i !== false)}
    />
  )
}
