import { ExportOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Button,
  Card,
  Input,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../app/api'
import { VoidModal } from '../../app/components/VoidModal'
import { useShowError } from '../../app/feedback'
import { useDebounced } from '../../app/hooks/useDebounced'
import { useLabels } from '../../app/meta'
import type { Role, User } from '../../app/types'
import { useUsers, useVoidUser } from './queries'
import { ResetPasswordModal } from './ResetPasswordModal'
import { UserFormDrawer, type UserFormTarget } from './UserFormDrawer'

export default function UsersPage() {
  const { t } = useTranslation()
  const labels = useLabels()
  const [qInput, setQInput] = useState('')
  const q = useDebounced(qInput.trim(), 300)
  const [role, setRole] = useState<Role | undefined>()
  const [includeVoided, setIncludeVoided] = useState(false)
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null)
  const [resetUser, setResetUser] = useState<User | null>(null)
  const [voidUser, setVoidUser] = useState<User | null>(null)
  const voidMutation = useVoidUser()
  const showError = useShowError()

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts at page 1
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [q, role, includeVoided])
  const users = useUsers({ q: q || undefined, role, includeVoided, ...paging })

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 160 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
    { title: t('users.role'), dataIndex: 'role', width: 130, render: (r: string) => labels.role(r) },
    { title: t('users.orgUnit'), dataIndex: 'orgUnitName', width: 240 },
    {
      title: t('users.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (p: string | null | undefined) => p || '—',
    },
    {
      title: t('common.status'),
      dataIndex: 'voidedAt',
      width: 90,
      render: (v: string | null | undefined) =>
        v ? <Tag>{t('common.voided')}</Tag> : <Tag color="blue">{t('common.active')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 220,
      render: (_, u) =>
        u.voidedAt ? null : (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => setFormTarget({ mode: 'edit', user: u })}
              data-testid={`user-edit-${u.username}`}
            >
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => setResetUser(u)}>
              {t('users.resetPassword')}
            </Button>
            <Button type="link" size="small" danger onClick={() => setVoidUser(u)}>
              {t('common.void')}
            </Button>
          </Space>
        ),
    },
  ]

  return (
    <Card
      title={t('users.title')}
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      styles={{ body: { flex: 1, minHeight: 0, overflow: 'auto' } }}
      extra={
        <Space>
          <Button
            icon={<ExportOutlined />}
            data-testid="user-export"
            onClick={() =>
              download(
                '/api/users/export.xlsx',
                { q: q || undefined, role, includeVoided },
                'users.xlsx',
              ).catch((err: unknown) => showError(err))
            }
          >
            {t('org.export')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="user-add"
            onClick={() => setFormTarget({ mode: 'create' })}
          >
            {t('users.add')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          data-testid="user-search"
          placeholder={t('users.searchPlaceholder')}
          value={qInput}
          onChange={(e) => setQInput(e.target.value)}
          style={{ width: 260 }}
        />
        <Select<Role>
          allowClear
          data-testid="user-role-filter"
          placeholder={t('users.roleFilter')}
          value={role}
          onChange={setRole}
          options={labels.roleOptions().map((o) => ({ ...o, value: o.value as Role }))}
          style={{ width: 180 }}
        />
        <Space size={4}>
          <Switch size="small" checked={includeVoided} onChange={setIncludeVoided} />
          <Typography.Text>{t('common.showVoided')}</Typography.Text>
        </Space>
      </Space>
      <Table<User>
        data-testid="user-table"
        size="small"
        rowKey={(u) => String(u.id)}
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(u) => ({ style: u.voidedAt ? { color: '#bfbfbf' } : undefined })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <UserFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
      <ResetPasswordModal user={resetUser} onClose={() => setResetUser(null)} />
      <VoidModal
        open={voidUser !== null}
        name={voidUser?.displayName ?? ''}
        onClose={() => setVoidUser(null)}
        onSubmit={(reason) =>
          voidUser
            ? voidMutation.mutateAsync({ id: voidUser.id, version: voidUser.version, reason })
            : Promise.resolve()
        }
      />
    </Card>
  )
}
