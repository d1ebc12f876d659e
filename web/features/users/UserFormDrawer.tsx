import { App, Button, Drawer, Form, Input, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../app/feedback'
import { useLabels } from '../../app/meta'
import type { Id, Role, User } from '../../app/types'
import { mobileRule, passwordRule } from '../../app/validation'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { useCreateUser, useUpdateUser } from './queries'

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User }

interface Values {
  username: string
  displayName: string
  role: Role
  orgUnitId: Id
  password?: string
  phone?: string
}

export function UserFormDrawer({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation()
  const labels = useLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const create = useCreateUser()
  const update = useUpdateUser()
  const editing = target?.mode === 'edit' ? target.user : null

  const submit = (v: Values) => {
    const phone = v.phone?.trim() || undefined
    if (!editing) {
      create.mutate(
        {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          orgUnitId: v.orgUnitId,
          password: v.password ?? '',
          phone,
        },
        {
          onSuccess: (u) => {
            message.success(t('users.created', { name: u.displayName }))
            onClose()
          },
          onError: (err) => showError(err, { form }),
        },
      )
      return
    }
    const changes: Partial<Values> = {}
    if (v.displayName.trim() !== editing.displayName) changes.displayName = v.displayName.trim()
    if (v.role !== editing.role) changes.role = v.role
    if (String(v.orgUnitId) !== String(editing.orgUnitId)) changes.orgUnitId = v.orgUnitId
    if ((phone ?? '') !== (editing.phone ?? '')) changes.phone = phone ?? ''
    if (Object.keys(changes).length === 0) return onClose()
    update.mutate(
      { id: editing.id, version: editing.version, ...changes },
      {
        onSuccess: () => {
          message.success(t('common.saved'))
          onClose()
        },
        onError: (err) => showError(err, { form, onReload: onClose }),
      },
    )
  }

  const initial: Partial<Values> | undefined = editing
    ? {
        username: editing.username,
        displayName: editing.displayName,
        role: editing.role,
        orgUnitId: editing.orgUnitId,
        phone: editing.phone ?? undefined,
      }
    : undefined
  const required = { required: true, whitespace: true, message: t('common.required') }

  return (
    <Drawer
      open={target !== null}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      size={480}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="user-form-submit"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={initial}>
        <Form.Item name="username" label={t('users.username')} rules={[required]}>
          <Input
            data-testid="user-form-username"
            disabled={Boolean(editing)}
            autoComplete="off"
            maxLength={64}
          />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required]}>
          <Input data-testid="user-form-displayname" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select data-testid="user-form-role" options={labels.roleOptions()} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('users.scope')}
          extra={t('users.scopeHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <OrgTreeSelect data-testid="user-form-scope" />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('profile.passwordRule')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: passwordRule, message: t('profile.passwordRule') },
            ]}
          >
            <Input.Password data-testid="user-form-password" autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label={t('users.phone')}
          rules={[{ pattern: mobileRule, message: t('users.phoneInvalid') }]}
        >
          <Input data-testid="user-form-phone" maxLength={11} inputMode="tel" />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
