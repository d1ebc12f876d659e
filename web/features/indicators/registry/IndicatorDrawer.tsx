import { Descriptions, Drawer, Space, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { useToday } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { canConfigIndicators } from '../access'
import { FigureCard } from '../FigureCard'
import { useDefinitionText, useIndicatorName, useUnitWord } from '../format'
import { PeriodPicker } from '../PeriodPicker'
import { useIndicator, useIndicators } from '../queries'
import { EntriesSection } from './EntriesSection'

/** One indicator: its definition in words, its figure for a chosen period and unit, entries and targets. */
export function IndicatorDrawer({
  indicatorKey,
  onClose,
}: {
  indicatorKey: string | null
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const { user } = useAuth()
  const today = useToday()
  const ind = useIndicator(indicatorKey)
  const all = useIndicators().data?.items ?? []
  const defText = useDefinitionText(all)
  const name = useIndicatorName()
  const word = useUnitWord()
  // Default: this year by the server's date, and the user's own unit.
  const [period, setPeriod] = useState(today.slice(0, 4))
  const [unitId, setUnitId] = useState<number | undefined>(user ? Number(user.orgUnitId) : undefined)
  const config = canConfigIndicators(user?.role)
  const i = ind.data
  const en = i18n.language === 'en'

  return (
    <Drawer
      open={indicatorKey !== null}
      onClose={onClose}
      size={880}
      destroyOnHidden
      title={i ? name(i) : indicatorKey}
      data-testid="indicator-drawer"
    >
      {i && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered data-testid="indicator-definition">
            <Descriptions.Item label={t('indicators.key')} span={2}>
              <code>{i.key}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('indicators.source')}>
              <Tag>{t(`indicators.sources.${i.source}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('indicators.unit')}>{word(i) || i.unitZh}</Descriptions.Item>
            <Descriptions.Item label={t('indicators.definition')} span={2}>
              <span data-testid="indicator-definition-text">{defText(i)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('indicators.better')}>
              {t(`indicators.betters.${i.better ?? 'none'}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicators.description')}>
              {(en ? i.descriptionEn : i.descriptionZh) || i.descriptionZh || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap size={8}>
            <PeriodPicker value={period} onChange={setPeriod} />
            <div style={{ width: 260 }}>
              <OrgTreeSelect
                value={unitId}
                onChange={(id) => setUnitId(id ?? (user ? Number(user.orgUnitId) : undefined))}
                placeholder={t('indicators.orgUnit')}
                data-testid="figure-unit"
              />
            </div>
          </Space>
          <FigureCard indicatorKey={i.key} period={period} orgUnitId={unitId} />
          {i.source === 'manual' && (
            <EntriesSection ind={i} kind="values" canEdit={config} defaults={{ period, unitId }} />
          )}
          <EntriesSection ind={i} kind="targets" canEdit={config} defaults={{ period, unitId }} />
        </Space>
      )}
    </Drawer>
  )
}
