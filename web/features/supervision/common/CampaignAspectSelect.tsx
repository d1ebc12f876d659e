import { Cascader } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCampaigns } from '../queries'

interface Props {
  campaignId?: number
  aspectId?: number
  onChange: (campaignId: number | undefined, aspectId: number | undefined) => void
  width?: number
  'data-testid'?: string
}

/** A campaign, or one of its aspects (方面): the two levels every supervision list is cut by. */
export function CampaignAspectSelect({ campaignId, aspectId, onChange, width = 300, ...rest }: Props) {
  const { t } = useTranslation()
  const campaigns = useCampaigns()
  const options = (campaigns.data ?? [])
    .filter((c) => !c.voided)
    .map((c) => ({
      value: c.id,
      label: c.name,
      children: c.aspects.map((a) => ({ value: a.id, label: `${a.name}（${a.tasks}）` })),
    }))
  const value = [campaignId, aspectId].filter((x): x is number => x !== undefined)
  return (
    <Cascader
      changeOnSelect
      showSearch
      data-testid={rest['data-testid']}
      placeholder={t('supervision.filter.campaign')}
      options={options}
      value={value}
      loading={campaigns.isPending}
      onChange={(path) => onChange(path?.[0] as number | undefined, path?.[1] as number | undefined)}
      style={{ width }}
    />
  )
}
