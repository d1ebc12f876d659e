import { Alert, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLabels } from '../../app/meta'
import type { DemoUser } from '../../app/types'

/** The demo accounts from /api/meta; a click fills the login form. Shown only on demo data. */
export function DemoUsers({
  users,
  onPick,
}: {
  users: DemoUser[]
  onPick: (u: { username: string; password: string }) => void
}) {
  const { t } = useTranslation()
  const labels = useLabels()
  return (
    <Alert
      type="warning"
      showIcon
      title={t('auth.demoTitle')}
      data-testid="demo-users"
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('auth.demoHint')}</Typography.Paragraph>
          <Table<DemoUser>
            size="small"
            rowKey="username"
            pagination={false}
            dataSource={users}
            scroll={{ y: 220 }}
            onRow={(u) => ({
              onClick: () => onPick({ username: u.username, password: u.password }),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { title: t('auth.username'), dataIndex: 'username' },
              { title: t('auth.demoRole'), dataIndex: 'role', render: (r: string) => labels.role(r) },
              {
                title: t('auth.password'),
                dataIndex: 'password',
                render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
              },
            ]}
          />
        </>
      }
    />
  )
}
