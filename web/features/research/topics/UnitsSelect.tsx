import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import { useOrgIndex } from '../../org/queries'
import { buildNodes, keyOf } from '../../org/tree'
import { nonVisitableKeys } from '../visitable'

interface SelectNode {
  value: string
  title: string
  disabled?: boolean
  children?: SelectNode[]
}

interface Props {
  value?: number[]
  onChange?: (ids: number[]) => void
  placeholder?: string
  'data-testid'?: string
}

/** Several units of the caller's scope to visit, in the order picked; places outside any city or county are greyed. */
export function UnitsSelect({ value, onChange, placeholder, ...rest }: Props) {
  const { index, isPending } = useOrgIndex(false)
  const treeData = useMemo(() => {
    const off = nonVisitableKeys(index)
    return buildNodes<SelectNode>(index, (u, children) => ({
      value: keyOf(u.id),
      title: u.name,
      disabled: off.has(keyOf(u.id)),
      children,
    }))
  }, [index])
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
      listHeight={360}
      maxTagCount={8}
      style={{ width: '100%' }}
    />
  )
}
