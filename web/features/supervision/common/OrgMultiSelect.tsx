import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import { useOrgIndex } from '../../org/queries'
import { buildNodes, keyOf } from '../../org/tree'

interface SelectNode {
  value: string
  title: string
  children?: SelectNode[]
}

interface Props {
  value?: number[]
  onChange?: (ids: number[]) => void
  placeholder?: string
  'data-testid'?: string
}

/** Several units of the caller's scope (a task's co-units), searchable by name; ids go out as numbers. */
export function OrgMultiSelect({ value, onChange, placeholder, ...rest }: Props) {
  const { index, isPending } = useOrgIndex(false)
  const treeData = useMemo(
    () => buildNodes<SelectNode>(index, (u, children) => ({ value: keyOf(u.id), title: u.name, children })),
    [index],
  )
  const rootKeys = useMemo(() => index.roots.map((r) => keyOf(r.id)), [index])
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
      placeholder={placeholder}
      treeDefaultExpandedKeys={rootKeys}
      maxTagCount="responsive"
      listHeight={320}
      style={{ width: '100%' }}
    />
  )
}
