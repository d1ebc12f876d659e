import { App, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { categoryTree } from '../categoryTree'
import { fromIso, toIso } from '../dates'
import { usePetitionLabels } from '../labels'
import { useCategories, useCreatePlan, useUpdatePlan } from '../queries'
import type { Plan, PlanInput, PlanStatus } from '../types'

export type PlanTarget = { mode: 'create' } | { mode: 'edit'; plan: Plan }

interface Values {
  categoryId: number
  demandId?: number
  title: string
  owner: string
  measures?: string
  status: PlanStatus
  dueOn?: Dayjs
}

/** A resolution plan (化解方案) for a category, or for one demand within it. */
export function PlanDrawer({ target, onClose }: { target: PlanTarget | null; onClose: () => void }) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const categories = useCategories()
  const tree = categoryTree(categories.data ?? [])
  const create = useCreatePlan()
  const update = useUpdatePlan()
  const editing = target?.mode === 'edit' ? target.plan : null
  const categoryId = Form.useWatch('categoryId', form)
  const required = { required: true, whitespace: true, message: t('common.required') }

  const submit = (v: Values) => {
    const body: PlanInput = {
      categoryId: v.categoryId,
      demandId: v.demandId,
      title: v.title.trim(),
      owner: v.owner.trim(),
      measures: v.measures?.trim() ?? '',
      status: v.status,
      dueOn: toIso(v.dueOn),
    }
    const done = {
      onSuccess: () => {
        message.success(t('common.saved'))
        onClose()
      },
      onError: (err: unknown) => showError(err, { form, onReload: onClose }),
    }
    if (editing) update.mutate({ id: editing.id, version: editing.version, ...body }, done)
    else create.mutate(body, done)
  }

  return (
    <Drawer
      open={target !== null}
      title={editing ? t('petitions.plans.editTitle', { title: editing.title }) : t('petitions.plans.add')}
      size={520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="plan-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={
          editing
            ? {
                categoryId: editing.categoryId,
                demandId: editing.demandId ?? undefined,
                title: editing.title,
                owner: editing.owner,
                measures: editing.measures,
                status: editing.status,
                dueOn: fromIso(editing.dueOn),
              }
            : { status: 'running' }
        }
      >
        <Form.Item
          name="categoryId"
          label={t('petitions.field.category')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="plan-category"
            showSearch={{ optionFilterProp: 'label' }}
            options={tree.map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldValue('demandId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="demandId"
          label={t('petitions.field.demand')}
          extra={t('petitions.plans.demandHint')}
        >
          <Select
            allowClear
            data-testid="plan-demand"
            disabled={!categoryId}
            options={(tree.find((c) => c.id === categoryId)?.children ?? []).map((d) => ({
              value: d.id,
              label: d.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('petitions.plans.title')} rules={[required]}>
          <Input maxLength={100} data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="owner" label={t('petitions.plans.owner')} rules={[required]}>
          <Input maxLength={50} data-testid="plan-owner" />
        </Form.Item>
        <Form.Item name="measures" label={t('petitions.plans.measures')}>
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="plan-measures" />
        </Form.Item>
        <Space size={16}>
          <Form.Item
            name="status"
            label={t('petitions.plans.status')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select options={labels.planStatusOptions()} style={{ width: 160 }} data-testid="plan-status" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('petitions.plans.dueOn')}>
            <DatePicker data-testid="plan-due" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  )
}
