import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Space, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useSettings, useUpdateSettings } from '../queries'
import type { Limits } from '../types'

/** 设置: the configurable composite limits; the national 2017 limits shown beside them, read-only. */
export function SettingsTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const q = useSettings()
  const save = useUpdateSettings()
  const [form] = Form.useForm<Limits>()
  const s = q.data

  useEffect(() => {
    if (s) form.setFieldsValue(s.compositeLimits)
  }, [s, form])

  const submit = async () => {
    if (!s) return
    const v = await form.validateFields()
    save.mutate(
      { version: s.version, compositeLimits: { primary: v.primary, junior: v.junior } },
      {
        onSuccess: () => void message.success(t('balance.settings.saved')),
        onError: (err) => showError(err, { form }),
      },
    )
  }
  const limit = (name: 'primary' | 'junior') => (
    <Form.Item
      name={name}
      label={t(`balance.stages.${name}`)}
      rules={[{ required: true, message: t('common.required') }]}
    >
      <InputNumber
        min={0.01}
        max={2}
        step={0.01}
        precision={2}
        style={{ width: 140 }}
        data-testid={`settings-${name}`}
      />
    </Form.Item>
  )

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%', maxWidth: 720 }}
      data-testid="balance-settings"
    >
      <Card size="small" title={t('balance.settings.compositeTitle')} loading={q.isPending}>
        <Typography.Paragraph type="secondary">{t('balance.settings.compositeHint')}</Typography.Paragraph>
        <Form form={form} layout="inline">
          {limit('primary')}
          {limit('junior')}
          <Form.Item>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => void submit().catch(() => undefined)}
              data-testid="settings-save"
            >
              {t('common.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('balance.settings.qualityTitle')} loading={q.isPending}>
        {s && (
          <Descriptions
            size="small"
            column={2}
            items={(['primary', 'junior'] as const).map((k) => ({
              key: k,
              label: t(`balance.stages.${k}`),
              children: `≤ ${s.qualityLimits[k].toFixed(2)}`,
            }))}
          />
        )}
      </Card>
      {!s && q.isError && <Alert type="error" title={String(q.error)} />}
    </Space>
  )
}
