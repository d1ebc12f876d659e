import { Card, Col, Empty, Row, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCampaignBoard } from '../queries'
import type { Campaign } from '../types'
import { BoardTable } from './BoardTable'

/** Progress of one campaign, by responsible unit and by the leader who took each case (包案). */
export function CampaignBoard({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation()
  const board = useCampaignBoard(campaign.id)
  if (board.isPending) return <Spin />
  if (!board.data) return <Empty />
  return (
    <Row gutter={[12, 12]} data-testid="campaign-board">
      <Col xs={24} xl={12}>
        <Card size="small" title={t('petitions.campaigns.byUnit')}>
          <BoardTable
            rows={board.data.byUnit}
            keyTitle={t('petitions.field.responsibleUnit')}
            testId="board-by-unit"
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('petitions.campaigns.byLeader')}>
          <BoardTable
            rows={board.data.byLeader}
            keyTitle={t('petitions.field.responsibleLeader')}
            testId="board-by-leader"
          />
        </Card>
      </Col>
    </Row>
  )
}
