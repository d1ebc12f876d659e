import { Alert, Card, Col, Empty, Row, Select, Space, Spin, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CHART_TASK_LIMIT, mainCampaign, useAllTasks, useCampaigns, useFigures } from '../queries'
import { AspectChart } from './AspectChart'
import { FigureCards } from './FigureCards'
import { GanttChart } from './GanttChart'
import { GanttLegend } from './GanttLegend'
import { OnTimeChart } from './OnTimeChart'
import { OverdueTrendChart } from './OverdueTrendChart'
import { UnitStatusChart } from './UnitStatusChart'
import { UnitTable } from './UnitTable'

/** The figures of one campaign (or of all the user sees): cards, charts and the campaign's Gantt. */
export function DashboardTab() {
  const { t } = useTranslation()
  const campaigns = useCampaigns()
  const live = (campaigns.data ?? []).filter((c) => !c.voided)
  // undefined: not chosen yet (the first campaign is shown); null: all campaigns.
  const [picked, setPicked] = useState<number | null | undefined>(undefined)
  const campaignId = picked === undefined ? mainCampaign(live)?.id : (picked ?? undefined)
  const ready = picked !== undefined || campaigns.isSuccess
  const figures = useFigures(campaignId)
  const tasks = useAllTasks(campaignId)
  const f = ready ? figures.data : undefined
  const items = tasks.data?.items ?? []
  const truncated = (tasks.data?.total ?? 0) > items.length

  const card = (key: string, title: string, body: ReactNode) => (
    <Card size="small" title={title} data-testid={`figure-${key}`} style={{ height: '100%' }}>
      {body}
    </Card>
  )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={8}>
        <Select<number | 'all'>
          data-testid="figures-campaign"
          value={campaignId ?? 'all'}
          onChange={(v) => setPicked(v === 'all' ? null : v)}
          options={[
            { value: 'all', label: t('supervision.allCampaigns') },
            ...live.map((c) => ({ value: c.id, label: c.name })),
          ]}
          style={{ width: 320 }}
        />
        {f && (
          <Typography.Text type="secondary">
            {t('supervision.figures.asOf', { date: f.asOf })}
          </Typography.Text>
        )}
      </Space>
      {!f ? (
        figures.isError ? (
          <Empty />
        ) : (
          <Spin />
        )
      ) : (
        <>
          <FigureCards f={f} />
          {truncated && (
            <Alert
              type="info"
              showIcon
              title={t('supervision.figures.truncated', { limit: CHART_TASK_LIMIT })}
            />
          )}
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              {card(
                'overdue-trend',
                t('supervision.figures.overdueTrend'),
                <OverdueTrendChart trend={f.overdueTrend} />,
              )}
            </Col>
            <Col xs={24} xl={12}>
              {card(
                'on-time',
                t('supervision.figures.onTimeTitle'),
                f.dueByToday > 0 ? (
                  <OnTimeChart f={f} />
                ) : (
                  <Empty description={t('supervision.figures.nothingDue')} />
                ),
              )}
            </Col>
            <Col xs={24} xl={12}>
              {card('unit-status', t('supervision.figures.byUnit'), <UnitStatusChart tasks={items} />)}
            </Col>
            <Col xs={24} xl={12}>
              {card('units-table', t('supervision.figures.unitTable'), <UnitTable rows={f.byUnit} />)}
            </Col>
            <Col xs={24}>
              {card(
                'aspects',
                t('supervision.figures.byAspect'),
                f.byAspect.length ? <AspectChart rows={f.byAspect} /> : <Empty />,
              )}
            </Col>
            {campaignId !== undefined && (
              <Col xs={24}>
                {card(
                  'gantt',
                  t('supervision.figures.gantt', { campaign: f.campaign ?? '' }),
                  items.length ? (
                    <Space orientation="vertical" style={{ width: '100%' }}>
                      <GanttLegend />
                      <GanttChart tasks={items} today={f.asOf} />
                    </Space>
                  ) : (
                    <Empty />
                  ),
                )}
              </Col>
            )}
          </Row>
        </>
      )}
    </Space>
  )
}
