import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Form, Input, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { isRefusal } from '../errors'
import type { ListItem } from '../types'

interface Props {
  items: ListItem[]
  loading: boolean
  canEdit: boolean
  /** Prefix of the test ids: `<prefix>-name`, `<prefix>-add`, `<prefix>-void-<id>`. */
  testId: string
  nameLabel: string
  hint: string
  onCreate: (body: { name: string; sortOrder: number }) => Promise<unknown>
  onVoid: (item: ListItem, reason: string) => Promise<unknown>
}

/**
 * A configurable list (problem categories, violation types): entries are added and voided, never
 * deleted; one still used by a live record cannot be voided, and the server says which.
 */
export function ReferenceList({ items, loading, canEdit, testId, nameLabel, hint, onCreate, onVoid }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<{ name: string; sortOrder?: number }>()
  const [busy, setBusy] = useState(false)
  const [showVoided, setShowVoided] = useState(false)
  const [voiding, setVoiding] = useState<ListItem | null>(null)
  const shown = items.filter((i) => showVoided || !i.voided)

  const add = async (v: { name: string; sortOrder?: number }) => {
    setBusy(true)
    try {
      // New entries go last unless told otherwise.
      const sortOrder = v.sortOrder ?? Math.max(0, ...items.map((i) => i.sortOrder)) + 10
      await onCreate({ name: v.name.trim(), sortOrder })
      message.success(t('common.saved'))
      form.resetFields()
    } catch (err) {
      // "Already taken" is a 409 about the name, not a stale record: put it under the name.
      if (isRefusal(err)) form.setFields([{ name: 'name', errors: [err.message] }])
      else showError(err, { form })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 760 }}>
      <Typography.Text type="secondary">{hint}</Typography.Text>
      {canEdit && (
        <Form form={form} layout="inline" onFinish={add}>
          <Form.Item
            name="name"
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input
              data-testid={`${testId}-name`}
              placeholder={nameLabel}
              maxLength={40}
              style={{ width: 240 }}
            />
          </Form.Item>
          <Form.Item name="sortOrder">
            <InputNumber
              min={0}
              max={10000}
              precision={0}
              placeholder={t('org.sortOrder')}
              style={{ width: 110 }}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={busy}
            data-testid={`${testId}-add`}
          >
            {t('rectification.lists.add')}
          </Button>
        </Form>
      )}
      <Space size={4}>
        <Switch size="small" checked={showVoided} onChange={setShowVoided} />
        <Typography.Text>{t('common.showVoided')}</Typography.Text>
      </Space>
      <Table<ListItem>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={shown}
        pagination={false}
        data-testid={`${testId}-table`}
        columns={[
          {
            title: nameLabel,
            dataIndex: 'name',
            render: (name: string, i) => <Typography.Text delete={i.voided}>{name}</Typography.Text>,
          },
          { title: t('org.sortOrder'), dataIndex: 'sortOrder', width: 90 },
          {
            title: t('common.status'),
            dataIndex: 'voided',
            width: 90,
            render: (v: boolean) =>
              v ? <Tag>{t('common.voided')}</Tag> : <Tag color="blue">{t('common.active')}</Tag>,
          },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, i: ListItem) =>
                    i.voided ? null : (
                      <Button
                        type="link"
                        size="small"
                        danger
                        onClick={() => setVoiding(i)}
                        data-testid={`${testId}-void-${i.id}`}
                      >
                        {t('common.void')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <VoidModal
        open={voiding !== null}
        name={voiding?.name ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? onVoid(voiding, reason).then(
                () => message.success(t('common.voidDone')),
                (err: unknown) => {
                  // Still in use: say so and close; nothing the reason could change.
                  if (isRefusal(err)) message.error(err.message)
                  else throw err
                },
              )
            : Promise.resolve()
        }
      />
    </Space>
  )
}
