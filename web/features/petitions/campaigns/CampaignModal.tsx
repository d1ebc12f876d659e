import { App, DatePicker, Form, Input, Modal } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { toIso } from '../dates'
import { useCreateCampaign } from '../queries'

interface Values {
  name: string
  cutoffOn: Dayjs
  endsOn?: Dayjs
  goal?: string
}

/** A campaign (专项行动): cases open on its cut-off day are the stock it sets out to resolve. */
export function CampaignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const create = useCreateCampaign()
  const cutoffOn = Form.useWatch('cutoffOn', form)

  const submit = (v: Values) =>
    create.mutate(
      {
        name: v.name.trim(),
        cutoffOn: toIso(v.cutoffOn) ?? '',
        endsOn: toIso(v.endsOn),
        goal: v.goal?.trim() ?? '',
      },
      {
        onSuccess: (c) => {
          message.success(t('petitions.campaigns.created', { name: c.name }))
          onClose()
        },
        onError: (err) => showError(err, { form }),
      },
    )

  return (
    <Modal
      open={open}
      title={t('petitions.campaigns.add')}
      okText={t('common.save')}
      okButtonProps={{ loading: create.isPending, ...{ 'data-testid': 'campaign-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item
          name="name"
          label={t('petitions.campaigns.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={80} data-testid="campaign-name" />
        </Form.Item>
        <Form.Item
          name="cutoffOn"
          label={t('petitions.campaigns.cutoffOn')}
          extra={t('petitions.campaigns.cutoffHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker data-testid="campaign-cutoff" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('petitions.campaigns.endsOn')}
          dependencies={['cutoffOn']}
          rules={[
            {
              validator: (_, v: Dayjs | undefined) =>
                v && cutoffOn && v.isBefore(cutoffOn, 'day')
                  ? Promise.reject(new Error(t('petitions.campaigns.endsBeforeCutoff')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker data-testid="campaign-ends" />
        </Form.Item>
        <Form.Item name="goal" label={t('petitions.campaigns.goal')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="campaign-goal" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
