import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, type TableColumnsType, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../../app/components/VoidModal'
import { useOrgIndex } from '../../org/queries'
import { useBilingual } from '../format'
import { useLedgers, useVoidDefinition } from '../queries'
import type { LedgerDefinition } from '../types'
import { DefinitionDrawer } from './DefinitionDrawer'

/** Admins: every ledger definition, create, edit and void (built-in ones keep their key). */
export function DefinitionsTab() {
  const { t } = useTranslation()
  const name = useBilingual()
  const { index } = useOrgIndex(false)
  const ledgers = useLedgers(true)
  const voidDef = useVoidDefinition()
  const [editing, setEditing] = useState<LedgerDefinition | 'new' | null>(null)
  const [voiding, setVoiding] = useState<LedgerDefinition | null>(null)
  const columns: TableColumnsType<LedgerDefinition> = [
    { title: t('statistics.def.key'), dataIndex: 'key', width: 220, render: (k: string) => <code>{k}</code> },
    {
      title: t('statistics.def.nameZh'),
      key: 'name',
      render: (_, l) => (
        <Space size={6}>
          {name(l)}
          {l.builtin && <Tag color="blue">{t('statistics.builtin')}</Tag>}
          {l.voided && <Tag>{t('common.voided')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('statistics.periodKind'),
      key: 'period',
      width: 100,
      render: (_, l) => t(`statistics.periodKinds.${l.periodKind}`),
    },
    {
      title: t('statistics.owner'),
      key: 'owner',
      width: 160,
      render: (_, l) =>
        l.ownerUnitId
          ? (index.byId.get(String(l.ownerUnitId))?.name ?? `#${l.ownerUnitId}`)
          : t('statistics.ownerNone'),
    },
    {
      title: t('statistics.def.columns'),
      key: 'cols',
      width: 70,
      align: 'right',
      render: (_, l) => l.columns.length,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, l) =>
        l.voided ? null : (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => setEditing(l)} data-testid={`def-edit-${l.key}`}>
              {t('statistics.def.edit')}
            </Button>
            <Button size="small" type="link" danger onClick={() => setVoiding(l)}>
              {t('common.void')}
            </Button>
          </Space>
        ),
    },
  ]
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setEditing('new')}
        data-testid="def-create"
      >
        {t('statistics.def.create')}
      </Button>
      <Table<LedgerDefinition>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={ledgers.data ?? []}
        loading={ledgers.isFetching}
        pagination={false}
        data-testid="definitions-table"
      />
      <DefinitionDrawer
        open={editing !== null}
        ledger={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
      />
      <VoidModal
        open={voiding !== null}
        name={t('statistics.def.voidName', { name: voiding ? name(voiding) : '' })}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidDef.mutateAsync({ key: voiding.key, version: voiding.version, reason })
            : Promise.resolve()
        }
      />
    </Space>
  )
}
