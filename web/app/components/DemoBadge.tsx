import { ExperimentOutlined } from '@ant-design/icons'
import { Tag } from 'antd'

/** Bilingual on purpose: whoever looks at a screenshot must see it is not real data. */
export function DemoBadge() {
  return (
    <Tag
      data-testid="demo-badge"
      color="orange"
      variant="solid"
      icon={<ExperimentOutlined />}
      style={{ fontSize: 13, padding: '2px 10px', marginInlineEnd: 0 }}
    >
      示例数据 / Demo data
    </Tag>
  )
}
