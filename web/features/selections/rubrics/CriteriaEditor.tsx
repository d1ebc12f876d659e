import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Input, InputNumber, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useSelT } from '../i18n'
import type { Criterion } from '../types'

/** A rubric has three levels at most (一级 / 二级 / 三级指标), as the server's schema has. */
const MAX_DEPTH = 3

interface Props {
  value: Criterion[]
  onChange: (next: Criterion[]) => void
  /** Server problems by the node's path (`/conditions/space`, `/` for the top level). */
  errors: Map<string, string[]>
  total: number
}

const sum = (nodes: Criterion[]) => Math.round(nodes.reduce((s, c) => s + (c.weight || 0), 0) * 1e6) / 1e6

/** Replaces the node at `at` (indices from the top) with what `fn` returns (null removes it). */
function edit(nodes: Criterion[], at: number[], fn: (c: Criterion) => Criterion | null): Criterion[] {
  const [i, ...rest] = at
  return nodes.flatMap((c, j) => {
    if (j !== i) return [c]
    if (rest.length === 0) {
      const next = fn(c)
      return next ? [next] : []
    }
    return [{ ...c, children: edit(c.children ?? [], rest, fn) }]
  })
}

let counter = 0
/** A fresh key the user can rename; keys only need to be unique within the rubric. */
const freshKey = () => `c${Date.now().toString(36).slice(-4)}${++counter}`
export const newCriterion = (): Criterion => ({ key: freshKey(), title: '', weight: 0, maxScore: 10 })

/** The tree editor: each criterion's key, title, points, a leaf's scale and guidance; add child, remove. */
export function CriteriaEditor({ value, onChange, errors, total }: Props) {
  const st = useSelT()
  const r = (k: string, o?: Record<string, unknown>) => st(`rubric.${k}`, o)

  const level = (nodes: Criterion[], at: number[], parentPath: string): ReactNode =>
    nodes.map((c, i) => {
      const here = [...at, i]
      const path = `${parentPath}/${c.key}`
      const id = here.join('-')
      const set = (patch: Partial<Criterion>) => onChange(edit(value, here, (x) => ({ ...x, ...patch })))
      const kids = c.children ?? []
      const problems = errors.get(path) ?? []
      return (
        <div key={id} style={{ marginLeft: at.length * 24, marginBottom: 6 }} data-testid={`criterion-${id}`}>
          <Space size={6} wrap>
            <Input
              data-testid={`criterion-${id}-key`}
              value={c.key}
              style={{ width: 110 }}
              placeholder={r('key')}
              onChange={(e) => set({ key: e.target.value.trim() })}
            />
            <Input
              data-testid={`criterion-${id}-title`}
              value={c.title}
              style={{ width: 200 }}
              placeholder={r('criterion')}
              onChange={(e) => set({ title: e.target.value })}
            />
            <InputNumber
              data-testid={`criterion-${id}-weight`}
              value={c.weight}
              min={0}
              max={1000}
              prefix={r('weight')}
              style={{ width: 130 }}
              onChange={(w) => set({ weight: w ?? 0 })}
            />
            {kids.length === 0 && (
              <InputNumber
                data-testid={`criterion-${id}-max`}
                value={c.maxScore}
                min={0.01}
                max={1000}
                prefix={r('maxScore')}
                style={{ width: 150 }}
                onChange={(m) => set({ maxScore: m ?? undefined })}
              />
            )}
            <Input
              data-testid={`criterion-${id}-guidance`}
              value={c.guidance ?? ''}
              style={{ width: 200 }}
              placeholder={r('guidance')}
              onChange={(e) => set({ guidance: e.target.value || undefined })}
            />
            {here.length < MAX_DEPTH && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                data-testid={`criterion-${id}-add`}
                onClick={() => set({ children: [...kids, newCriterion()], maxScore: undefined })}
              >
                {r('addChild')}
              </Button>
            )}
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={r('removeNode')}
              onClick={() => onChange(edit(value, here, () => null))}
            />
          </Space>
          {kids.length > 0 && (
            <Typography.Text
              type={sum(kids) === c.weight ? 'secondary' : 'danger'}
              style={{ display: 'block', marginLeft: 24, fontSize: 12 }}
            >
              {r('sum', { sum: sum(kids), weight: c.weight })}
            </Typography.Text>
          )}
          {problems.map((p) => (
            <Typography.Text key={p} type="danger" style={{ display: 'block' }} data-testid="criterion-error">
              {p}
            </Typography.Text>
          ))}
          {level(kids, here, path)}
        </div>
      )
    })

  return (
    <div data-testid="criteria-editor">
      {level(value, [], '')}
      <Space style={{ marginTop: 6 }}>
        <Button
          icon={<PlusOutlined />}
          data-testid="criterion-add-top"
          onClick={() => onChange([...value, newCriterion()])}
        >
          {r('addTop')}
        </Button>
        <Typography.Text type={sum(value) === total ? 'secondary' : 'danger'} data-testid="criteria-top-sum">
          {r('topSum', { sum: sum(value), total })}
        </Typography.Text>
      </Space>
      {(errors.get('/') ?? []).map((p) => (
        <Typography.Text key={p} type="danger" style={{ display: 'block' }} data-testid="criterion-error">
          {p}
        </Typography.Text>
      ))}
    </div>
  )
}
