import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** The milestones (节点) of a new task: title, due date, weight; progress is weighted by them. */
export function MilestonesField() {
  const { t } = useTranslation()
  const required = { required: true, message: t('common.required') }
  return (
    <div>
      <Typography.Text strong>{t('supervision.milestones')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('supervision.milestonesHint')}
      </Typography.Paragraph>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" size={8} style={{ width: '100%' }}>
                <Form.Item
                  name={[f.name, 'title']}
                  rules={[{ ...required, whitespace: true }]}
                  style={{ width: 340 }}
                >
                  <Input
                    data-testid={`task-form-milestone-${i}-title`}
                    placeholder={t('supervision.field.milestoneTitle')}
                    maxLength={200}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} rules={[required]}>
                  <DatePicker
                    data-testid={`task-form-milestone-${i}-due`}
                    placeholder={t('supervision.field.dueOn')}
                    style={{ width: 150 }}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'weight']} rules={[required]}>
                  <InputNumber
                    data-testid={`task-form-milestone-${i}-weight`}
                    min={1}
                    max={100}
                    precision={0}
                    prefix={t('supervision.field.weight')}
                    style={{ width: 130 }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('supervision.removeMilestone')}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              data-testid="task-form-milestone-add"
              onClick={() => add({ title: '', weight: 1 })}
            >
              {t('supervision.addMilestone')}
            </Button>
          </Space>
        )}
      </Form.List>
    </div>
  )
}
