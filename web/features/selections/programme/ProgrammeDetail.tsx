import { ArrowLeftOutlined } from '@ant-design/icons'
import { Button, Card, Result, Space, Tabs, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PageSpinner } from '../../../app/components/PageSpinner'
import { useSelT } from '../i18n'
import { useProgramme } from '../queries'
import { StatusTag } from '../StatusTag'
import type { Programme } from '../types'
import { ApplicationsTab } from './ApplicationsTab'
import { AssignmentTab } from './AssignmentTab'
import { NoticeTab } from './NoticeTab'
import { OverviewTab } from './OverviewTab'
import { RankingTab } from './RankingTab'
import { SummaryTab } from './SummaryTab'

const PAST_REVIEW = ['reviewing', 'scored', 'decided', 'approved', 'notice', 'final']
const PUBLISHED = ['notice', 'final']

/** The tabs a viewer has: overseers the whole round, a unit its own applications and the list. */
function tabsOf(p: Programme): { key: string; node: (p: Programme) => ReactNode }[] {
  if (p.viewerRole === 'applicant')
    return [
      { key: 'overview', node: (x) => <OverviewTab programme={x} /> },
      { key: 'mine', node: (x) => <ApplicationsTab programme={x} /> },
      ...(PUBLISHED.includes(p.status)
        ? [
            { key: 'published', node: (x: Programme) => <RankingTab programme={x} /> },
            { key: 'notice', node: (x: Programme) => <NoticeTab programme={x} /> },
          ]
        : []),
    ]
  return [
    { key: 'overview', node: (x) => <OverviewTab programme={x} /> },
    { key: 'applications', node: (x) => <ApplicationsTab programme={x} /> },
    ...(PAST_REVIEW.includes(p.status)
      ? [
          { key: 'assignment', node: (x: Programme) => <AssignmentTab programme={x} /> },
          { key: 'summary', node: (x: Programme) => <SummaryTab programme={x} /> },
          { key: 'ranking', node: (x: Programme) => <RankingTab programme={x} /> },
        ]
      : []),
    { key: 'notice', node: (x) => <NoticeTab programme={x} /> },
  ]
}

interface Props {
  id: number
  tab: string | null
  onTab: (key: string) => void
  onBack: () => void
}

/** One programme: its facts and steps, applications, panels, scores, ranking, notice. */
export function ProgrammeDetail({ id, tab, onTab, onBack }: Props) {
  const { t } = useTranslation()
  const st = useSelT()
  const programme = useProgramme(id)
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="programme-back">
      {t('selections.detail.back')}
    </Button>
  )
  if (programme.isPending) return <PageSpinner />
  const p = programme.data
  if (!p) return <Result status="404" title={t('app.notFound')} extra={back} />
  const tabs = tabsOf(p)
  const active = tabs.some((x) => x.key === tab) ? (tab as string) : 'overview'
  return (
    <Card
      data-testid="programme-detail"
      title={
        <Space>
          {back}
          <Typography.Text strong data-testid="programme-title">
            {p.name}
          </Typography.Text>
          <StatusTag status={p.status} />
        </Space>
      }
      styles={{ body: { paddingTop: 4 } }}
    >
      <Tabs
        activeKey={active}
        onChange={onTab}
        destroyOnHidden
        items={tabs.map((x) => ({
          key: x.key,
          label: <span data-testid={`programme-tab-${x.key}`}>{st(`detail.tabs.${x.key}`)}</span>,
          children: x.node(p),
        }))}
      />
    </Card>
  )
}
