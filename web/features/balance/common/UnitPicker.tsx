import { Select } from 'antd'
import { useMemo } from 'react'
import type { OrgKind } from '../../../app/types'
import { useOrgIndex } from '../../org/queries'

interface Props {
  kind: Extract<OrgKind, 'school' | 'kindergarten'>
  value?: number
  onChange?: (id: number | undefined) => void
  'data-testid'?: string
}

/**
 * One school or kindergarten of the caller's scope, searched by name or code. A flat list, not
 * the tree: a row belongs to exactly one such unit, and the county shown beside each name tells
 * two schools of the same name apart.
 */
export function UnitPicker({ kind, value, onChange, ...rest }: Props) {
  const { index, isPending } = useOrgIndex(false)
  const options = useMemo(() => {
    const out: { value: number; label: string }[] = []
    for (const u of index.byId.values()) {
      if (u.kind !== kind) continue
      const parent = u.parentId === null ? undefined : index.byId.get(String(u.parentId))
      const where = parent && parent.kind === 'county' ? `（${parent.name}）` : ''
      out.push({ value: Number(u.id), label: `${u.name}${where}${u.code ? ` ${u.code}` : ''}` })
    }
    return out.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
  }, [index, kind])
  return (
    <Select<number>
      data-testid={rest['data-testid']}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={isPending}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      style={{ width: '100%' }}
    />
  )
}
