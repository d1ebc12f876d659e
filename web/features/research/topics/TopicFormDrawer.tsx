import { App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { onListFields } from '../errors'
import { fromIso, toIso } from '../format'
import { useCampaigns, useCreateTopic, useUpdateTopic } from '../queries'
import type { TopicDetail, TopicInput } from '../types'
import { UnitsSelect } from './UnitsSelect'

interface Values {
  code?: string
  title: string
  campaignId: number
  aspectId: number
  ownerUnitId: number
  leaderName?: string
  startsOn: Dayjs
  endsOn: Dayjs
  plannedUnitIds?: number[]
  description?: string
}

interface Props {
  open: boolean
  /** The topic to edit; none to plan a new one. */
  topic?: TopicDetail
  onClose: () => void
  onSaved: (t: TopicDetail) => void
}

const valuesOf = (t: TopicDetail): Values => ({
  code: t.code,
  title: t.title,
  campaignId: t.campaignId,
  aspectId: t.aspectId,
  ownerUnitId: t.ownerUnitId,
  leaderName: t.leaderName ?? '',
  startsOn: fromIso(t.startsOn) as Dayjs,
  endsOn: fromIso(t.endsOn) as Dayjs,
  plannedUnitIds: t.plannedUnits.map((u) => u.id),
  description: t.description,
})

const bodyOf = (v: Values): TopicInput => ({
  ...(v.code?.trim() ? { code: v.code.trim() } : {}),
  title: v.title.trim(),
  campaignId: v.campaignId,
  aspectId: v.aspectId,
  ownerUnitId: v.ownerUnitId,
  leaderName: v.leaderName?.trim() || null,
  startsOn: toIso(v.startsOn) ?? '',
  endsOn: toIso(v.endsOn) ?? '',
  plannedUnitIds: v.plannedUnitIds ?? [],
  description: v.description?.trim() ?? '',
})

/** Plan a topic (campaign and aspect, owner, dates, places to visit), or correct one. */
export function TopicFormDrawer({ open, topic, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { user } = useAuth()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const create = useCreateTopic()
  const update = useUpdateTopic()
  const campaigns = useCampaigns()
  const campaignId = Form.useWatch('campaignId', form)
  const aspects = campaigns.data?.find((c) => c.id === campaignId)?.aspects ?? []
  const required = { required: true, whitespace: true, message: t('common.required') }
  // `whitespace` is for text: on a number or a date it reports a filled field as empty.
  const picked = { required: true, message: t('common.required') }
  const editing = topic !== undefined

  useEffect(() => {
    if (open && topic) form.setFieldsValue(valuesOf(topic))
  }, [open, topic, form])

  const submit = (v: Values) => {
    const done = (x: TopicDetail) => {
      message.success(editing ? t('common.saved') : t('research.form.created', { code: x.code }))
      onSaved(x)
    }
    const onError = (err: unknown) => showError(onListFields(err, ['plannedUnitIds']), { form })
    if (topic) {
      // Only what changed: a field someone else corrected meanwhile is not overwritten by a stale copy.
      const before = bodyOf(valuesOf(topic))
      const after = bodyOf(v)
      const changed = Object.fromEntries(
        Object.entries(after).filter(
          ([k, val]) =>
            JSON.stringify(before[k as keyof TopicInput]) !== JSON.stringify(val) && k !== 'campaignId',
        ),
      )
      update.mutate({ id: topic.id, version: topic.version, ...changed }, { onSuccess: done, onError })
      return
    }
    create.mutate(bodyOf(v), { onSuccess: done, onError })
  }

  return (
    <Drawer
      open={open}
      title={editing ? t('research.form.editTitle', { code: topic.code }) : t('research.form.createTitle')}
      size={760}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="topic-form-submit"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {editing ? t('common.save') : t('research.create')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ ownerUnitId: user ? Number(user.orgUnitId) : undefined, plannedUnitIds: [] }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t('research.field.code')}
              extra={editing ? undefined : t('research.form.codeHint')}
            >
              <Input data-testid="topic-form-code" maxLength={40} placeholder={t('research.form.codeAuto')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="title" label={t('research.field.title')} rules={[required]}>
              <Input data-testid="topic-form-title" maxLength={200} showCount />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="campaignId" label={t('research.field.campaign')} rules={[picked]}>
              <Select
                data-testid="topic-form-campaign"
                disabled={editing}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={() => form.setFieldValue('aspectId', undefined)}
                options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="aspectId" label={t('research.field.aspect')} rules={[picked]}>
              <Select
                data-testid="topic-form-aspect"
                disabled={!campaignId}
                placeholder={campaignId ? undefined : t('research.form.campaignFirst')}
                options={aspects.map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="ownerUnitId"
              label={t('research.field.ownerUnit')}
              rules={[picked]}
              extra={t('research.form.ownerHint')}
            >
              <OrgTreeSelect data-testid="topic-form-owner" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leaderName" label={t('research.field.leader')}>
              <Input
                data-testid="topic-form-leader"
                maxLength={50}
                placeholder={t('research.form.leaderPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="startsOn" label={t('research.field.startsOn')} rules={[picked]}>
              <DatePicker data-testid="topic-form-starts" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endsOn" label={t('research.field.endsOn')} rules={[picked]}>
              <DatePicker data-testid="topic-form-ends" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="plannedUnitIds"
          label={t('research.field.plannedUnits')}
          extra={t('research.form.unitsHint')}
        >
          <UnitsSelect data-testid="topic-form-units" placeholder={t('research.form.unitsPlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('research.field.description')}>
          <Input.TextArea data-testid="topic-form-description" rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
