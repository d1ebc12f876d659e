import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useTodayDay } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { toIso } from '../format'
import { useAddFinding, useCategories } from '../queries'
import type { TopicDetail } from '../types'

interface Values {
  text: string
  categoryId: number
  responsibleUnitId: number
  foundOn: Dayjs
}

interface Props {
  topic: TopicDetail
  open: boolean
  onClose: () => void
}

/** Records a problem the research found: what, which kind (the rectification categories), whose. */
export function FindingModal({ topic, open, onClose }: Props) {
  const { t } = useTranslation()
  const { today, afterToday } = useTodayDay()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const add = useAddFinding()
  const categories = useCategories(open)
  const required = { required: true, whitespace: true, message: t('common.required') }
  const picked = { required: true, message: t('common.required') }

  const submit = (v: Values) =>
    add.mutate(
      {
        topicId: topic.id,
        text: v.text.trim(),
        categoryId: v.categoryId,
        responsibleUnitId: v.responsibleUnitId,
        foundOn: toIso(v.foundOn),
      },
      {
        onSuccess: () => {
          message.success(t('research.findings.added'))
          onClose()
        },
        onError: (err) => showError(err, { form }),
      },
    )

  return (
    <Modal
      open={open}
      title={t('research.findings.addTitle', { code: topic.code })}
      okText={t('common.save')}
      okButtonProps={{ loading: add.isPending, ...{ 'data-testid': 'finding-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ foundOn: today }}
      >
        <Form.Item name="text" label={t('research.findings.text')} rules={[required]}>
          <Input.TextArea data-testid="finding-text" rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="categoryId" label={t('research.findings.category')} rules={[picked]}>
              <Select
                data-testid="finding-category"
                loading={categories.isPending}
                options={(categories.data ?? [])
                  .filter((c) => !c.voided)
                  .map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="foundOn" label={t('research.findings.foundOn')} rules={[picked]}>
              <DatePicker
                data-testid="finding-found-on"
                disabledDate={afterToday}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="responsibleUnitId"
          label={t('research.findings.unit')}
          rules={[picked]}
          extra={t('research.findings.unitHint')}
        >
          <OrgTreeSelect data-testid="finding-unit" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
