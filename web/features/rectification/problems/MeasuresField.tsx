import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, DatePicker, Form, Input, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'

export interface MeasureValues {
  content: string
  owner?: string
  deadline: Dayjs
}

/** The first measures of a new problem: what will be done, by whom, by when. */
export function MeasuresField() {
  const { t } = useTranslation()
  const required = { required: true, whitespace: true, message: t('common.required') }
  return (
    <div data-testid="problem-form-measures">
      <Typography.Title level={5}>{t('rectification.measures.title')}</Typography.Title>
      <Form.List name="measures">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <Form.Item name={[f.name, 'content']} rules={[required]} style={{ flex: 1 }}>
                  <Input.TextArea
                    data-testid={`measure-${f.name}-content`}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={1000}
                    placeholder={t('rectification.measures.content')}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'owner']} style={{ width: 150 }}>
                  <Input
                    data-testid={`measure-${f.name}-owner`}
                    maxLength={100}
                    placeholder={t('rectification.measures.owner')}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'deadline']}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ width: 150 }}
                >
                  <DatePicker
                    data-testid={`measure-${f.name}-deadline`}
                    placeholder={t('rectification.measures.deadline')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('rectification.measures.remove')}
                  onClick={() => remove(f.name)}
                />
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              data-testid="measure-add-row"
              onClick={() => add({})}
              block
            >
              {t('rectification.measures.add')}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  )
}
