import {
  App,
  AutoComplete,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  Row,
  Select,
  Space,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useTodayDay } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { fromIso, toIso } from '../format'
import { useRectLabels } from '../labels'
import { useCampaignNames, useCategories, useCreateProblem, useUpdateProblem } from '../queries'
import type { ProblemDetail, ProblemInput, ProblemSource } from '../types'
import { MeasuresField, type MeasureValues } from './MeasuresField'

interface Values {
  description: string
  source: ProblemSource
  categoryId: number
  campaign?: string
  responsibleUnitId: number
  responsibleLeader?: string
  foundOn: Dayjs
  fixAtOnce?: boolean
  measures?: MeasureValues[]
}

interface Props {
  open: boolean
  /** The problem to correct; none to register a new one. */
  problem?: ProblemDetail
  onClose: () => void
  onSaved: (p: ProblemDetail) => void
}

const valuesOf = (p: ProblemDetail, today: Dayjs): Values => ({
  description: p.description,
  source: p.source,
  categoryId: p.categoryId,
  campaign: p.campaign,
  responsibleUnitId: p.responsibleUnitId,
  responsibleLeader: p.responsibleLeader ?? '',
  foundOn: fromIso(p.foundOn) ?? today,
  fixAtOnce: p.fixAtOnce,
})

const bodyOf = (v: Values): Omit<ProblemInput, 'measures'> => ({
  description: v.description.trim(),
  source: v.source,
  categoryId: v.categoryId,
  campaign: v.campaign?.trim() ?? '',
  responsibleUnitId: v.responsibleUnitId,
  responsibleLeader: v.responsibleLeader?.trim() ?? '',
  foundOn: toIso(v.foundOn) ?? '',
  fixAtOnce: v.fixAtOnce ?? false,
})

/** Register a problem with its first measures, or correct a problem's own fields. */
export function ProblemFormDrawer({ open, problem, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const { today, afterToday } = useTodayDay()
  const labels = useRectLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const create = useCreateProblem()
  const update = useUpdateProblem()
  const categories = useCategories()
  const campaigns = useCampaignNames()
  const required = { required: true, whitespace: true, message: t('common.required') }
  // `whitespace` is for text: on a number or a date it reports a filled field as empty.
  const picked = { required: true, message: t('common.required') }
  const editing = problem !== undefined

  useEffect(() => {
    if (open && problem) form.setFieldsValue(valuesOf(problem, today))
  }, [open, problem, form, today])

  const submit = (v: Values) => {
    const done = (p: ProblemDetail) => {
      message.success(editing ? t('common.saved') : t('rectification.registered', { code: p.code }))
      onSaved(p)
    }
    const onError = (err: unknown) => showError(err, { form })
    if (problem) {
      // Only what changed: a field someone else corrected meanwhile is not overwritten by a stale copy.
      const before = bodyOf(valuesOf(problem, today))
      const after = bodyOf(v)
      const changed = Object.fromEntries(
        Object.entries(after).filter(([k, val]) => before[k as keyof typeof before] !== val),
      )
      update.mutate({ id: problem.id, version: problem.version, ...changed }, { onSuccess: done, onError })
      return
    }
    const measures = (v.measures ?? []).map((m) => ({
      content: m.content.trim(),
      owner: m.owner?.trim() ?? '',
      deadline: toIso(m.deadline) ?? '',
    }))
    create.mutate({ ...bodyOf(v), measures }, { onSuccess: done, onError })
  }

  return (
    <Drawer
      open={open}
      title={
        editing ? t('rectification.editTitle', { code: problem.code }) : t('rectification.registerTitle')
      }
      size={760}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="problem-form-submit"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {editing ? t('common.save') : t('rectification.register')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ foundOn: today, fixAtOnce: false, measures: [{}] }}
      >
        <Form.Item name="description" label={t('rectification.field.description')} rules={[required]}>
          <Input.TextArea data-testid="problem-form-description" rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="source" label={t('rectification.field.source')} rules={[picked]}>
              <Select data-testid="problem-form-source" options={labels.sourceOptions()} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="categoryId" label={t('rectification.field.category')} rules={[picked]}>
              <Select
                data-testid="problem-form-category"
                options={(categories.data ?? [])
                  .filter((c) => !c.voided || c.id === problem?.categoryId)
                  .map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="foundOn" label={t('rectification.field.foundOn')} rules={[picked]}>
              <DatePicker
                data-testid="problem-form-found-on"
                disabledDate={afterToday}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="campaign"
              label={t('rectification.field.campaign')}
              extra={t('rectification.campaignHint')}
            >
              <AutoComplete
                data-testid="problem-form-campaign"
                options={(campaigns.data ?? []).map((c) => ({ value: c }))}
                maxLength={100}
                allowClear
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="responsibleUnitId"
              label={t('rectification.field.responsibleUnit')}
              rules={[picked]}
            >
              <OrgTreeSelect data-testid="problem-form-unit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="responsibleLeader" label={t('rectification.field.responsibleLeader')}>
              <Input data-testid="problem-form-leader" maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fixAtOnce" valuePropName="checked" label=" ">
              <Checkbox data-testid="problem-form-fix-at-once">{t('rectification.field.fixAtOnce')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {!editing && <MeasuresField />}
      </Form>
    </Drawer>
  )
}
