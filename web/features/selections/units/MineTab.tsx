import { Button, Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { atMinute } from '../format'
import { useSelT } from '../i18n'
import { useApplications, useProgrammes } from '../queries'
import { OutcomeTag, StatusTag } from '../StatusTag'
import type { Application, Programme } from '../types'
import { ApplicationDrawer } from './ApplicationDrawer'

type Opened = { programme: Programme; applicationId: number | null }

/** A county's or school's side: programmes open to it now, and its own applications anywhere. */
export function MineTab({ onOpenProgramme }: { onOpenProgramme: (id: number) => void }) {
  const { t } = useTranslation()
  const st = useSelT()
  const programmes = useProgrammes()
  const applications = useApplications()
  const [opened, setOpened] = useState<Opened | null>(null)
  const m = (k: string, o?: Record<string, unknown>) => st(`mine.${k}`, o)
  const open = (programmes.data ?? []).filter((p) => p.canApply)
  const byId = new Map((programmes.data ?? []).map((p) => [p.id, p]))
  return (
    <>
      <Typography.Title level={5}>{m('openProgrammes')}</Typography.Title>
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('noneOpen')} />
      ) : (
        <Row gutter={[12, 12]} data-testid="open-programmes">
          {open.map((p) => (
            <Col key={p.id} xs={24} md={12} xl={8}>
              <Card
                size="small"
                title={
                  <Typography.Link
                    onClick={() => onOpenProgramme(p.id)}
                    data-testid={`open-programme-${p.id}`}
                  >
                    {p.name}
                  </Typography.Link>
                }
                extra={<StatusTag status={p.status} />}
                actions={[
                  <Button
                    key="apply"
                    type="link"
                    data-testid={`apply-${p.id}`}
                    onClick={() => setOpened({ programme: p, applicationId: null })}
                  >
                    {m('apply')}
                  </Button>,
                ]}
              >
                <Space direction="vertical" size={2}>
                  <span>
                    {st(`kind.${p.kind}`)} {p.batch && <Tag>{p.batch}</Tag>}
                  </span>
                  <span>{m('window', { from: p.opensOn, to: p.closesOn })}</span>
                  <span>
                    {t('selections.field.materials')}：{p.materials.join('、') || '—'}
                  </span>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {m('myApplications')}
      </Typography.Title>
      <Table<Application>
        data-testid="my-applications"
        rowKey="id"
        size="middle"
        loading={applications.isPending}
        dataSource={applications.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: m('none') }}
        columns={[
          {
            title: t('selections.field.name'),
            dataIndex: 'programme',
            render: (name: string, a) => (
              <Typography.Link onClick={() => onOpenProgramme(a.programmeId)}>{name}</Typography.Link>
            ),
          },
          {
            title: t('selections.applications.title'),
            dataIndex: 'title',
            render: (title: string, a) => {
              const p = byId.get(a.programmeId)
              return p ? (
                <Typography.Link
                  data-testid={`my-application-${a.id}`}
                  onClick={() => setOpened({ programme: p, applicationId: a.id })}
                >
                  {title}
                </Typography.Link>
              ) : (
                title
              )
            },
          },
          { title: t('selections.applications.unit'), dataIndex: 'unit', width: 180 },
          {
            title: t('selections.field.status'),
            dataIndex: 'status',
            width: 90,
            render: (s) => st(`appStatus.${s}`),
          },
          {
            title: t('selections.applications.completeness'),
            width: 180,
            render: (_, a) =>
              a.missingMaterials.length
                ? t('selections.applications.missing', { names: a.missingMaterials.join('、') })
                : t('selections.applications.complete'),
          },
          {
            title: t('selections.applications.submittedAt'),
            dataIndex: 'submittedAt',
            width: 150,
            render: (x) => atMinute(x),
          },
          {
            title: t('selections.applications.result'),
            width: 140,
            render: (_, a) => (a.result ? <OutcomeTag outcome={a.result.outcome} /> : '—'),
          },
        ]}
      />
      {opened && (
        <ApplicationDrawer
          programme={opened.programme}
          applicationId={opened.applicationId}
          onClose={() => setOpened(null)}
          onCreated={(a) => setOpened({ programme: opened.programme, applicationId: a.id })}
        />
      )}
    </>
  )
}
