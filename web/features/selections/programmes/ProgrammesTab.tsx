import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { canManageSelections } from '../access'
import { useSelT } from '../i18n'
import { useProgrammes } from '../queries'
import { StatusTag } from '../StatusTag'
import type { Programme } from '../types'
import { ProgrammeFormDrawer } from './ProgrammeFormDrawer'

/** Every programme the user oversees or may apply to: kind, batch, status, window, counts. */
export function ProgrammesTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const st = useSelT()
  const { user } = useAuth()
  const manage = canManageSelections(user?.role)
  const programmes = useProgrammes()
  const [creating, setCreating] = useState(false)

  return (
    <>
      {manage && (
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="programme-create"
            onClick={() => setCreating(true)}
          >
            {t('selections.list.create')}
          </Button>
        </Space>
      )}
      <Table<Programme>
        data-testid="programme-table"
        rowKey="id"
        size="middle"
        loading={programmes.isPending}
        dataSource={programmes.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('selections.list.empty') }}
        columns={[
          {
            title: t('selections.field.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <Typography.Link data-testid={`programme-open-${p.id}`} onClick={() => onOpen(p.id)}>
                {name}
              </Typography.Link>
            ),
          },
          {
            title: t('selections.field.kind'),
            dataIndex: 'kind',
            width: 150,
            render: (k) => st(`kind.${k}`),
          },
          { title: t('selections.field.batch'), dataIndex: 'batch', width: 100 },
          {
            title: t('selections.field.status'),
            dataIndex: 'status',
            width: 110,
            render: (_, p) => <StatusTag status={p.status} />,
          },
          {
            title: t('selections.field.window'),
            width: 200,
            render: (_, p) => `${p.opensOn} ～ ${p.closesOn}`,
          },
          {
            title: t('selections.field.counts'),
            width: 160,
            render: (_, p) => (p.applications ? t('selections.list.counts', p.applications) : '—'),
          },
        ]}
      />
      {creating && (
        <ProgrammeFormDrawer
          open
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false)
            onOpen(p.id)
          }}
        />
      )}
    </>
  )
}
