/** The coloured cells of the heat table: a CV against its limit, and a change with its arrow. */
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons'
import { Tooltip } from 'antd'
import { cvText, HEAT_COLORS, heatOf, signedCv } from '../format'

export function CvCell({
  cv,
  limit,
  testId,
}: {
  cv: number | null | undefined
  limit: number
  testId?: string
}) {
  const heat = heatOf(cv, limit)
  const c = HEAT_COLORS[heat]
  return (
    <Tooltip title={cv === null || cv === undefined ? undefined : `≤ ${limit.toFixed(2)}`}>
      <div
        data-testid={testId}
        data-heat={heat}
        style={{
          background: c.background,
          color: c.color,
          padding: '2px 6px',
          borderRadius: 4,
          textAlign: 'right',
          fontVariantNumeric: 'tabular-nums',
          fontWeight: heat === 'beyond' ? 600 : undefined,
        }}
      >
        {cvText(cv)}
      </div>
    </Tooltip>
  )
}

/** Rising coefficients mean widening gaps between schools: red up, green down. */
export function ChangeCell({ change, testId }: { change: number | null | undefined; testId?: string }) {
  if (change === null || change === undefined) return <span data-testid={testId}>—</span>
  const up = change > 0
  const flat = Number(Math.abs(change).toFixed(3)) === 0
  const color = flat ? '#8c8c8c' : up ? '#cf1322' : '#3f8600'
  return (
    <span
      data-testid={testId}
      data-direction={flat ? 'flat' : up ? 'up' : 'down'}
      style={{ color, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
    >
      {flat ? <MinusOutlined /> : up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {signedCv(change)}
    </span>
  )
}
