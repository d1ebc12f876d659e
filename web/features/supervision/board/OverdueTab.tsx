import { SettingOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Segmented, Select, Space, Spin } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { canApproveTasks } from '../labels'
import { useBoard, useCampaigns } from '../queries'
import type { Board } from '../types'
import { BoardTable } from './BoardTable'
import { NoticeCreateModal } from './NoticeCreateModal'
import { SettingsModal } from './SettingsModal'

type By = 'unit' | 'leader'

/** 督办: open tasks past or near their deadline, by lead unit or by responsible leader. */
export function OverdueTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const approver = canApproveTasks(user?.role)
  const campaigns = useCampaigns()
  const [campaignId, setCampaignId] = useState<number | undefined>()
  const [by, setBy] = useState<By>('unit')
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [noticeFor, setNoticeFor] = useState<Board['byUnit'][number] | null>(null)
  const board = useBoard(campaignId)
  const b = board.data
  const overdue = b?.byUnit.reduce((s, g) => s + g.overdue, 0) ?? 0
  const dueSoon = b?.byUnit.reduce((s, g) => s + g.dueSoon, 0) ?? 0

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={8}>
        <Select<number>
          allowClear
          data-testid="overdue-campaign"
          placeholder={t('supervision.allCampaigns')}
          value={campaignId}
          onChange={setCampaignId}
          options={(campaigns.data ?? [])
            .filter((c) => !c.voided)
            .map((c) => ({ value: c.id, label: c.name }))}
          style={{ width: 280 }}
        />
        <Segmented<By>
          data-testid="overdue-by"
          value={by}
          onChange={setBy}
          options={[
            { value: 'unit', label: t('supervision.board.byUnit') },
            { value: 'leader', label: t('supervision.board.byLeader') },
          ]}
        />
        {approver && (
          <Button
            icon={<SettingOutlined />}
            onClick={() => setSettingsOpen(true)}
            data-testid="supervision-settings"
          >
            {t('supervision.settings.title')}
          </Button>
        )}
      </Space>
      {b && (
        <Alert
          type={overdue > 0 ? 'warning' : 'info'}
          showIcon
          data-testid="overdue-summary"
          title={t('supervision.board.summary', { today: b.today, overdue, dueSoon, days: b.dueSoonDays })}
          description={t('supervision.board.thresholds', {
            unitDays: b.thresholds.unitDays,
            bureauDays: b.thresholds.bureauDays,
          })}
        />
      )}
      {!b ? (
        board.isPending ? (
          <Spin />
        ) : (
          <Empty />
        )
      ) : (
        <BoardTable
          by={by}
          board={b}
          onOpen={onOpen}
          onNotice={approver ? (g) => setNoticeFor(g) : undefined}
        />
      )}
      <NoticeCreateModal group={noticeFor} onClose={() => setNoticeFor(null)} onOpen={onOpen} />
      <SettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Space>
  )
}
