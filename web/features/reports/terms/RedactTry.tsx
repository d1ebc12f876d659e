import { Button, Card, Input, Radio, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { redact } from '../queries'

/** "Try it": a text masked as a public copy would be (or in personal mode), for the user's scope. */
export function RedactTry() {
  const { t } = useTranslation()
  const showError = useShowError()
  const [text, setText] = useState('')
  const [mode, setMode] = useState<'publication' | 'personal'>('publication')
  const [out, setOut] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async () => {
    setBusy(true)
    try {
      setOut(await redact({ text, mode }))
    } catch (err) {
      showError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" title={t('reports.redact.title')} data-testid="redact-try">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          options={[
            { value: 'publication', label: t('reports.redact.publication') },
            { value: 'personal', label: t('reports.redact.personal') },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`reports.redact.${mode}Hint`)}
        </Typography.Text>
        <Input.TextArea
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('reports.redact.placeholder')}
          data-testid="redact-input"
        />
        <Button
          type="primary"
          disabled={text.trim() === ''}
          loading={busy}
          onClick={() => void run()}
          data-testid="redact-run"
        >
          {t('reports.redact.run')}
        </Button>
        {out !== null && (
          <Typography.Paragraph
            copyable
            style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, border: '1px solid #f0f0f0' }}
            data-testid="redact-output"
          >
            {out}
          </Typography.Paragraph>
        )}
      </Space>
    </Card>
  )
}
