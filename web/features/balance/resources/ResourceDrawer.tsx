import {
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useToday } from '../../../app/hooks/useToday'
import { fenToWan, wanToFen } from '../../statistics/format'
import { UnitPicker } from '../common/UnitPicker'
import { useCreateRow, useUpdateRow } from '../queries'
import { EXCLUSIONS, RESOURCE_FIELDS, type ResourceField, type ResourceRow } from '../types'

/** The form's groups, as a school's statistics sheet is laid out. */
const GROUPS: { key: 'pupils' | 'teachers' | 'space' | 'equipment'; fields: ResourceField[] }[] = [
  { key: 'pupils', fields: ['pupilsPrimary', 'pupilsJunior', 'pupilsSenior'] },
  {
    key: 'teachers',
    fields: [
      'teachersPrimary',
      'teachersJunior',
      'teachersSenior',
      'qualifiedPrimary',
      'qualifiedJunior',
      'backbonePrimary',
      'backboneJunior',
      'peArtPrimary',
      'peArtJunior',
      'titledPrimary',
      'titledJunior',
    ],
  },
  { key: 'space', fields: ['floorArea', 'sportsArea'] },
  { key: 'equipment', fields: ['equipmentFen', 'multimediaRooms', 'computers', 'books'] },
]

type Values = Partial<Record<ResourceField, number | null>> & {
  schoolId?: number
  year?: Dayjs
  exclusion?: string | null
  note?: string
}

const NONE = '__none__'

/** Add or correct one school's resources for a year; equipment is typed in 万元 and sent in fen. */
export function ResourceDrawer({
  open,
  row,
  onClose,
}: {
  open: boolean
  row?: ResourceRow | undefined
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const today = useToday()
  const thisYear = Number(today.slice(0, 4))
  const [form] = Form.useForm<Values>()
  const create = useCreateRow('resources')
  const update = useUpdateRow('resources')

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (row) {
      const v: Values = { exclusion: row.exclusion ?? NONE, note: row.note }
      for (const k of RESOURCE_FIELDS) v[k] = k === 'equipmentFen' ? fenToWan(row[k]) : row[k]
      form.setFieldsValue(v)
    } else form.setFieldsValue({ year: dayjs(`${thisYear}-01-01`), exclusion: NONE })
  }, [open, row, form, thisYear])

  const submit = async () => {
    const v = await form.validateFields()
    const numbers: Partial<Record<ResourceField, number>> = {}
    for (const k of RESOURCE_FIELDS) {
      const x = v[k]
      if (x === null || x === undefined) continue
      numbers[k] = k === 'equipmentFen' ? wanToFen(x) : x
    }
    const exclusion = v.exclusion === NONE || v.exclusion === undefined ? null : v.exclusion
    const common = { ...numbers, exclusion, note: v.note?.trim() ?? '' }
    const done = () => {
      message.success(t('balance.ledger.saved'))
      onClose()
    }
    const onError = (err: unknown) => showError(err, { form })
    if (row) update.mutate({ id: row.id, version: row.version, ...common }, { onSuccess: done, onError })
    else
      create.mutate({ schoolId: v.schoolId, year: v.year?.year(), ...common }, { onSuccess: done, onError })
  }

  const numberInput = (k: ResourceField) => (
    <InputNumber
      data-testid={`resource-field-${k}`}
      min={0}
      precision={k === 'floorArea' || k === 'sportsArea' ? 2 : k === 'equipmentFen' ? undefined : 0}
      step={k === 'equipmentFen' ? 0.01 : 1}
      style={{ width: '100%' }}
    />
  )

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      data-testid="resource-drawer"
      title={
        row ? t('balance.res.editTitle', { school: row.school, year: row.year }) : t('balance.res.addTitle')
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="resource-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        {!row && (
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item
                name="schoolId"
                label={t('balance.res.school')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <UnitPicker kind="school" data-testid="resource-school" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="year"
                label={t('balance.year')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker
                  picker="year"
                  allowClear={false}
                  disabledDate={(d) => d.year() > thisYear}
                  style={{ width: '100%' }}
                  data-testid="resource-year"
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('balance.res.stageHint')}
        </Typography.Text>
        {GROUPS.map((g) => (
          <div key={g.key}>
            <Divider titlePlacement="start" style={{ margin: '12px 0 8px' }}>
              {t(`balance.res.groups.${g.key}`)}
            </Divider>
            <Row gutter={16}>
              {g.fields.map((k) => (
                <Col span={g.key === 'pupils' || k.startsWith('teachers') ? 8 : 12} key={k}>
                  <Form.Item name={k} label={t(`balance.res.fields.${k}`)}>
                    {numberInput(k)}
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </div>
        ))}
        <Divider titlePlacement="start" style={{ margin: '12px 0 8px' }}>
          {t('balance.res.groups.other')}
        </Divider>
        <Form.Item name="exclusion" label={t('balance.res.exclusion')}>
          <Select
            data-testid="resource-exclusion"
            options={[
              { value: NONE, label: t('balance.res.exclusionNone') },
              ...EXCLUSIONS.map((e) => ({ value: e, label: t(`balance.res.exclusions.${e}`) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('balance.res.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="resource-note" />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
