import { App, Form, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { api } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { useCampaigns, useRefreshPetitions } from '../queries'

interface Props {
  caseIds: number[]
  open: boolean
  onClose: () => void
  onDone: () => void
}

/** Puts the selected cases into a campaign (专项行动); tagging a case twice is harmless. */
export function TagCampaignModal({ caseIds, open, onClose, onDone }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const campaigns = useCampaigns()
  const refresh = useRefreshPetitions()
  const [form] = Form.useForm<{ campaignId: number }>()

  const submit = async ({ campaignId }: { campaignId: number }) => {
    try {
      const r = await api.post<{ tagged: number }>(`/api/petitions/campaigns/${campaignId}/cases`, {
        caseIds,
      })
      message.success(t('petitions.campaigns.tagged', { count: r.tagged }))
      void refresh()
      onDone()
    } catch (err) {
      showError(err, { form })
    }
  }

  return (
    <Modal
      open={open}
      title={t('petitions.campaigns.tagTitle', { count: caseIds.length })}
      okButtonProps={{ ...{ 'data-testid': 'tag-campaign-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="campaignId"
          label={t('petitions.field.campaign')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="tag-campaign-select"
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
