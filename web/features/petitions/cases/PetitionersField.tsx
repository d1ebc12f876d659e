import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Col, Form, Input, Row } from 'antd'
import { useTranslation } from 'react-i18next'

/** A group visit sends at most five representatives; the form records them (and a single petitioner). */
export const MAX_PETITIONERS = 5

/** The petitioners list of the register form (Form.List named `petitioners`). */
export function PetitionersField() {
  const { t } = useTranslation()
  return (
    <Form.List name="petitioners">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={t('petitions.person.nth', { n: i + 1 })}
              extra={
                fields.length > 1 && (
                  <Button
                    type="text"
                    size="small"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('petitions.person.remove')}
                    onClick={() => remove(field.name)}
                  />
                )
              }
            >
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('petitions.person.name')}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  >
                    <Input maxLength={50} data-testid={`register-person-${i}-name`} />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item
                    name={[field.name, 'idNumber']}
                    label={t('petitions.person.idNumber')}
                    rules={[{ pattern: /^\d{17}[\dXx]$/, message: t('petitions.person.idInvalid') }]}
                  >
                    <Input maxLength={18} data-testid={`register-person-${i}-id`} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'phone']} label={t('petitions.person.phone')}>
                    <Input maxLength={20} inputMode="tel" data-testid={`register-person-${i}-phone`} />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name={[field.name, 'address']} label={t('petitions.person.address')}>
                    <Input maxLength={200} data-testid={`register-person-${i}-address`} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          {fields.length < MAX_PETITIONERS && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({})}
              data-testid="register-person-add"
            >
              {t('petitions.person.add')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  )
}
