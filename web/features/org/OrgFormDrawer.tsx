import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../app/feedback'
import { useLabels } from '../../app/meta'
import type { OrgKind, OrgUnit } from '../../app/types'
import { type OrgInput, useCreateOrg, useUpdateOrg } from './queries'

export type OrgFormTarget = { mode: 'create'; parent: OrgUnit } | { mode: 'edit'; unit: OrgUnit }

type Values = Omit<OrgInput, 'parentId'>

const SCHOOL_KINDS: OrgKind[] = ['school', 'kindergarten', 'university']
const NEXT_KIND: Partial<Record<OrgKind, OrgKind>> = { province: 'city', city: 'county', county: 'school' }

function initialValues(target: OrgFormTarget): Values {
  if (target.mode === 'edit') {
    const u = target.unit
    return {
      name: u.name,
      shortName: u.shortName,
      kind: u.kind,
      code: u.code,
      stage: u.stage,
      ownership: u.ownership,
      inclusive: u.inclusive,
      rural: u.rural,
      tags: u.tags,
      sortOrder: u.sortOrder,
    }
  }
  return {
    name: '',
    kind: NEXT_KIND[target.parent.kind] ?? 'school',
    inclusive: false,
    rural: false,
    tags: [],
    sortOrder: 0,
  }
}

/** Empty inputs mean "no value"; the server wants null (or nothing), not "". */
function normalise(v: Values): Values {
  const isSchool = SCHOOL_KINDS.includes(v.kind)
  return {
    ...v,
    name: v.name.trim(),
    shortName: v.shortName?.trim() || undefined,
    code: v.code?.trim() || null,
    stage: v.kind === 'school' ? (v.stage ?? null) : null,
    ownership: isSchool ? (v.ownership ?? null) : null,
    inclusive: v.kind === 'kindergarten' ? Boolean(v.inclusive) : false,
    rural: isSchool ? Boolean(v.rural) : false,
    tags: v.tags ?? [],
    sortOrder: v.sortOrder ?? 0,
  }
}

function changedFields(before: Values, after: Values): Partial<Values> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(after)) {
    const old: unknown = before[k as keyof Values]
    if (JSON.stringify(old ?? null) !== JSON.stringify(v ?? null)) out[k] = v ?? null
  }
  return out as Partial<Values>
}

export function OrgFormDrawer({ target, onClose }: { target: OrgFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation()
  const labels = useLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const create = useCreateOrg()
  const update = useUpdateOrg()
  const kind = Form.useWatch('kind', form)

  const submit = (raw: Values) => {
    if (!target) return
    const values = normalise(raw)
    if (target.mode === 'create') {
      create.mutate(
        { parentId: target.parent.id, ...values },
        {
          onSuccess: (u) => {
            message.success(t('org.created', { name: u.name }))
            onClose()
          },
          onError: (err) => showError(err, { form }),
        },
      )
      return
    }
    const { kind: _kind, ...changes } = changedFields(normalise(initialValues(target)), values)
    if (Object.keys(changes).length === 0) return onClose()
    update.mutate(
      { id: target.unit.id, version: target.unit.version, ...changes },
      {
        onSuccess: () => {
          message.success(t('common.saved'))
          onClose()
        },
        onError: (err) => showError(err, { form, onReload: onClose }),
      },
    )
  }

  const title = !target
    ? ''
    : target.mode === 'create'
      ? t('org.createTitle', { parent: target.parent.name })
      : t('org.editTitle', { name: target.unit.name })
  const isSchool = kind !== undefined && SCHOOL_KINDS.includes(kind)

  return (
    <Drawer
      open={target !== null}
      title={title}
      size={520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="org-form-submit"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={target ? initialValues(target) : undefined}
      >
        <Form.Item
          name="name"
          label={t('org.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input data-testid="org-form-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('org.shortName')}>
          <Input data-testid="org-form-shortname" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('org.kind')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          {/* A unit's kind is fixed once created (codes and parents depend on it): void and re-create instead. */}
          <Select
            data-testid="org-form-kind"
            options={labels.kindOptions()}
            disabled={target?.mode === 'edit'}
          />
        </Form.Item>
        <Form.Item name="code" label={t('org.code')} extra={t('org.codeHint')}>
          <Input data-testid="org-form-code" maxLength={20} inputMode="numeric" />
        </Form.Item>
        {kind === 'school' && (
          <Form.Item name="stage" label={t('org.stage')}>
            <Select data-testid="org-form-stage" options={labels.stageOptions()} allowClear />
          </Form.Item>
        )}
        {isSchool && (
          <Form.Item name="ownership" label={t('org.ownership')}>
            <Select
              data-testid="org-form-ownership"
              allowClear
              options={[
                { value: 'public', label: labels.ownership('public') },
                { value: 'private', label: labels.ownership('private') },
              ]}
            />
          </Form.Item>
        )}
        {isSchool && (
          <Space size={32}>
            {kind === 'kindergarten' && (
              <Form.Item name="inclusive" label={t('org.inclusive')} valuePropName="checked">
                <Switch data-testid="org-form-inclusive" />
              </Form.Item>
            )}
            <Form.Item name="rural" label={t('org.rural')} valuePropName="checked">
              <Switch data-testid="org-form-rural" />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="tags" label={t('org.tags')}>
          <Select
            mode="tags"
            data-testid="org-form-tags"
            placeholder={t('org.tagsPlaceholder')}
            open={false}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('org.sortOrder')}>
          <InputNumber data-testid="org-form-sort" min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
