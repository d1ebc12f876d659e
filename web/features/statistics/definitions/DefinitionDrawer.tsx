import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Checkbox, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import type { OrgKind } from '../../../app/types'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useCreateDefinition, useUpdateDefinition } from '../queries'
import {
  COLUMN_TYPES,
  type ColumnInput,
  type ColumnType,
  type DefinitionInput,
  type LedgerDefinition,
  PERIOD_KINDS,
  type PeriodKind,
} from '../types'

const ORG_KINDS: OrgKind[] = [
  'province',
  'city',
  'county',
  'school',
  'kindergarten',
  'university',
  'department',
]

interface ColumnValues {
  key: string
  labelZh: string
  labelEn: string
  type: ColumnType
  required?: boolean
  unique?: boolean
  options?: string
  synonyms?: string
}

interface Values {
  key: string
  nameZh: string
  nameEn: string
  description?: string
  ownerUnitId?: number
  submitterKinds?: string[]
  periodKind: PeriodKind
  periodColumn?: string
  orgColumn?: string
  keyColumns?: string[]
  dueDays?: number | null
  columns: ColumnValues[]
}

const words = (s: string | undefined) =>
  (s ?? '')
    .split(/[,，、\n]/)
    .map((x) => x.trim())
    .filter(Boolean)

/** "value,中文,English" per line ↔ options. */
const optionsText = (o: ColumnInput['options']) =>
  (o ?? []).map((x) => `${x.value},${x.labelZh},${x.labelEn}`).join('\n')
function parseOptions(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((line) => line.split(/[,，]/).map((x) => x.trim()))
    .filter((p) => p[0])
    .map(([value = '', labelZh, labelEn]) => ({
      value,
      labelZh: labelZh || value,
      labelEn: labelEn || labelZh || value,
      synonyms: [],
    }))
}

function valuesOf(l: LedgerDefinition): Values {
  return {
    key: l.key,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    description: l.description,
    ownerUnitId: l.ownerUnitId ?? undefined,
    submitterKinds: l.submitterKinds,
    periodKind: l.periodKind,
    periodColumn: l.periodColumn ?? undefined,
    orgColumn: l.orgColumn ?? undefined,
    keyColumns: l.keyColumns,
    dueDays: l.dueDays,
    columns: l.columns.map((c) => ({
      key: c.key,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      type: c.type,
      required: c.required,
      unique: c.unique,
      options: optionsText(c.options),
      synonyms: c.synonyms.join('、'),
    })),
  }
}

function bodyOf(v: Values, before?: LedgerDefinition): DefinitionInput {
  // What the form does not edit (help, money unit, a derivation rule) is kept as it was.
  const old = (key: string) => before?.columns.find((c) => c.key === key)
  return {
    nameZh: v.nameZh.trim(),
    nameEn: v.nameEn.trim(),
    description: v.description?.trim() ?? '',
    ownerUnitId: v.ownerUnitId ?? null,
    submitterKinds: v.submitterKinds ?? [],
    periodKind: v.periodKind,
    periodColumn: v.periodColumn ?? null,
    orgColumn: v.orgColumn ?? null,
    keyColumns: v.keyColumns ?? [],
    dueDays: v.dueDays ?? null,
    columns: (v.columns ?? []).map((c) => ({
      key: c.key.trim(),
      labelZh: c.labelZh.trim(),
      labelEn: c.labelEn.trim(),
      type: c.type,
      required: !!c.required,
      unique: !!c.unique,
      ...(c.type === 'enum' ? { options: parseOptions(c.options) } : {}),
      synonyms: words(c.synonyms),
      ...(old(c.key.trim())?.help ? { help: old(c.key.trim())?.help } : {}),
      ...(old(c.key.trim())?.moneyUnit ? { moneyUnit: old(c.key.trim())?.moneyUnit } : {}),
      ...(old(c.key.trim())?.derive ? { derive: old(c.key.trim())?.derive } : {}),
    })),
  }
}

/** Create or edit a ledger definition, with its columns. Usable, not fancy. */
export function DefinitionDrawer({
  open,
  ledger,
  onClose,
}: {
  open: boolean
  ledger?: LedgerDefinition | undefined
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const create = useCreateDefinition()
  const update = useUpdateDefinition()
  const cols = Form.useWatch('columns', form) ?? []
  const colOptions = cols.filter((c) => c?.key).map((c) => ({ value: c.key, label: c.labelZh || c.key }))
  const req = { required: true, message: t('common.required') }

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (ledger) form.setFieldsValue(valuesOf(ledger))
    else
      form.setFieldsValue({
        periodKind: 'year',
        columns: [{ key: '', labelZh: '', labelEn: '', type: 'text' }],
      })
  }, [open, ledger, form])

  const submit = async () => {
    const v = await form.validateFields()
    const done = () => {
      message.success(t('statistics.def.saved'))
      onClose()
    }
    const onError = (err: unknown) => showError(err, { form })
    if (ledger)
      update.mutate(
        { key: ledger.key, version: ledger.version, ...bodyOf(v, ledger) },
        { onSuccess: done, onError },
      )
    else create.mutate({ key: v.key.trim(), ...bodyOf(v) }, { onSuccess: done, onError })
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={1000}
      destroyOnHidden
      title={ledger ? `${t('statistics.def.edit')} · ${ledger.nameZh}` : t('statistics.def.create')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="def-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="key"
              label={t('statistics.def.key')}
              extra={t('statistics.def.keyHint')}
              rules={[req]}
            >
              <Input disabled={!!ledger} maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nameZh" label={t('statistics.def.nameZh')} rules={[req]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nameEn" label={t('statistics.def.nameEn')} rules={[req]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="periodKind" label={t('statistics.periodKind')} rules={[req]}>
              <Select
                options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`statistics.periodKinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="periodColumn" label={t('statistics.def.periodColumn')}>
              <Select allowClear options={colOptions} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="orgColumn" label={t('statistics.def.orgColumn')}>
              <Select allowClear options={colOptions} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="dueDays" label={t('statistics.def.dueDays')}>
              <InputNumber min={0} max={366} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="keyColumns" label={t('statistics.def.keyColumns')}>
              <Select mode="multiple" options={colOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ownerUnitId" label={t('statistics.def.ownerUnit')}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="submitterKinds" label={t('statistics.def.submitterKinds')}>
              <Select
                mode="multiple"
                options={ORG_KINDS.map((k) => ({ value: k, label: t(`enums.kinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('statistics.def.description')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List
          name="columns"
          rules={[
            {
              validator: async (_, v) =>
                v?.length ? undefined : Promise.reject(new Error(t('statistics.def.noColumns'))),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              {fields.map((f, i) => {
                const type = cols[i]?.type
                return (
                  <Card
                    key={f.key}
                    size="small"
                    extra={<MinusCircleOutlined onClick={() => remove(f.name)} />}
                    title={`${t('statistics.def.columns')} ${i + 1}`}
                  >
                    <Row gutter={8}>
                      <Col span={5}>
                        <Form.Item name={[f.name, 'key']} label={t('statistics.def.colKey')} rules={[req]}>
                          <Input maxLength={40} />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item
                          name={[f.name, 'labelZh']}
                          label={t('statistics.def.labelZh')}
                          rules={[req]}
                        >
                          <Input maxLength={60} />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item
                          name={[f.name, 'labelEn']}
                          label={t('statistics.def.labelEn')}
                          rules={[req]}
                        >
                          <Input maxLength={60} />
                        </Form.Item>
                      </Col>
                      <Col span={4}>
                        <Form.Item name={[f.name, 'type']} label={t('statistics.def.type')} rules={[req]}>
                          <Select
                            options={COLUMN_TYPES.map((c) => ({
                              value: c,
                              label: t(`statistics.def.types.${c}`),
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Space style={{ marginTop: 30 }}>
                          <Form.Item name={[f.name, 'required']} valuePropName="checked" noStyle>
                            <Checkbox>{t('statistics.def.required')}</Checkbox>
                          </Form.Item>
                          <Form.Item name={[f.name, 'unique']} valuePropName="checked" noStyle>
                            <Checkbox>{t('statistics.def.unique')}</Checkbox>
                          </Form.Item>
                        </Space>
                      </Col>
                      {type === 'enum' && (
                        <Col span={12}>
                          <Form.Item
                            name={[f.name, 'options']}
                            label={t('statistics.def.options')}
                            extra={t('statistics.def.optionsHint')}
                          >
                            <Input.TextArea rows={3} />
                          </Form.Item>
                        </Col>
                      )}
                      <Col span={12}>
                        <Form.Item
                          name={[f.name, 'synonyms']}
                          label={t('statistics.def.synonyms')}
                          extra={t('statistics.def.synonymsHint')}
                        >
                          <Input />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                )
              })}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'text' })}>
                {t('statistics.def.addColumn')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Drawer>
  )
}
