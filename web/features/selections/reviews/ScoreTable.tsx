import { Input, InputNumber, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSelT } from '../i18n'
import type { Criterion, Review } from '../types'

type Row = Criterion & { path: string; children?: Row[] }
type Patch = { scores?: Record<string, number | null>; comments?: Record<string, string> }

const rowsOf = (nodes: Criterion[], parent = ''): Row[] =>
  nodes.map((c) => {
    const path = `${parent}/${c.key}`
    return { ...c, path, children: c.children?.length ? rowsOf(c.children, path) : undefined }
  })

interface Props {
  review: Review
  readOnly: boolean
  /** Leaf key → the server's "not scored" message after a refused submit. */
  missing: Map<string, string>
  onSave: (patch: Patch) => unknown
}

/**
 * The rubric tree with a score input on each leaf (0..its max) and a comment. What he types stays
 * local until he leaves the field; then that one value is saved and the total comes back. Keyed
 * by the assignment, so another sheet starts from its own saved values.
 */
export function ScoreTable({ review, readOnly, missing, onSave }: Props) {
  const { t } = useTranslation()
  const st = useSelT()
  const [scores, setScores] = useState<Record<string, number | null>>(review.scores)
  const [comments, setComments] = useState<Record<string, string>>(review.comments)
  const r = (k: string, o?: Record<string, unknown>) => st(`review.${k}`, o)

  return (
    <Table<Row>
      data-testid="score-table"
      rowKey="path"
      size="small"
      pagination={false}
      dataSource={rowsOf(review.criteria)}
      expandable={{ defaultExpandAllRows: true }}
      columns={[
        {
          title: t('selections.rubric.criterion'),
          dataIndex: 'title',
          render: (title: string, c) => (
            <span>
              {title}
              {c.guidance && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {c.guidance}
                </Typography.Text>
              )}
            </span>
          ),
        },
        { title: t('selections.rubric.weight'), dataIndex: 'weight', width: 70 },
        {
          title: r('score'),
          width: 190,
          render: (_, c) => {
            if (c.children) return null
            const max = c.maxScore ?? 0
            const saved = review.scores[c.key] ?? null
            return (
              <div>
                <InputNumber
                  data-testid={`score-${c.key}`}
                  min={0}
                  max={max}
                  value={scores[c.key] ?? null}
                  disabled={readOnly}
                  status={missing.has(c.key) ? 'error' : undefined}
                  placeholder={r('range', { max })}
                  style={{ width: 110 }}
                  onChange={(v) => setScores((s) => ({ ...s, [c.key]: v }))}
                  onBlur={() => {
                    const v = scores[c.key] ?? null
                    if (v !== saved) onSave({ scores: { [c.key]: v } })
                  }}
                />
                <Typography.Text type="secondary"> / {max}</Typography.Text>
                {missing.has(c.key) && (
                  <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                    {missing.get(c.key)}
                  </Typography.Text>
                )}
              </div>
            )
          },
        },
        {
          title: r('comment'),
          width: 320,
          render: (_, c) =>
            c.children ? null : (
              <Input
                data-testid={`comment-${c.key}`}
                value={comments[c.key] ?? ''}
                disabled={readOnly}
                maxLength={1000}
                onChange={(e) => setComments((s) => ({ ...s, [c.key]: e.target.value }))}
                onBlur={() => {
                  const v = comments[c.key] ?? ''
                  if (v !== (review.comments[c.key] ?? '')) onSave({ comments: { [c.key]: v } })
                }}
              />
            ),
        },
      ]}
    />
  )
}
