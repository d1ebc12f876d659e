import { Alert, Breadcrumb, Button, Col, Empty, Row, Segmented, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { FigureCard } from '../../indicators/FigureCard'
import type { UrlPatch } from '../BalancePage'
import { YearPicker } from '../common/YearPicker'
import { useCoefficients, useSettings } from '../queries'
import type { Limits } from '../types'
import { CityTable } from './CityTable'
import { HeatLegend } from './HeatLegend'
import { HeatTable } from './HeatTable'
import { cityRows, countyRows, type IndicatorSet } from './rows'
import { SchoolsView } from './SchoolsView'

/** The registry's figures for the scope and year, with 同比 and trend. */
const FIGURES = [
  'balance.counties_composite_rose',
  'balance.counties_failing_2017',
  'balance.counties_failing_composite',
] as const

/** Breadcrumb steps are buttons that look like links. */
const CRUMB = { type: 'link', size: 'small', style: { padding: 0, height: 'auto' } } as const

const DEFAULT_CV_LIMITS: Limits = { primary: 0.5, junior: 0.45 }

interface Props {
  year: number | undefined
  onYear: (y: number) => void
  params: URLSearchParams
  update: (patch: UrlPatch) => void
}

/**
 * 差异系数: the report's sentence, the figures, and the heat table, with the drill-down
 * city → county → school kept in the URL (`city`, `county`) so the breadcrumb and reloads agree.
 */
export function CoefficientsTab({ year, onYear, params, update }: Props) {
  const { t } = useTranslation()
  const q = useCoefficients(year)
  const settings = useSettings()
  const set: IndicatorSet = params.get('set') === 'quality' ? 'quality' : 'basic'
  const data = q.data
  const all = countyRows(data?.counties ?? [])
  const cities = cityRows(all)
  // Only a scope spanning several cities (a province) starts at the city level.
  const multiCity = cities.length > 1
  const city = params.get('city')
  const countyId = Number(params.get('county')) || undefined
  const county = all.find((r) => r.countyId === countyId)
  const counties = city !== null ? all.filter((r) => (r.city ?? '') === city) : all
  const cvLimits = settings.data?.qualityLimits ?? DEFAULT_CV_LIMITS
  const compositeLimits = data?.compositeLimits ??
    settings.data?.compositeLimits ?? { primary: 0.65, junior: 0.55 }

  const crumbs = [
    {
      key: 'root',
      title: (
        <Button {...CRUMB} data-testid="crumb-root" onClick={() => update({ city: null, county: null })}>
          {multiCity ? t('balance.coef.allCities') : t('balance.coef.allCounties')}
        </Button>
      ),
    },
    ...(multiCity && (city !== null || county)
      ? [
          {
            key: 'city',
            title: (
              <Button
                {...CRUMB}
                data-testid="crumb-city"
                onClick={() => update({ county: null, city: city ?? county?.city ?? '' })}
              >
                {(city ?? county?.city) || '—'}
              </Button>
            ),
          },
        ]
      : []),
    ...(county ? [{ key: 'county', title: <span data-testid="crumb-county">{county.county}</span> }] : []),
  ]

  const summary = data?.summary
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={12}>
        <YearPicker value={year} onChange={onYear} />
        <Segmented<IndicatorSet>
          value={set}
          onChange={(v) => update({ set: v === 'basic' ? null : v })}
          options={[
            { value: 'basic', label: t('balance.sets.basic') },
            { value: 'quality', label: t('balance.sets.quality') },
          ]}
          data-testid="balance-set"
        />
      </Space>
      {summary && data && (
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="balance-sentence">
          <span style={{ color: summary.rose > 0 ? '#cf1322' : undefined }}>
            {summary.rose > 0
              ? t('balance.coef.sentence', { count: summary.rose })
              : t('balance.coef.sentenceNone')}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
            {t('balance.coef.sentenceOf', {
              year: data.year,
              previous: data.previousYear,
              counties: summary.counties,
            })}
          </Typography.Text>
        </Typography.Title>
      )}
      {year !== undefined && (
        <Row gutter={[12, 12]}>
          {FIGURES.map((k) => (
            <Col key={k} xs={24} md={8}>
              <FigureCard indicatorKey={k} period={String(year)} orgUnitId={undefined} compact />
            </Col>
          ))}
        </Row>
      )}
      <Breadcrumb items={crumbs} data-testid="balance-breadcrumb" />
      <HeatLegend cvLimits={cvLimits} compositeLimits={compositeLimits} />
      {data && all.length === 0 && !q.isFetching ? (
        <Empty description={t('balance.coef.empty', { year: data.year })} />
      ) : county && year !== undefined ? (
        <SchoolsView
          countyId={county.countyId}
          year={year}
          set={set}
          cvLimits={cvLimits}
          compositeLimits={compositeLimits}
        />
      ) : multiCity && city === null ? (
        <CityTable
          rows={cities}
          compositeLimits={compositeLimits}
          loading={q.isFetching}
          onOpen={(c) => update({ city: c })}
        />
      ) : (
        <HeatTable
          rows={counties}
          set={set}
          cvLimits={cvLimits}
          compositeLimits={compositeLimits}
          loading={q.isFetching}
          onOpen={(r) => update({ county: String(r.countyId), city: multiCity ? (r.city ?? '') : null })}
        />
      )}
      {!county && (data?.warnings.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('balance.coef.dataWarnings', { count: data?.warnings.length ?? 0 })}
          description={data?.warnings.map((w) => w.message).join('；')}
        />
      )}
    </Space>
  )
}
