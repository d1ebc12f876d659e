import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useToday } from '../../../app/hooks/useToday'
import { UnitPicker } from '../common/UnitPicker'
import { useCreateRow, useUpdateRow } from '../queries'
import type { EnrolmentRow } from '../types'

interface Values {
  kindergartenId?: number
  year?: Dayjs
  children?: number
  newInclusivePlaces?: number
  note?: string
}

/** Add or correct one kindergarten's enrolment for a year. */
export function EnrolmentDrawer({
  open,
  row,
  onClose,
}: {
  open: boolean
  row?: EnrolmentRow | undefined
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const thisYear = Number(useToday().slice(0, 4))
  const [form] = Form.useForm<Values>()
  const create = useCreateRow('kindergartens')
  const update = useUpdateRow('kindergartens')

  useEffect(() => {
    if (!open) return
    form.resetFields()
    if (row)
      form.setFieldsValue({
        children: row.children,
        newInclusivePlaces: row.newInclusivePlaces,
        note: row.note,
      })
    else form.setFieldsValue({ year: dayjs(`${thisYear}-01-01`), newInclusivePlaces: 0 })
  }, [open, row, form, thisYear])

  const submit = async () => {
    const v = await form.validateFields()
    const common = {
      children: v.children,
      newInclusivePlaces: v.newInclusivePlaces ?? 0,
      note: v.note?.trim() ?? '',
    }
    const done = () => {
      message.success(t('balance.ledger.saved'))
      onClose()
    }
    const onError = (err: unknown) => showError(err, { form })
    if (row) update.mutate({ id: row.id, version: row.version, ...common }, { onSuccess: done, onError })
    else
      create.mutate(
        { kindergartenId: v.kindergartenId, year: v.year?.year(), ...common },
        { onSuccess: done, onError },
      )
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      data-testid="enrolment-drawer"
      title={
        row
          ? t('balance.kg.editTitle', { kindergarten: row.kindergarten, year: row.year })
          : t('balance.kg.addTitle')
      }
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="enrolment-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical">
        {!row && (
          <>
            <Form.Item
              name="kindergartenId"
              label={t('balance.kg.name')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <UnitPicker kind="kindergarten" data-testid="enrolment-kindergarten" />
            </Form.Item>
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
                data-testid="enrolment-year"
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="children"
          label={t('balance.kg.children')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="enrolment-children" />
        </Form.Item>
        <Form.Item name="newInclusivePlaces" label={t('balance.kg.newPlaces')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="enrolment-new-places" />
        </Form.Item>
        <Form.Item name="note" label={t('balance.res.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
