import { DownloadOutlined, ExportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download, type Query } from '../../../app/api'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { canWriteTasks } from '../labels'
import { useTasks } from '../queries'
import type { TaskFilters } from '../types'
import { TaskFilterBar } from './TaskFilterBar'
import { TaskFormDrawer } from './TaskFormDrawer'
import { TaskImportDialog } from './TaskImportDialog'
import { TaskTable } from './TaskTable'

/** 任务台账: the filtered, paged list; new tasks, import from and export to .xlsx. */
export function TasksTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const showError = useShowError()
  // The server enforces permissions; the web only hides what would be refused anyway.
  const canWrite = canWriteTasks(user?.role)
  const [filters, setFilters] = useState<TaskFilters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [creating, setCreating] = useState(false)
  const [importOpen, setImportOpen] = useState(false)
  const tasks = useTasks(filters, paging.page, paging.pageSize)

  const onFilters = (next: TaskFilters) => {
    setFilters(next)
    // A new filter starts at page 1.
    setPaging((p) => ({ ...p, page: 1 }))
  }
  const exportXlsx = () =>
    download('/api/supervision/tasks/export.xlsx', filters as Query, 'supervision-tasks.xlsx').catch(
      (err: unknown) => showError(err),
    )
  const downloadTemplate = () =>
    download('/api/supervision/import-template.xlsx', undefined, 'supervision-tasks-template.xlsx').catch(
      (err: unknown) => showError(err),
    )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <TaskFilterBar value={filters} onChange={onFilters} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ flex: 1 }} data-testid="task-count">
          {t('supervision.found', { count: tasks.data?.total ?? 0 })}
        </Typography.Text>
        <Space wrap size={8}>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="task-create"
              onClick={() => setCreating(true)}
            >
              {t('supervision.newTask')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} data-testid="task-import" onClick={() => setImportOpen(true)}>
              {t('supervision.import')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<DownloadOutlined />} data-testid="task-template" onClick={downloadTemplate}>
              {t('supervision.template')}
            </Button>
          )}
          <Button icon={<ExportOutlined />} data-testid="task-export" onClick={exportXlsx}>
            {t('supervision.export')}
          </Button>
        </Space>
      </div>
      <TaskTable
        items={tasks.data?.items ?? []}
        total={tasks.data?.total ?? 0}
        loading={tasks.isFetching}
        page={paging.page}
        pageSize={paging.pageSize}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        onOpen={(r) => onOpen(r.id)}
      />
      <TaskFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(task) => {
          setCreating(false)
          onOpen(task.id)
        }}
      />
      <TaskImportDialog open={importOpen} onClose={() => setImportOpen(false)} />
    </Space>
  )
}
