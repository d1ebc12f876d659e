import { Card, Col, Row, Statistic, Table, type TableColumnsType, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { YearPicker } from '../common/YearPicker'
import { countText, NO_TREE, percentText } from '../format'
import { usePreschool } from '../queries'
import type { PreschoolFigures } from '../types'

/** Below these county standards (2020) a share shows red: coverage ≥ 80 %, public share ≥ 50 %. */
const COVERAGE_MIN = 80
const PUBLIC_SHARE_MIN = 50
const red = (v: number | null, min: number) => (v !== null && v < min ? { color: '#cf1322' } : undefined)

/** 学前教育: coverage, public share and new inclusive places of the scope, then of each county. */
export function PreschoolCards({ year, onYear }: { year: number | undefined; onYear: (y: number) => void }) {
  const { t } = useTranslation()
  const q = usePreschool(year)
  const total = q.data?.total
  const card = (key: string, title: string, value: string, hint: string, style?: object) => (
    <Col xs={24} md={6} key={key}>
      <Card size="small" data-testid={`preschool-${key}`} style={{ height: '100%' }}>
        <Statistic title={title} value={value} styles={{ content: { fontSize: 26, ...style } }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      </Card>
    </Col>
  )
  const columns: TableColumnsType<PreschoolFigures> = [
    { key: 'name', title: t('balance.kg.unit'), dataIndex: 'name' },
    {
      key: 'kgs',
      title: t('balance.kg.name'),
      align: 'right',
      render: (_: unknown, u) => countText(u.kindergartens),
    },
    {
      key: 'children',
      title: t('balance.kg.children'),
      align: 'right',
      render: (_: unknown, u) => countText(u.children),
    },
    {
      key: 'coverage',
      title: t('balance.kg.coverage'),
      align: 'right',
      render: (_: unknown, u) => <span style={red(u.coverage, COVERAGE_MIN)}>{percentText(u.coverage)}</span>,
    },
    {
      key: 'public',
      title: t('balance.kg.publicShare'),
      align: 'right',
      render: (_: unknown, u) => (
        <span style={red(u.publicShare, PUBLIC_SHARE_MIN)}>{percentText(u.publicShare)}</span>
      ),
    },
    {
      key: 'new',
      title: t('balance.kg.newPlaces'),
      align: 'right',
      render: (_: unknown, u) => countText(u.newInclusivePlaces),
    },
  ]
  return (
    <>
      <YearPicker value={year} onChange={onYear} data-testid="preschool-year" />
      <Row gutter={[12, 12]}>
        {card(
          'coverage',
          t('balance.kg.coverage'),
          percentText(total?.coverage),
          t('balance.kg.coverageHint'),
          red(total?.coverage ?? null, COVERAGE_MIN),
        )}
        {card(
          'public-share',
          t('balance.kg.publicShare'),
          percentText(total?.publicShare),
          t('balance.kg.publicShareHint'),
          red(total?.publicShare ?? null, PUBLIC_SHARE_MIN),
        )}
        {card(
          'new-places',
          t('balance.kg.newPlaces'),
          countText(total?.newInclusivePlaces),
          total?.name ?? '',
        )}
        {card(
          'children',
          t('balance.kg.totalChildren'),
          countText(total?.children),
          t('balance.kg.kindergartens', { count: total?.kindergartens ?? 0 }),
        )}
      </Row>
      {(q.data?.units.length ?? 0) > 0 && (
        <Table<PreschoolFigures>
          rowKey="orgUnitId"
          size="small"
          data-testid="preschool-units"
          // The rows' `children` is a head count, not tree data.
          expandable={NO_TREE}
          title={() => t('balance.kg.byUnit')}
          columns={columns}
          dataSource={q.data?.units.filter((u) => u.kind === 'county') ?? []}
          loading={q.isFetching}
          pagination={false}
        />
      )}
    </>
  )
}
