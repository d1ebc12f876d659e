import { App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { OrgMultiSelect } from '../common/OrgMultiSelect'
import { mainCampaign, useCampaigns, useCreateTask, useToday, useUpdateTask } from '../queries'
import type { TaskDetail, TaskSummary } from '../types'
import { MilestonesField } from './MilestonesField'
import { RecurrenceField } from './RecurrenceField'
import { createBody, editValues, newValues, type TaskFormValues, updateBody } from './taskForm'

interface Props {
  open: boolean
  onClose: () => void
  onSaved: (task: TaskDetail) => void
  /** Editing this task; creating a new one when absent. */
  task?: TaskDetail
  /** Creating a sub-task of this one (same campaign). */
  parent?: TaskSummary
}

/** Create or re-plan a key task. Milestones are set here at creation, then kept in the task drawer. */
export function TaskFormDrawer({ open, onClose, onSaved, task, parent }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { user } = useAuth()
  const showError = useShowError()
  const today = useToday()
  const [form] = Form.useForm<TaskFormValues>()
  const campaigns = useCampaigns()
  const create = useCreateTask()
  const update = useUpdateTask()
  // The server moves a started task's deadline only by an approved extension.
  const deadlineLocked = task !== undefined && task.status !== 'not_started'
  const required = { required: true, message: t('common.required') }

  const defaultCampaignId = parent?.campaignId ?? mainCampaign(campaigns.data)?.id
  const initial = task
    ? editValues(task)
    : newValues({ campaignId: defaultCampaignId, parent, leadUnitId: Number(user?.orgUnitId), today })

  // useWatch is undefined until the form has rendered once: fall back to the initial values, so
  // the aspect list is there (not disabled) from the first frame.
  const campaignId = Form.useWatch('campaignId', form) ?? initial.campaignId

  // The campaigns may arrive after the drawer opened: then the default campaign is filled in late.
  useEffect(() => {
    if (open && !task && defaultCampaignId !== undefined && form.getFieldValue('campaignId') === undefined)
      form.setFieldValue('campaignId', defaultCampaignId)
  }, [open, task, defaultCampaignId, form])
  const recurring = Form.useWatch('recurring', form)
  const aspects = campaigns.data?.find((c) => c.id === campaignId)?.aspects ?? []

  const onError = (err: unknown) => showError(err, { form })
  const submit = (v: TaskFormValues) => {
    if (task) {
      const saved = (detail: TaskDetail) => {
        message.success(t('common.saved'))
        onSaved(detail)
      }
      update.mutate(
        { id: task.id, version: task.version, ...updateBody(v, deadlineLocked) },
        { onSuccess: saved, onError },
      )
      return
    }
    create.mutate(createBody(v, parent), {
      onSuccess: (detail) => {
        message.success(t('supervision.created', { title: detail.title }))
        onSaved(detail)
      },
      onError,
    })
  }

  return (
    <Drawer
      open={open}
      title={
        task ? t('supervision.editTask') : parent ? t('supervision.newSubTask') : t('supervision.newTask')
      }
      size={720}
      onClose={onClose}
      destroyOnHidden
      data-testid="task-form"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="task-form-submit"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<TaskFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={initial}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="campaignId" label={t('supervision.field.campaign')} rules={[required]}>
              <Select
                data-testid="task-form-campaign"
                disabled={task !== undefined || parent !== undefined}
                options={(campaigns.data ?? [])
                  .filter((c) => !c.voided)
                  .map((c) => ({ value: c.id, label: c.name }))}
                onChange={() => form.setFieldValue('aspectId', undefined)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="aspectId" label={t('supervision.field.aspect')} rules={[required]}>
              <Select
                data-testid="task-form-aspect"
                disabled={!campaignId}
                options={aspects.map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('supervision.field.title')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input data-testid="task-form-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('supervision.field.description')}>
          <Input.TextArea data-testid="task-form-description" rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="leadUnitId" label={t('supervision.field.leadUnit')} rules={[required]}>
              <OrgTreeSelect data-testid="task-form-lead" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="coUnitIds" label={t('supervision.field.coUnits')}>
              <OrgMultiSelect data-testid="task-form-co" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leader" label={t('supervision.field.leader')}>
              <Input data-testid="task-form-leader" maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startsOn" label={t('supervision.field.startsOn')} rules={[required]}>
              <DatePicker data-testid="task-form-start" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="deadline"
              label={t('supervision.field.deadline')}
              rules={[required]}
              extra={deadlineLocked ? t('supervision.deadlineLocked') : undefined}
            >
              <DatePicker
                data-testid="task-form-deadline"
                disabled={deadlineLocked}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12} align="middle">
          <Col span={8}>
            <Form.Item
              name="weight"
              label={t('supervision.field.weight')}
              tooltip={t('supervision.weightHint')}
            >
              <InputNumber
                data-testid="task-form-weight"
                min={1}
                max={100}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <RecurrenceField recurring={recurring} />
        </Row>
        {!task && <MilestonesField />}
      </Form>
    </Drawer>
  )
}
