import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useIndicatorName } from '../format'
import { useCreateIndicator, useIndicators, useLedgerChoices } from '../queries'
import { EXPR_OPS, FILTER_OPS, FNS, UNITS } from '../types'

type Kind = 'aggregate' | 'expression' | 'manual'

interface Values {
  kind: Kind
  key: string
  zh: string
  en: string
  unit: (typeof UNITS)[number]
  unitZh: string
  better?: 'higher' | 'lower'
  descriptionZh?: string
  definition: {
    aggregate?: {
      ledger?: string
      fn?: (typeof FNS)[number]
      column?: string
      filters?: { column?: string; op?: (typeof FILTER_OPS)[number]; value?: string }[]
    }
    expression?: { op?: (typeof EXPR_OPS)[number]; of?: string[]; factor?: number }
    manual?: { inherit?: boolean }
  }
}

/** A filter value as typed: numbers stay numbers, "a,b" is a list for `in`, yes/no ops take none. */
function filterValue(op: string | undefined, v: string | undefined) {
  if (op === 'is_true' || op === 'is_false' || v === undefined || v.trim() === '') return {}
  if (op === 'in')
    return {
      value: v
        .split(/[,，、]/)
        .map((x) => x.trim())
        .filter(Boolean),
    }
  const n = Number(v)
  return { value: (op === 'gte' || op === 'lte') && Number.isFinite(n) ? n : v.trim() }
}

/** Define an aggregate over a ledger, an expression over indicators, or a manual indicator. */
export function DefineTab({ onSaved }: { onSaved: (key: string) => void }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const en = i18n.language === 'en'
  const name = useIndicatorName()
  const [form] = Form.useForm<Values>()
  const create = useCreateIndicator()
  const ledgers = useLedgerChoices(true).data ?? []
  const all = useIndicators().data?.items ?? []
  const kind = Form.useWatch('kind', form) ?? 'aggregate'
  const ledgerKey = Form.useWatch(['definition', 'aggregate', 'ledger'], form)
  const columns = ledgers.find((l) => l.key === ledgerKey)?.columns ?? []
  const colOptions = columns.map((c) => ({ value: c.key, label: en ? c.labelEn : c.labelZh }))

  const submit = async () => {
    const v = await form.validateFields()
    const d = v.definition
    const definition =
      v.kind === 'aggregate'
        ? {
            kind: 'aggregate',
            aggregate: {
              ledger: d.aggregate?.ledger,
              fn: d.aggregate?.fn,
              ...(d.aggregate?.column ? { column: d.aggregate.column } : {}),
              ...(d.aggregate?.filters?.length
                ? {
                    filters: d.aggregate.filters.map((f) => ({
                      column: f.column,
                      op: f.op,
                      ...filterValue(f.op, f.value),
                    })),
                  }
                : {}),
            },
          }
        : v.kind === 'expression'
          ? {
              kind: 'expression',
              expression: {
                op: d.expression?.op,
                of: d.expression?.of ?? [],
                ...(d.expression?.factor ? { factor: d.expression.factor } : {}),
              },
            }
          : { kind: 'manual', manual: { inherit: d.manual?.inherit ?? true } }
    create.mutate(
      {
        key: v.key.trim(),
        zh: v.zh.trim(),
        en: v.en.trim(),
        unit: v.unit,
        unitZh: v.unitZh.trim(),
        descriptionZh: v.descriptionZh?.trim() ?? '',
        ...(v.better ? { better: v.better } : {}),
        definition,
      },
      {
        onSuccess: () => {
          message.success(t('indicators.define.saved'))
          onSaved(v.key.trim())
          form.resetFields()
        },
        onError: (err) => showError(err, { form }),
      },
    )
  }
  const req = { required: true, message: t('common.required') }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'aggregate', unit: 'count', definition: { manual: { inherit: true } } }}
      style={{ maxWidth: 900 }}
      data-testid="define-form"
    >
      <Form.Item name="kind" label={t('indicators.define.kind')}>
        <Radio.Group optionType="button">
          {(['aggregate', 'expression', 'manual'] as const).map((k) => (
            <Radio key={k} value={k}>
              {t(`indicators.sources.${k}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="key"
            label={t('indicators.define.key')}
            extra={t('indicators.define.keyHint')}
            rules={[req]}
          >
            <Input maxLength={80} data-testid="define-key" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="unit" label={t('indicators.define.unit')} rules={[req]}>
            <Select options={UNITS.map((u) => ({ value: u, label: t(`indicators.define.units.${u}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="unitZh"
            label={t('indicators.define.unitZh')}
            extra={t('indicators.define.unitZhHint')}
            rules={[req]}
          >
            <Input maxLength={10} data-testid="define-unit-zh" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="zh" label={t('indicators.define.zh')} rules={[req]}>
            <Input maxLength={100} data-testid="define-zh" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="en" label={t('indicators.define.en')} rules={[req]}>
            <Input maxLength={150} data-testid="define-en" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="better" label={t('indicators.define.better')}>
            <Select
              allowClear
              options={(['higher', 'lower'] as const).map((b) => ({
                value: b,
                label: t(`indicators.betters.${b}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="descriptionZh" label={t('indicators.define.descriptionZh')}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'aggregate' && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item
                name={['definition', 'aggregate', 'ledger']}
                label={t('indicators.define.ledger')}
                rules={[req]}
              >
                <Select
                  data-testid="define-ledger"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={ledgers.map((l) => ({ value: l.key, label: en ? l.nameEn : l.nameZh }))}
                  onChange={() => form.setFieldValue(['definition', 'aggregate', 'column'], undefined)}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name={['definition', 'aggregate', 'fn']}
                label={t('indicators.define.fn')}
                rules={[req]}
              >
                <Select
                  data-testid="define-fn"
                  options={FNS.map((f) => ({ value: f, label: t(`indicators.fns.${f}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['definition', 'aggregate', 'column']} label={t('indicators.define.column')}>
                <Select data-testid="define-column" allowClear options={colOptions} />
              </Form.Item>
            </Col>
          </Row>
          <Form.List name={['definition', 'aggregate', 'filters']}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'column']} rules={[req]}>
                      <Select
                        style={{ width: 200 }}
                        placeholder={t('indicators.define.filterColumn')}
                        options={colOptions}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'op']} rules={[req]}>
                      <Select
                        style={{ width: 110 }}
                        placeholder={t('indicators.define.filterOp')}
                        options={FILTER_OPS.map((o) => ({ value: o, label: t(`indicators.ops.${o}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']}>
                      <Input style={{ width: 220 }} placeholder={t('indicators.define.filterValue')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ op: 'eq' })}>
                  {t('indicators.define.addFilter')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      )}
      {kind === 'expression' && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item
                name={['definition', 'expression', 'op']}
                label={t('indicators.define.op')}
                rules={[req]}
              >
                <Select options={EXPR_OPS.map((o) => ({ value: o, label: t(`indicators.exprOps.${o}`) }))} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item
                name={['definition', 'expression', 'of']}
                label={t('indicators.define.of')}
                extra={t('indicators.define.ofHint')}
                rules={[req]}
              >
                <Select
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={all.map((i) => ({ value: i.key, label: `${name(i)}（${i.key}）` }))}
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name={['definition', 'expression', 'factor']} label={t('indicators.define.factor')}>
                <InputNumber min={0} style={{ width: '100%' }} placeholder="100" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      )}
      {kind === 'manual' && (
        <Form.Item name={['definition', 'manual', 'inherit']} valuePropName="checked">
          <Checkbox>{t('indicators.define.inherit')}</Checkbox>
        </Form.Item>
      )}
      <Button
        type="primary"
        loading={create.isPending}
        onClick={() => void submit().catch(() => undefined)}
        data-testid="define-submit"
      >
        {t('indicators.define.submit')}
      </Button>
    </Form>
  )
}
