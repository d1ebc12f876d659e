import { ExportOutlined } from '@ant-design/icons'
import { Alert, Button, Segmented, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { countText, deviationPct, pullsUp, valueText } from '../format'
import { B, useCountySchools } from '../queries'
import type { IndicatorCv, Limits, SchoolValues, Stage } from '../types'
import { CvCell } from './cells'
import type { IndicatorSet } from './rows'

interface Props {
  countyId: number
  year: number
  set: IndicatorSet
  cvLimits: Limits
  compositeLimits: Limits
}

/** One county's schools in a stage: each value, the ones pulling a CV up, minimums and shortfalls. */
export function SchoolsView({ countyId, year, set, cvLimits, compositeLimits }: Props) {
  const { t } = useTranslation()
  const showError = useShowError()
  const q = useCountySchools(countyId, year)
  const stages = q.data?.stages ?? []
  const [picked, setPicked] = useState<Stage | null>(null)
  const current = stages.find((s) => s.result.stage === picked) ?? stages[0]
  const stage = current?.result.stage
  const indicators: IndicatorCv[] = current ? current.result[set].indicators : []
  const limitOf = (i: IndicatorCv) => i.limit ?? (stage ? cvLimits[stage] : 0.5)
  const pulledBy = (s: SchoolValues) =>
    indicators.filter((i) => pullsUp(s.values[i.key], i.mean, i.cv, limitOf(i)))
  // The schools pulling most CVs up come first: they are where the county's gaps are.
  const schools = [...(current?.schools ?? [])].sort(
    (a, b) => pulledBy(b).length - pulledBy(a).length || b.pupils - a.pupils,
  )

  const columns: TableColumnsType<SchoolValues> = [
    { key: 'school', title: t('balance.school.name'), dataIndex: 'school', fixed: 'left', width: 200 },
    {
      key: 'pupils',
      title: t('balance.school.pupils'),
      align: 'right',
      width: 80,
      render: (_: unknown, s) => countText(s.pupils),
    },
    ...indicators.map((ind) => ({
      key: ind.key,
      title: <span style={{ whiteSpace: 'normal', display: 'block', minWidth: 110 }}>{ind.name}</span>,
      align: 'right' as const,
      width: 120,
      render: (_: unknown, s: SchoolValues) => {
        const v = s.values[ind.key]
        const pulls = pullsUp(v, ind.mean, ind.cv, limitOf(ind))
        const dev = deviationPct(v, ind.mean)
        return (
          <Tooltip title={dev === null ? undefined : t('balance.school.deviation', { pct: dev.toFixed(1) })}>
            <span
              data-pulls={pulls ? 'true' : undefined}
              style={pulls ? { color: '#cf1322', fontWeight: 600 } : undefined}
            >
              {valueText(v)}
            </span>
          </Tooltip>
        )
      },
    })),
    {
      key: 'pulls',
      title: t('balance.school.pulls'),
      width: 110,
      align: 'right',
      render: (_: unknown, s) => {
        const n = pulledBy(s).length
        return n > 0 ? (
          <Tooltip
            title={pulledBy(s)
              .map((i) => i.name)
              .join('、')}
          >
            <Tag color="red" data-testid={`school-pulls-${s.schoolId}`}>
              {n}
            </Tag>
          </Tooltip>
        ) : (
          0
        )
      },
    },
    {
      key: 'minimums',
      title: t('balance.school.minimums'),
      width: 100,
      align: 'right',
      render: (_: unknown, s) => (
        <Typography.Text
          type={s.meetsMinimums ? undefined : 'danger'}
        >{`${s.minimumsMet}/7`}</Typography.Text>
      ),
    },
    {
      key: 'shortfalls',
      title: t('balance.school.shortfalls'),
      width: 110,
      render: (_: unknown, s) =>
        s.shortfalls.length > 0 ? (
          <Tooltip
            title={s.shortfalls
              .map((x) =>
                t('balance.school.belowMinimum', {
                  name: x.name,
                  value: valueText(x.value),
                  minimum: valueText(x.minimum),
                }),
              )
              .join('；')}
          >
            <Tag color="orange">{s.shortfalls.length}</Tag>
          </Tooltip>
        ) : (
          0
        ),
    },
  ]

  const exportCounty = () =>
    download(`${B}/resources/export.xlsx`, { orgUnitId: countyId, year }, 'resources.xlsx').catch(
      (err: unknown) => showError(err),
    )

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="schools-view">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Segmented<Stage>
          value={stage ?? 'primary'}
          onChange={setPicked}
          options={stages.map((s) => ({
            value: s.result.stage,
            label: `${t(`balance.stages.${s.result.stage}`)}（${s.schools.length}）`,
          }))}
          data-testid="schools-stage"
        />
        {current && (
          <Space size={4}>
            <Typography.Text type="secondary">{t('balance.coef.composite')}</Typography.Text>
            <div style={{ width: 70 }}>
              <CvCell cv={current.result.basic.composite} limit={compositeLimits[current.result.stage]} />
            </div>
          </Space>
        )}
        <span style={{ flex: 1 }} />
        <Button icon={<ExportOutlined />} onClick={exportCounty} data-testid="schools-export">
          {t('balance.coef.exportCounty')}
        </Button>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('balance.school.pullsHint')}
      </Typography.Text>
      <Table<SchoolValues>
        rowKey="schoolId"
        size="small"
        bordered
        data-testid="schools-table"
        columns={columns}
        dataSource={schools}
        loading={q.isFetching}
        pagination={false}
        scroll={{ x: 'max-content', y: 520 }}
        summary={() =>
          stage ? (
            <Table.Summary fixed="top">
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('balance.school.meanRow')}</Typography.Text>
                </Table.Summary.Cell>
                {indicators.map((i, n) => (
                  <Table.Summary.Cell key={i.key} index={n + 2} align="right">
                    <div style={{ fontSize: 12 }}>{valueText(i.mean)}</div>
                    <CvCell cv={i.cv} limit={i.limit ?? cvLimits[stage]} />
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={indicators.length + 2} colSpan={3} />
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
      {(q.data?.excluded.length ?? 0) > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('balance.school.excluded')}
          description={q.data?.excluded.map((e) => `${e.school}（${e.reason}）`).join('；')}
        />
      )}
      {(q.data?.warnings.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('balance.coef.dataWarnings', { count: q.data?.warnings.length ?? 0 })}
          description={q.data?.warnings.map((w) => w.message).join('；')}
        />
      )}
    </Space>
  )
}
