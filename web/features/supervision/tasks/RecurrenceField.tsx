import { Col, Form, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'

const DAYS = [...Array.from({ length: 28 }, (_, i) => i + 1), 'last' as const]

/** A monthly duty: each unit of the task files a progress note by this day of every month. */
export function RecurrenceField({ recurring }: { recurring: boolean | undefined }) {
  const { t } = useTranslation()
  return (
    <>
      <Col span={8}>
        <Form.Item name="recurring" label={t('supervision.field.recurring')} valuePropName="checked">
          <Switch data-testid="task-form-recurring" />
        </Form.Item>
      </Col>
      {recurring && (
        <Col span={8}>
          <Form.Item
            name={['recurrence', 'day']}
            label={t('supervision.field.recurrenceDay')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              data-testid="task-form-recurrence-day"
              options={DAYS.map((d) => ({
                value: d,
                label:
                  d === 'last'
                    ? t('supervision.recurrence.last')
                    : t('supervision.recurrence.day', { day: d }),
              }))}
            />
          </Form.Item>
        </Col>
      )}
    </>
  )
}
