import { PlusOutlined } from '@ant-design/icons'
import { Button, Checkbox, Result, Space, Spin, Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { canWriteReports } from '../access'
import { useTemplate, useTemplates } from '../queries'
import type { PeriodKind, TemplateSummary } from '../types'
import { NewTemplateModal } from './NewTemplateModal'
import { TemplateEditor } from './TemplateEditor'

interface Props {
  open: string | null
  onOpen: (key: string | null) => void
  onRender: (key: string, period: string, orgUnitId?: number) => void
  /** Whether this tab is the one shown. */
  visible: boolean
}

/** The templates: a list, and the editor of the one opened (its key in the URL). */
export function TemplatesTab({ open, onOpen, onRender, visible }: Props) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const [showVoided, setShowVoided] = useState(false)
  const [creating, setCreating] = useState(false)
  const list = useTemplates(showVoided)
  const one = useTemplate(open)

  if (open !== null) {
    if (one.isError)
      return (
        <Result
          status="warning"
          title={t('reports.templates.missing')}
          extra={<Button onClick={() => onOpen(null)}>{t('reports.editor.back')}</Button>}
        />
      )
    if (!one.data) return <Spin style={{ display: 'block', margin: 48 }} />
    // Keyed by the template: opening another one starts from its saved source.
    return (
      <TemplateEditor
        key={open}
        template={one.data}
        onBack={() => onOpen(null)}
        onRender={onRender}
        visible={visible}
      />
    )
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Checkbox checked={showVoided} onChange={(e) => setShowVoided(e.target.checked)}>
          {t('common.showVoided')}
        </Checkbox>
        {canWriteReports(user?.role) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="template-new"
          >
            {t('reports.templates.new')}
          </Button>
        )}
      </Space>
      <Table<TemplateSummary>
        rowKey="key"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="templates-table"
        onRow={(r) => ({ onClick: () => onOpen(r.key), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('reports.templates.title'),
            dataIndex: 'title',
            render: (v: string, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Link data-testid={`template-open-${r.key}`}>{v}</Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.description}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('reports.templates.key'), dataIndex: 'key', render: (v: string) => <code>{v}</code> },
          {
            title: t('reports.templates.periodKind'),
            dataIndex: 'periodKind',
            render: (v: PeriodKind) => t(`indicators.period.kinds.${v}`),
          },
          {
            title: t('reports.templates.version'),
            dataIndex: 'currentVersion',
            render: (v: number) => t('reports.versionNo', { n: v }),
          },
          {
            title: t('reports.templates.kind'),
            key: 'tags',
            render: (_: unknown, r) => (
              <>
                {r.builtin && <Tag>{t('reports.builtin')}</Tag>}
                {r.voided && <Tag color="red">{t('common.voided')}</Tag>}
              </>
            ),
          },
          {
            title: t('reports.templates.updatedAt'),
            dataIndex: 'updatedAt',
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
      <NewTemplateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false)
          onOpen(key)
        }}
      />
    </Space>
  )
}
