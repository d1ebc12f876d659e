import { App, Checkbox, Form, Input, Modal, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useCategories } from '../../rectification/queries'
import { cvText } from '../format'
import { useConvertWarning } from '../queries'
import type { Warning } from '../types'

interface Values {
  categoryId: number
  responsibleLeader?: string
  fixAtOnce: boolean
}

/** 转为整改问题: the category (required by the problem ledger), an optional leader, 立行立改. */
export function ConvertModal({ warning, onClose }: { warning: Warning | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const categories = useCategories()
  const convert = useConvertWarning()
  const stage = warning ? t(`balance.stages.${warning.stage}`) : ''

  const submit = async () => {
    if (!warning) return
    const v = await form.validateFields()
    convert.mutate(
      {
        countyId: warning.countyId,
        year: warning.year,
        stage: warning.stage,
        categoryId: v.categoryId,
        fixAtOnce: !!v.fixAtOnce,
        ...(v.responsibleLeader?.trim() ? { responsibleLeader: v.responsibleLeader.trim() } : {}),
      },
      {
        onSuccess: (w) => {
          message.success(t('balance.warn.done', { code: w.problem?.code ?? '' }))
          onClose()
        },
        onError: (err) => showError(err, { form }),
      },
    )
  }

  return (
    <Modal
      open={warning !== null}
      title={warning ? t('balance.warn.convertTitle', { county: warning.county, stage }) : ''}
      okText={t('balance.warn.convert')}
      okButtonProps={{ loading: convert.isPending, ...{ 'data-testid': 'convert-submit' } }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {warning && (
        <Typography.Paragraph type="secondary">
          {t('balance.warn.descriptionPreview', {
            county: warning.county,
            year: warning.year,
            stage,
            previous: cvText(warning.previous),
            current: cvText(warning.composite),
          })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ fixAtOnce: false }}>
        <Form.Item
          name="categoryId"
          label={t('balance.warn.category')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="convert-category"
            loading={categories.isPending}
            options={(categories.data ?? [])
              .filter((c) => !c.voided)
              .map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="responsibleLeader" label={t('balance.warn.leader')}>
          <Input maxLength={50} data-testid="convert-leader" />
        </Form.Item>
        <Form.Item name="fixAtOnce" valuePropName="checked">
          <Checkbox>{t('balance.warn.fixAtOnce')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  )
}
