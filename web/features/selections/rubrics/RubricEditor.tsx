import { Alert, App, Button, Drawer, Form, Input, InputNumber, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { useSelT } from '../i18n'
import { useCreateRubric, useReviseRubric } from '../queries'
import type { Criterion, Rubric } from '../types'
import { CriteriaEditor, newCriterion } from './CriteriaEditor'

interface Values {
  name: string
  total: number
  note?: string
}

interface Props {
  /** The rubric to copy and revise (revision n+1); none to write a new one. */
  base?: Rubric
  onClose: () => void
  onSaved: (r: Rubric) => void
}

/**
 * Writes a rubric, or a revision of one: name, total, the criteria tree. The server checks the
 * sums and names each problem by its path (`criteria/conditions/space`): those show under the node.
 */
export function RubricEditor({ base, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const st = useSelT()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const [criteria, setCriteria] = useState<Criterion[]>(base?.criteria ?? [newCriterion()])
  const [problems, setProblems] = useState<Map<string, string[]>>(new Map())
  const [other, setOther] = useState<string[]>([])
  const create = useCreateRubric()
  const revise = useReviseRubric()
  const total = Form.useWatch('total', form) ?? base?.total ?? 100
  const r = (k: string, o?: Record<string, unknown>) => st(`rubric.${k}`, o)

  const onError = (err: unknown) => {
    if (!(err instanceof ApiError)) return showError(err)
    const byPath = new Map<string, string[]>()
    const rest: string[] = []
    for (const f of err.fields) {
      // Tree problems come as `criteria/<key>/<key>`; the top level's sum as `criteria`.
      if (f.field === 'criteria' || f.field.startsWith('criteria/')) {
        const path = f.field === 'criteria' ? '/' : f.field.slice('criteria'.length)
        byPath.set(path, [...(byPath.get(path) ?? []), f.message])
      } else if (f.field.startsWith('criteria.')) rest.push(`${f.field}: ${f.message}`)
    }
    setProblems(byPath)
    setOther(rest)
    showError(err, { form })
  }

  const save = (v: Values) => {
    setProblems(new Map())
    setOther([])
    const done = (x: Rubric) => {
      message.success(r('saved'))
      onSaved(x)
    }
    if (base)
      revise.mutate(
        { id: base.id, name: v.name.trim(), criteria, note: v.note ?? '' },
        { onSuccess: done, onError },
      )
    else
      create.mutate(
        { name: v.name.trim(), total: v.total, criteria, note: v.note ?? '' },
        { onSuccess: done, onError },
      )
  }

  return (
    <Drawer
      open
      size={1100}
      onClose={onClose}
      destroyOnHidden
      title={base ? r('reviseTitle', { name: base.name, n: base.revision + 1 }) : r('createTitle')}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="rubric-save"
            loading={create.isPending || revise.isPending}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={save}
        initialValues={{ name: base?.name ?? '', total: base?.total ?? 100, note: base?.note ?? '' }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item
          name="name"
          label={r('name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input data-testid="rubric-name" maxLength={100} style={{ width: 360 }} />
        </Form.Item>
        <Form.Item
          name="total"
          label={r('total')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber data-testid="rubric-total" min={1} max={1000} disabled={base !== undefined} />
        </Form.Item>
        <Form.Item name="note" label={r('note')}>
          <Input data-testid="rubric-note" maxLength={1000} style={{ width: 300 }} />
        </Form.Item>
      </Form>
      {other.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={other.join('；')} />
      )}
      <CriteriaEditor value={criteria} onChange={setCriteria} errors={problems} total={total} />
    </Drawer>
  )
}
