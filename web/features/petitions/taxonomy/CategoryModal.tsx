import { App, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useCreateCategory, useUpdateCategory } from '../queries'
import type { Category } from '../types'

/** Create a category (parent null) or a demand under one, or edit either. */
export type CategoryTarget =
  | { mode: 'create'; parent: Category | null }
  | { mode: 'edit'; category: Category }

interface Values {
  name: string
  synonyms: string[]
  sortOrder: number
}

export function CategoryModal({ target, onClose }: { target: CategoryTarget | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const create = useCreateCategory()
  const update = useUpdateCategory()
  const editing = target?.mode === 'edit' ? target.category : null
  const parent = target?.mode === 'create' ? target.parent : null

  const submit = (v: Values) => {
    const values = { name: v.name.trim(), synonyms: v.synonyms ?? [], sortOrder: v.sortOrder ?? 0 }
    const done = {
      onSuccess: () => {
        message.success(t('common.saved'))
        onClose()
      },
      onError: (err: unknown) => showError(err, { form, onReload: onClose }),
    }
    if (editing) update.mutate({ id: editing.id, version: editing.version, ...values }, done)
    else create.mutate({ parentId: parent?.id ?? null, ...values }, done)
  }

  const title = editing
    ? t('petitions.taxonomy.editTitle', { name: editing.name })
    : parent
      ? t('petitions.taxonomy.addDemandTitle', { name: parent.name })
      : t('petitions.taxonomy.addCategory')

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={t('common.save')}
      okButtonProps={{
        loading: create.isPending || update.isPending,
        ...{ 'data-testid': 'category-submit' },
      }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={
          editing
            ? { name: editing.name, synonyms: editing.synonyms, sortOrder: editing.sortOrder }
            : { synonyms: [], sortOrder: 0 }
        }
      >
        <Form.Item
          name="name"
          label={t('petitions.taxonomy.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={40} data-testid="category-name" />
        </Form.Item>
        <Form.Item
          name="synonyms"
          label={t('petitions.taxonomy.synonyms')}
          extra={t('petitions.taxonomy.synonymsHint')}
        >
          <Select
            mode="tags"
            open={false}
            placeholder={t('org.tagsPlaceholder')}
            data-testid="category-synonyms"
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('org.sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} data-testid="category-sort" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
