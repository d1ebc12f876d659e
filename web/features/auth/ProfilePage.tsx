import { Card, Descriptions, Radio, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth'
import { useShowError } from '../../app/feedback'
import { isLang } from '../../app/i18n'
import { useLabels } from '../../app/meta'
import { PasswordForm } from './PasswordForm'
import { useUpdateMe } from './queries'

export default function ProfilePage() {
  const { t, i18n } = useTranslation()
  const { user, setLanguage } = useAuth()
  const labels = useLabels()
  const showError = useShowError()
  const updateMe = useUpdateMe()
  if (!user) return null

  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))',
        gap: 16,
        maxWidth: 1200,
      }}
    >
      <Card title={t('profile.info')}>
        <Descriptions
          column={1}
          items={[
            { key: 'username', label: t('profile.username'), children: user.username },
            {
              key: 'displayName',
              label: t('profile.displayName'),
              children: (
                <Typography.Text
                  editable={{
                    onChange: (displayName) => {
                      const name = displayName.trim()
                      if (name && name !== user.displayName) {
                        updateMe.mutate({ displayName: name }, { onError: (err) => showError(err) })
                      }
                    },
                  }}
                >
                  {user.displayName}
                </Typography.Text>
              ),
            },
            { key: 'role', label: t('profile.role'), children: labels.role(user.role) },
            { key: 'org', label: t('profile.orgUnit'), children: user.orgUnitName },
            { key: 'phone', label: t('profile.phone'), children: user.phone || '—' },
          ]}
        />
      </Card>
      <Card title={t('profile.language')}>
        <Radio.Group
          data-testid="profile-lang"
          value={i18n.language === 'en' ? 'en' : 'zh-CN'}
          onChange={(e) => {
            const lang: unknown = e.target.value
            if (isLang(lang)) setLanguage(lang).catch((err: unknown) => showError(err))
          }}
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
          optionType="button"
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('profile.languageHint')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('profile.changePassword')}>
        <PasswordForm />
      </Card>
    </div>
  )
}
