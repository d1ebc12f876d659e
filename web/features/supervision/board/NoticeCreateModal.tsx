import { App, Checkbox, DatePicker, Form, Modal, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { toIso } from '../../petitions/dates'
import { useCreateNotice, useToday } from '../queries'
import type { Board } from '../types'
import { NoticeViewModal } from './NoticeViewModal'

interface Values {
  taskIds: number[]
  replyBy: Dayjs
}

/** A leader sends a unit a supervision notice about its overdue (and, if ticked, due-soon) tasks. */
interface Props {
  group: Board['byUnit'][number] | null
  onClose: () => void
  onOpen: (taskId: number) => void
}

export function NoticeCreateModal({ group, onClose, onOpen }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const today = useToday()
  const [form] = Form.useForm<Values>()
  const create = useCreateNotice()
  const [created, setCreated] = useState<number | null>(null)

  const submit = (v: Values) => {
    if (!group) return
    create.mutate(
      { unitId: group.unitId, taskIds: v.taskIds, replyBy: toIso(v.replyBy) },
      {
        onSuccess: (n) => {
          message.success(t('supervision.notice.created', { no: n.noticeNo }))
          onClose()
          setCreated(n.id)
        },
        onError: (err) => showError(err, { form }),
      },
    )
  }

  return (
    <>
      <Modal
        open={group !== null}
        title={group ? t('supervision.notice.createFor', { unit: group.unit }) : ''}
        okText={t('supervision.notice.create')}
        okButtonProps={{ loading: create.isPending, ...{ 'data-testid': 'notice-submit' } }}
        onOk={() => form.submit()}
        onCancel={onClose}
        destroyOnHidden
        width={640}
      >
        {group && (
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            onFinish={submit}
            initialValues={{
              taskIds: group.tasks.filter((x) => x.dueState === 'overdue').map((x) => x.id),
              replyBy: dayjs(today).add(5, 'day'),
            }}
          >
            <Typography.Paragraph type="secondary">{t('supervision.notice.createHint')}</Typography.Paragraph>
            <Form.Item
              name="taskIds"
              label={t('supervision.notice.tasks')}
              rules={[{ required: true, type: 'array', min: 1, message: t('supervision.notice.pickTasks') }]}
            >
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={group.tasks.map((x) => ({
                  value: x.id,
                  label:
                    x.dueState === 'overdue'
                      ? `${x.title}（${t('supervision.due.overdueBy', { count: x.daysOverdue })}）`
                      : `${x.title}（${t('supervision.due.daysLeft', { count: x.daysLeft ?? 0 })}）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="replyBy"
              label={t('supervision.notice.replyBy')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DatePicker
                data-testid="notice-reply-by"
                disabledDate={(d) => d.isBefore(dayjs(today), 'day')}
                style={{ width: 200 }}
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
      <NoticeViewModal
        noticeId={created}
        onClose={() => setCreated(null)}
        onOpen={(id) => {
          setCreated(null)
          onOpen(id)
        }}
      />
    </>
  )
}
