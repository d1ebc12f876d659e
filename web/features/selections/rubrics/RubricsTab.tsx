import { PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Drawer, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { canManageSelections } from '../access'
import { useSelT } from '../i18n'
import { useRubrics, useVoidRubric } from '../queries'
import type { Rubric } from '../types'
import { RubricEditor } from './RubricEditor'
import { RubricTree } from './RubricTree'

/** Rubrics in use and their revisions: read as a tree; the department writes, revises and voids. */
export function RubricsTab() {
  const { t } = useTranslation()
  const st = useSelT()
  const { user } = useAuth()
  const manage = canManageSelections(user?.role)
  const [showVoided, setShowVoided] = useState(false)
  const rubrics = useRubrics(showVoided)
  const voidRubric = useVoidRubric()
  const [viewing, setViewing] = useState<Rubric | null>(null)
  const [editing, setEditing] = useState<{ base?: Rubric } | null>(null)
  const [voiding, setVoiding] = useState<Rubric | null>(null)
  const r = (k: string, o?: Record<string, unknown>) => st(`rubric.${k}`, o)

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="rubric-create"
            onClick={() => setEditing({})}
          >
            {r('create')}
          </Button>
        )}
        <Checkbox checked={showVoided} onChange={(e) => setShowVoided(e.target.checked)}>
          {t('common.showVoided')}
        </Checkbox>
      </Space>
      <Table<Rubric>
        data-testid="rubric-table"
        rowKey="id"
        size="middle"
        loading={rubrics.isPending}
        dataSource={rubrics.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: r('empty') }}
        columns={[
          {
            title: r('name'),
            dataIndex: 'name',
            render: (name: string, x) => (
              <Space>
                <Typography.Link data-testid={`rubric-open-${x.id}`} onClick={() => setViewing(x)}>
                  {name}
                </Typography.Link>
                {x.voided && <Tag>{t('common.voided')}</Tag>}
              </Space>
            ),
          },
          {
            title: r('revision'),
            width: 170,
            render: (_, x) => (
              <Space size={4}>
                {r('revN', { n: x.revision })}
                {x.basedOn && (
                  <Typography.Text type="secondary">{r('basedOn', { id: x.basedOn })}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: r('total'), dataIndex: 'total', width: 70 },
          { title: r('leaves'), dataIndex: 'leafCount', width: 80 },
          { title: r('usedBy'), dataIndex: 'usedBy', width: 90 },
          { title: r('owner'), dataIndex: 'ownerUnit', width: 140 },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  width: 170,
                  render: (_: unknown, x: Rubric) =>
                    x.voided ? null : (
                      <Space size={4}>
                        <Button
                          size="small"
                          type="link"
                          data-testid={`rubric-revise-${x.id}`}
                          onClick={() => setEditing({ base: x })}
                        >
                          {r('revise')}
                        </Button>
                        <Button size="small" type="link" danger onClick={() => setVoiding(x)}>
                          {t('common.void')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Drawer
        open={viewing !== null}
        size={900}
        title={viewing?.name}
        onClose={() => setViewing(null)}
        destroyOnHidden
      >
        {viewing && (
          <>
            <Space style={{ marginBottom: 12 }}>
              <Tag>{r('revN', { n: viewing.revision })}</Tag>
              {viewing.basedOn && <span>{r('basedOn', { id: viewing.basedOn })}</span>}
              {viewing.note && <Typography.Text type="secondary">{viewing.note}</Typography.Text>}
            </Space>
            <RubricTree criteria={viewing.criteria} total={viewing.total} />
          </>
        )}
      </Drawer>
      {editing && (
        <RubricEditor base={editing.base} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      )}
      <VoidModal
        open={voiding !== null}
        name={voiding?.name ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voidRubric.mutateAsync({ id: voiding?.id ?? 0, version: voiding?.version ?? 0, reason })
        }
      />
    </>
  )
}
