import { BellOutlined } from '@ant-design/icons'
import { Badge, Button, Empty, Popover, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useAuth } from '../../app/auth'
import { canReadTasks } from './labels'
import { useDigest } from './queries'
import type { Digest, TaskSummary } from './types'

type ListKey = 'overdue' | 'dueToday' | 'startingToday' | 'dueSoon'
const LISTS: ListKey[] = ['overdue', 'dueToday', 'startingToday', 'dueSoon']
const COLORS: Record<ListKey, string> = {
  overdue: 'red',
  dueToday: 'orange',
  startingToday: 'blue',
  dueSoon: 'gold',
}
/** Each list in the popover shows its first few; the counts are complete. */
const SHOWN = 5

/**
 * 今日提醒: the header bell with today's digest from /api/supervision/digest. The badge counts what
 * needs doing today (overdue, due today, starting today, and for leaders extensions to decide);
 * a click on a task opens it in the supervision page.
 */
export function DigestBell() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const enabled = canReadTasks(user?.role)
  const digest = useDigest(enabled)
  if (!enabled) return null
  const d = digest.data
  const c = d?.counts
  const count = c ? c.overdue + c.dueToday + c.startingToday + c.pendingExtensions : 0

  const go = (search: string) => {
    setOpen(false)
    navigate(`/supervision?${search}`)
  }

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={d ? t('supervision.digest.title', { date: d.today }) : t('supervision.digest.titlePlain')}
      content={
        d ? (
          <DigestContent d={d} onTask={(id) => go(`task=${id}`)} onExtensions={() => go('tab=extensions')} />
        ) : null
      }
      styles={{ container: { width: 420 }, content: { maxHeight: 480, overflow: 'auto' } }}
    >
      <Badge count={count} size="small" overflowCount={99} offset={[-4, 4]} data-testid="digest-count">
        <Button
          type="text"
          aria-label={t('supervision.digest.titlePlain')}
          data-testid="digest-bell"
          icon={<BellOutlined />}
          style={{ color: 'rgba(255,255,255,0.85)' }}
        />
      </Badge>
    </Popover>
  )
}

function DigestContent({
  d,
  onTask,
  onExtensions,
}: {
  d: Digest
  onTask: (id: number) => void
  onExtensions: () => void
}) {
  const { t } = useTranslation()
  const total = LISTS.reduce((s, k) => s + d.counts[k], 0) + d.counts.pendingExtensions
  if (total === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.digest.nothing')} />

  const item = (k: ListKey, task: TaskSummary) => (
    <div key={`${k}-${task.id}`} style={{ padding: '2px 0' }}>
      <Typography.Link onClick={() => onTask(task.id)} data-testid={`digest-task-${task.id}`}>
        {task.title}
      </Typography.Link>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
        {task.leadUnit} ·{' '}
        {k === 'overdue'
          ? t('supervision.due.overdueBy', { count: task.daysOverdue })
          : k === 'startingToday'
            ? t('supervision.digest.startsToday')
            : `${t('supervision.field.deadline')} ${task.deadline}`}
      </Typography.Text>
    </div>
  )

  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }} data-testid="digest-content">
      {d.counts.pendingExtensions > 0 && (
        <div>
          <Tag color="purple">
            {t('supervision.digest.pendingExtensions', { count: d.counts.pendingExtensions })}
          </Tag>
          <Typography.Link onClick={onExtensions} data-testid="digest-extensions">
            {t('supervision.digest.toDecide')}
          </Typography.Link>
        </div>
      )}
      {LISTS.filter((k) => d.counts[k] > 0).map((k) => (
        <div key={k} data-testid={`digest-${k}`}>
          <Tag color={COLORS[k]}>{t(`supervision.digest.${k}`, { count: d.counts[k] })}</Tag>
          {d[k].slice(0, SHOWN).map((task) => item(k, task))}
          {d.counts[k] > SHOWN && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('supervision.digest.more', { count: d.counts[k] - SHOWN })}
            </Typography.Text>
          )}
        </div>
      ))}
    </Space>
  )
}
