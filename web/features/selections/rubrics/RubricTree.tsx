import { Table, Typography } from 'antd'
import { useSelT } from '../i18n'
import type { Criterion } from '../types'

type Row = Criterion & { path: string; children?: Row[] }

const rowsOf = (nodes: Criterion[], parent = ''): Row[] =>
  nodes.map((c) => {
    const path = `${parent}/${c.key}`
    return { ...c, path, children: c.children?.length ? rowsOf(c.children, path) : undefined }
  })

/** A rubric read as a tree: each criterion's points, a leaf's scale, and the guidance for experts. */
export function RubricTree({ criteria, total }: { criteria: Criterion[]; total: number }) {
  const st = useSelT()
  const r = (k: string) => st(`rubric.${k}`)
  return (
    <Table<Row>
      data-testid="rubric-tree"
      rowKey="path"
      size="small"
      pagination={false}
      dataSource={rowsOf(criteria)}
      expandable={{ defaultExpandAllRows: true }}
      columns={[
        { title: r('criterion'), dataIndex: 'title' },
        {
          title: r('key'),
          dataIndex: 'key',
          width: 120,
          render: (k) => <Typography.Text code>{k}</Typography.Text>,
        },
        { title: r('weight'), dataIndex: 'weight', width: 80 },
        {
          title: r('maxScore'),
          dataIndex: 'maxScore',
          width: 90,
          render: (m, c) => (c.children ? '' : (m ?? '—')),
        },
        { title: r('guidance'), dataIndex: 'guidance', render: (g) => g ?? '' },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            {r('total')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} colSpan={3}>
            {total}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  )
}
