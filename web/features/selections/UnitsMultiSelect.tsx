import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import { useOrgIndex } from '../org/queries'
import { buildNodes, keyOf } from '../org/tree'

interface SelectNode {
  value: string
  title: string
  children?: SelectNode[]
}

interface Props {
  value?: number[]
  onChange?: (ids: number[]) => void
  'data-testid'?: string
}

/** Several org units of the caller's scope (an expert's declared conflicts), searchable by name. */
export function UnitsMultiSelect({ value, onChange, ...rest }: Props) {
  const { index, isPending } = useOrgIndex(false)
  const treeData = useMemo(
    () => buildNodes<SelectNode>(index, (u, children) => ({ value: keyOf(u.id), title: u.name, children })),
    [index],
  )
  return (
    <TreeSelect<string[]>
      multiple
      data-testid={rest['data-testid']}
      value={(value ?? []).map(String)}
      onChange={(v) => onChange?.((v ?? []).map(Number))}
      treeData={treeData}
      loading={isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      listHeight={320}
      style={{ width: '100%' }}
    />
  )
}
