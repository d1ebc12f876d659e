import { GlobalOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth'
import { useShowError } from '../feedback'

/** One click toggles 中文 ⇄ English; the label names the language you would switch to. */
export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const { i18n } = useTranslation()
  const { setLanguage } = useAuth()
  const showError = useShowError()
  const next = i18n.language === 'en' ? 'zh-CN' : 'en'
  return (
    <Button
      data-testid="lang-switch"
      type="text"
      icon={<GlobalOutlined />}
      style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      onClick={() => setLanguage(next).catch((err: unknown) => showError(err))}
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  )
}
