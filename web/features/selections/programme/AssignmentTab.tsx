import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Divider, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { canManageSelections } from '../access'
import { atMinute } from '../format'
import { useSelT } from '../i18n'
import { useAssignByHand, useExperts, useRemoveAssignment, useRoundSummary } from '../queries'
import type { Exclusion, PanelExpert, Programme, SummaryRow } from '../types'

/**
 * Who reviews which application: each panel with how its experts came (drawn / named), the
 * department's changes by hand while the round is open, and the record of experts kept out for a
 * conflict with the reason. A refused expert is named with the server's reason under the field.
 */
export function AssignmentTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation()
  const st = useSelT()
  const { message } = App.useApp()
  const { user } = useAuth()
  const showError = useShowError()
  const editable = canManageSelections(user?.role) && ['reviewing', 'scored'].includes(p.status)
  const summary = useRoundSummary(p.id, true)
  const experts = useExperts(false, editable)
  const add = useAssignByHand()
  const remove = useRemoveAssignment()
  const [adding, setAdding] = useState<SummaryRow | null>(null)
  const [removing, setRemoving] = useState<PanelExpert | null>(null)
  const [form] = Form.useForm<{ expertId: number }>()
  const s = (k: string) => st(`assignment.${k}`)
  const rows = summary.data?.rows ?? []
  const titleOf = new Map(rows.map((r) => [r.applicationId, r.title]))

  return (
    <>
      <Table<SummaryRow>
        data-testid="assignment-table"
        rowKey="applicationId"
        size="middle"
        loading={summary.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('selections.applications.title'), dataIndex: 'title' },
          { title: t('selections.applications.unit'), dataIndex: 'unit', width: 180 },
          {
            title: t('selections.applications.field'),
            dataIndex: 'field',
            width: 100,
            render: (f) => f ?? '—',
          },
          {
            title: s('panel'),
            width: 440,
            render: (_, r) => (
              <Space size={[4, 4]} wrap data-testid={`assignment-panel-${r.applicationId}`}>
                {r.experts.map((e) => (
                  <Tag
                    key={e.assignmentId}
                    color={e.status === 'submitted' ? 'green' : 'blue'}
                    closable={editable && e.status !== 'submitted'}
                    onClose={(ev) => {
                      ev.preventDefault()
                      setRemoving(e)
                    }}
                  >
                    {e.expert}（{s(`how.${e.how}`)}）
                  </Tag>
                ))}
                {r.short && <Tag color="orange">{s('short')}</Tag>}
                {editable && (
                  <Button
                    size="small"
                    type="dashed"
                    icon={<PlusOutlined />}
                    data-testid={`assignment-add-${r.applicationId}`}
                    onClick={() => {
                      form.resetFields()
                      setAdding(r)
                    }}
                  >
                    {s('add')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Divider titlePlacement="start">{s('exclusions')}</Divider>
      <Table<Exclusion>
        data-testid="exclusion-table"
        rowKey={(x) => `${x.applicationId}-${x.expertId}-${x.at}`}
        size="small"
        dataSource={summary.data?.exclusions ?? []}
        pagination={false}
        locale={{ emptyText: s('noExclusions') }}
        columns={[
          {
            title: t('selections.applications.title'),
            render: (_, x) => titleOf.get(x.applicationId) ?? `#${x.applicationId}`,
          },
          { title: s('expert'), dataIndex: 'expert', width: 140 },
          { title: s('reason'), dataIndex: 'reason', width: 140, render: (r) => st(`conflict.${r}`) },
          { title: s('source'), dataIndex: 'source', width: 90, render: (x) => s(`how.${x}`) },
          {
            title: s('at'),
            dataIndex: 'at',
            width: 160,
            render: (x) => atMinute(x),
          },
        ]}
      />
      <Modal
        open={adding !== null}
        title={adding ? t('selections.assignment.addTitle', { title: adding.title }) : ''}
        onCancel={() => setAdding(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: add.isPending, ...{ 'data-testid': 'assignment-add-submit' } }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={({ expertId }) =>
            adding &&
            add.mutate(
              { applicationId: adding.applicationId, expertId },
              {
                onSuccess: () => {
                  message.success(s('added'))
                  setAdding(null)
                },
                // A conflict is refused with its reason on the expert field (and recorded).
                onError: (err) => showError(err, { form }),
              },
            )
          }
        >
          <Form.Item
            name="expertId"
            label={s('expert')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              data-testid="assignment-expert"
              showSearch={{ optionFilterProp: 'label' }}
              loading={experts.isPending}
              options={(experts.data ?? [])
                .filter((e) => !adding?.experts.some((x) => x.expertId === e.id))
                .map((e) => ({
                  value: e.id,
                  label: `${e.name}${e.unit ? ` · ${e.unit}` : ''}${e.fields.length ? ` · ${e.fields.join('、')}` : ''}`,
                }))}
            />
          </Form.Item>
          {adding?.field && (
            <Typography.Text type="secondary">{`${t('selections.applications.field')}：${adding.field}`}</Typography.Text>
          )}
        </Form>
      </Modal>
      <VoidModal
        open={removing !== null}
        name={removing?.expert ?? ''}
        onClose={() => setRemoving(null)}
        onSubmit={(reason) => remove.mutateAsync({ id: removing?.assignmentId ?? 0, reason })}
      />
    </>
  )
}
