import { Form, Input, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { TEMPLATE_KEY } from '../format'
import { type NewTemplate, useCreateTemplate } from '../queries'
import { PERIOD_KINDS } from '../types'

interface Props {
  open: boolean
  onClose: () => void
  onCreated: (key: string) => void
}

/** A starting text in the official shape, so a new template renders at once and shows the idioms. */
const STARTER = `# {{ org }}工作情况报告

@unit {{ org }}

@date {{ today }}

## 一、总体情况

**本期{{ org }}共受理信访事项{{ "petitions.received" | figure | integer }}件。**比去年同期{{ "petitions.received" | delta | change: "件" }}。
`

/** A new template: key, title, period kind; the source starts from a short example. */
export function NewTemplateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<NewTemplate>()
  const create = useCreateTemplate()
  const showError = useShowError()

  const submit = async () => {
    const v = await form.validateFields()
    try {
      const created = await create.mutateAsync({ ...v, description: v.description ?? '', source: STARTER })
      onCreated(created.key)
    } catch (err) {
      showError(err, { form })
    }
  }

  return (
    <Modal
      open={open}
      title={t('reports.templates.new')}
      okText={t('reports.templates.create')}
      okButtonProps={{ loading: create.isPending, ...{ 'data-testid': 'template-new-submit' } }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ periodKind: 'year' }}>
        <Form.Item
          name="key"
          label={t('reports.templates.key')}
          extra={t('reports.templates.keyHint')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: TEMPLATE_KEY, message: t('reports.templates.keyRule') },
          ]}
        >
          <Input maxLength={64} data-testid="template-new-key" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('reports.templates.title')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} data-testid="template-new-title" />
        </Form.Item>
        <Form.Item name="description" label={t('reports.templates.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="periodKind" label={t('reports.templates.periodKind')}>
          <Select
            options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`indicators.period.kinds.${k}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
