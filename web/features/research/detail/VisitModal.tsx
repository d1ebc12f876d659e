import { App, DatePicker, Form, Input, Modal } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useTodayDay } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useOrgIndex } from '../../org/queries'
import { toIso } from '../format'
import { useAddVisit } from '../queries'
import type { TopicDetail } from '../types'
import { nonVisitableKeys } from '../visitable'

interface Values {
  visitedOn: Dayjs
  orgUnitId: number
  participants?: string
  note?: string
}

interface Props {
  topic: TopicDetail
  open: boolean
  onClose: () => void
}

/** Records a field visit: the day (not in the future), the place, who went, what was done. */
export function VisitModal({ topic, open, onClose }: Props) {
  const { t } = useTranslation()
  const { today, afterToday } = useTodayDay()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const add = useAddVisit()
  const { index } = useOrgIndex(false)
  const disabled = useMemo(() => nonVisitableKeys(index), [index])
  const picked = { required: true, message: t('common.required') }

  const submit = (v: Values) =>
    add.mutate(
      {
        topicId: topic.id,
        visitedOn: toIso(v.visitedOn) ?? '',
        orgUnitId: v.orgUnitId,
        participants: v.participants?.trim() ?? '',
        note: v.note?.trim() ?? '',
      },
      {
        onSuccess: () => {
          message.success(t('research.visits.added'))
          onClose()
        },
        onError: (err) => showError(err, { form }),
      },
    )

  return (
    <Modal
      open={open}
      title={t('research.visits.addTitle', { code: topic.code })}
      okText={t('common.save')}
      okButtonProps={{ loading: add.isPending, ...{ 'data-testid': 'visit-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ visitedOn: today }}
      >
        <Form.Item name="visitedOn" label={t('research.visits.date')} rules={[picked]}>
          <DatePicker data-testid="visit-date" disabledDate={afterToday} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('research.visits.unit')}
          rules={[picked]}
          extra={t('research.visits.unitHint')}
        >
          <OrgTreeSelect data-testid="visit-unit" disabledKeys={disabled} />
        </Form.Item>
        <Form.Item name="participants" label={t('research.visits.participants')}>
          <Input
            data-testid="visit-participants"
            maxLength={200}
            placeholder={t('research.visits.participantsPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('research.visits.note')}>
          <Input.TextArea data-testid="visit-note" rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
