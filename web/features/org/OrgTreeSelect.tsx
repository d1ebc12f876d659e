import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import type { Id, OrgUnit } from '../../app/types'
import { useOrgIndex } from './queries'
import { buildNodes, keyOf } from './tree'

interface SelectNode {
  value: string
  title: string
  disabled?: boolean
  children?: SelectNode[]
}

interface Props {
  value?: Id | null
  /** Ids go to the server as numbers (its schemas refuse "12"); the tree keys are strings. */
  onChange?: (id: number | undefined) => void
  /** Keys that may not be picked (a unit's own subtree when moving it). */
  disabledKeys?: Set<string>
  placeholder?: string
  'data-testid'?: string
}

const label = (u: OrgUnit) => (u.code ? `${u.name}（${u.code}）` : u.name)

/** Pick one active org unit from the caller's scope, searchable by name or code. */
export function OrgTreeSelect({ value, onChange, disabledKeys, placeholder, ...rest }: Props) {
  const { index, isPending } = useOrgIndex(false)
  const treeData = useMemo(
    () =>
      buildNodes<SelectNode>(index, (u, children) => ({
        value: keyOf(u.id),
        title: label(u),
        disabled: disabledKeys?.has(keyOf(u.id)),
        children,
      })),
    [index, disabledKeys],
  )
  const rootKeys = useMemo(() => index.roots.map((r) => keyOf(r.id)), [index])

  return (
    <TreeSelect<string>
      data-testid={rest['data-testid']}
      value={value === null || value === undefined ? undefined : String(value)}
      onChange={(v) => onChange?.(v === undefined || v === null ? undefined : Number(v))}
      treeData={treeData}
      loading={isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      placeholder={placeholder}
      treeDefaultExpandedKeys={rootKeys}
      listHeight={360}
      style={{ width: '100%' }}
    />
  )
}
