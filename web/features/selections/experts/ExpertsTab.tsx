import { PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../../app/components/VoidModal'
import { useOrgIndex } from '../../org/queries'
import { useSelT } from '../i18n'
import { useExperts, useVoidExpert } from '../queries'
import type { Expert } from '../types'
import { ExpertFormModal } from './ExpertFormModal'

/** The department's expert pool (评审专家库): who may be drawn, their fields and conflicts. */
export function ExpertsTab() {
  const { t } = useTranslation()
  const st = useSelT()
  const [showVoided, setShowVoided] = useState(false)
  const experts = useExperts(showVoided)
  const voidExpert = useVoidExpert()
  const { index } = useOrgIndex(false)
  const [editing, setEditing] = useState<{ expert?: Expert } | null>(null)
  const [voiding, setVoiding] = useState<Expert | null>(null)
  const e = (k: string) => st(`experts.${k}`)
  const unitName = (id: number) => index.byId.get(String(id))?.name ?? `#${id}`

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="expert-create"
          onClick={() => setEditing({})}
        >
          {e('add')}
        </Button>
        <Checkbox checked={showVoided} onChange={(x) => setShowVoided(x.target.checked)}>
          {t('common.showVoided')}
        </Checkbox>
      </Space>
      <Table<Expert>
        data-testid="expert-table"
        rowKey="id"
        size="middle"
        loading={experts.isPending}
        dataSource={experts.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: e('empty') }}
        columns={[
          {
            title: e('name'),
            dataIndex: 'name',
            width: 120,
            render: (n: string, x) => (
              <Space size={4}>
                {n}
                {x.voided && <Tag>{t('common.voided')}</Tag>}
              </Space>
            ),
          },
          { title: e('title'), dataIndex: 'title', width: 110 },
          { title: e('unitName'), dataIndex: 'unit', width: 180 },
          {
            title: e('fields'),
            dataIndex: 'fields',
            render: (fs: string[]) => fs.map((f) => <Tag key={f}>{f}</Tag>),
          },
          {
            title: e('conflicts'),
            dataIndex: 'conflictUnitIds',
            render: (ids: number[]) =>
              ids.map((id) => (
                <Tag key={id} color="orange">
                  {unitName(id)}
                </Tag>
              )),
          },
          {
            title: t('common.actions'),
            width: 130,
            render: (_, x) =>
              x.voided ? null : (
                <Space size={4}>
                  <Button
                    size="small"
                    type="link"
                    data-testid={`expert-edit-${x.id}`}
                    onClick={() => setEditing({ expert: x })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button size="small" type="link" danger onClick={() => setVoiding(x)}>
                    {t('common.void')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {editing && <ExpertFormModal expert={editing.expert} onClose={() => setEditing(null)} />}
      <VoidModal
        open={voiding !== null}
        name={voiding?.name ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voidExpert.mutateAsync({ id: voiding?.id ?? 0, version: voiding?.version ?? 0, reason })
        }
      />
    </>
  )
}
