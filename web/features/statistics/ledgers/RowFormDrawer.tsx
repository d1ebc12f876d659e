import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { periodOf } from '../../../../domain/indicators/periods'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { useTodayDay } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { fenToWan, useBilingual, wanToFen } from '../format'
import { useCreateRow, useUpdateRow } from '../queries'
import type { CellValue, LedgerColumn, LedgerDefinition, LedgerRow } from '../types'

type FormValue = string | number | boolean | Dayjs | null | undefined
interface Values {
  orgUnitId?: number
  period?: string
  values: Record<string, FormValue>
}

interface Props {
  ledger: LedgerDefinition
  open: boolean
  /** The row to correct; none to add one. */
  row?: LedgerRow | undefined
  onClose: () => void
}

const ISO = 'YYYY-MM-DD'

/** A stored value as the form holds it: money in 万元, dates as days. */
function toForm(c: LedgerColumn, v: CellValue): FormValue {
  if (v === null || v === undefined) return undefined
  if (c.type === 'money' && typeof v === 'number') return fenToWan(v)
  if (c.type === 'date' && typeof v === 'string') return dayjs(v)
  return v
}

/** The form's value as the API takes it: money in integer fen, dates as ISO text, blanks as null. */
function fromForm(c: LedgerColumn, v: FormValue): CellValue {
  if (v === undefined || v === null || v === '') return null
  if (dayjs.isDayjs(v)) return v.format(ISO)
  if (c.type === 'money' && typeof v === 'number') return wanToFen(v)
  if (typeof v === 'string') return v.trim() || null
  return v
}

/** Add or correct one row: a form generated from the ledger's definition. */
export function RowFormDrawer({ ledger, open, row, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { user } = useAuth()
  const label = useBilingual()
  const showError = useShowError()
  const { today } = useTodayDay()
  const [form] = Form.useForm<Values>()
  const create = useCreateRow(ledger.key)
  const update = useUpdateRow(ledger.key)
  const editing = row !== undefined
  const needsPeriod = ledger.periodColumn === null && ledger.periodKind !== 'none'

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (row) {
      form.setFieldsValue({
        values: Object.fromEntries(ledger.columns.map((c) => [c.key, toForm(c, row.values[c.key] ?? null)])),
      })
    } else {
      const init: Values = { values: {} }
      // The period defaults to the one holding the server's today (never the PC's clock).
      if (needsPeriod && ledger.periodKind !== 'none')
        init.period = periodOf(ledger.periodKind, today.format(ISO)).label
      if (ledger.periodColumn) init.values[ledger.periodColumn] = today
      form.setFieldsValue(init)
    }
  }, [open, row, ledger, form, today, needsPeriod])

  const submit = async () => {
    const v = await form.validateFields()
    const values = Object.fromEntries(ledger.columns.map((c) => [c.key, fromForm(c, v.values?.[c.key])]))
    const done = () => {
      message.success(t('statistics.row.saved'))
      onClose()
    }
    const onError = (err: unknown) => showError(err, { form })
    if (row) update.mutate({ id: row.id, version: row.version, values }, { onSuccess: done, onError })
    else
      create.mutate(
        {
          values,
          ...(v.orgUnitId ? { orgUnitId: v.orgUnitId } : {}),
          ...(needsPeriod && v.period ? { period: v.period.trim() } : {}),
        },
        { onSuccess: done, onError },
      )
  }

  const input = (c: LedgerColumn) => {
    const testId = `row-field-${c.key}`
    switch (c.type) {
      case 'money':
        return (
          <InputNumber
            data-testid={testId}
            min={0}
            step={0.01}
            suffix={t('statistics.row.moneyUnit')}
            style={{ width: '100%' }}
          />
        )
      case 'integer':
        return <InputNumber data-testid={testId} precision={0} style={{ width: '100%' }} />
      case 'decimal':
        return <InputNumber data-testid={testId} style={{ width: '100%' }} />
      case 'percent':
        return <InputNumber data-testid={testId} min={0} max={100} suffix="%" style={{ width: '100%' }} />
      case 'date':
        return <DatePicker data-testid={testId} defaultPickerValue={today} style={{ width: '100%' }} />
      case 'boolean':
        return (
          <Select
            data-testid={testId}
            allowClear
            placeholder={c.derived ? t('statistics.row.derivedHint') : undefined}
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
          />
        )
      case 'enum':
        return (
          <Select
            data-testid={testId}
            allowClear
            options={(c.options ?? []).map((o) => ({ value: o.value, label: label(o) }))}
          />
        )
      case 'org':
        return <OrgTreeSelect data-testid={testId} />
      default:
        return <Input data-testid={testId} maxLength={500} />
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={
        editing ? t('statistics.row.editTitle') : t('statistics.row.addTitle', { ledger: label(ledger) })
      }
      data-testid="row-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="row-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        {!editing && (
          <Form.Item name="orgUnitId" label={t('statistics.row.unit')}>
            <OrgTreeSelect
              data-testid="row-unit"
              placeholder={`${t('statistics.row.unitDefault')}（${user?.orgUnitName ?? ''}）`}
            />
          </Form.Item>
        )}
        {!editing && needsPeriod && (
          <Form.Item
            name="period"
            label={t('statistics.row.period')}
            extra={t('statistics.row.periodHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input data-testid="row-period" maxLength={10} />
          </Form.Item>
        )}
        {ledger.columns.map((c) => (
          <Form.Item
            key={c.key}
            name={['values', c.key]}
            label={label(c)}
            extra={c.help}
            rules={c.required ? [{ required: true, message: t('common.required') }] : []}
          >
            {input(c)}
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  )
}
