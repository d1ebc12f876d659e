import { Button, Card, Form, Select, Space, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { useToday } from '../../../app/hooks/useToday'
import { PeriodPicker } from '../../indicators/PeriodPicker'
import { JobProgress } from '../../jobs/JobProgress'
import { useJob } from '../../jobs/queries'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { defaultPeriod } from '../format'
import { useStartRender, useTemplates } from '../queries'

interface Props {
  /** Chosen in the editor ("render this"), else empty. */
  initial: { template?: string; period?: string; orgUnitId?: number }
  onOpenSnapshot: (id: number) => void
}

/** Choose a template, a period and a unit; the rendering runs as a job and opens its snapshot. */
export function RenderTab({ initial, onOpenSnapshot }: Props) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const today = useToday()
  const showError = useShowError()
  const templates = useTemplates().data ?? []
  const [key, setKey] = useState<string | undefined>(initial.template)
  const picked = templates.find((x) => x.key === key)
  const [period, setPeriod] = useState<string | undefined>(initial.period || undefined)
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>(
    initial.orgUnitId ?? (user ? Number(user.orgUnitId) : undefined),
  )
  const [jobId, setJobId] = useState<number | null>(null)
  const start = useStartRender()
  const job = useJob(jobId).data
  const snapshotId = (job?.result as { snapshotId?: number } | null)?.snapshotId
  const shownPeriod = period ?? defaultPeriod(picked?.periodKind, today)

  // A finished rendering opens its snapshot, once: coming back to this tab later must not reopen it.
  const opened = useRef<number | null>(null)
  useEffect(() => {
    if (job?.status !== 'succeeded' || !snapshotId || opened.current === snapshotId) return
    opened.current = snapshotId
    onOpenSnapshot(snapshotId)
  }, [job?.status, snapshotId, onOpenSnapshot])

  const render = async () => {
    if (!key) return
    try {
      const j = await start.mutateAsync({ template: key, period: shownPeriod, orgUnitId })
      setJobId(Number(j.id))
    } catch (err) {
      showError(err)
    }
  }

  return (
    <Card style={{ maxWidth: 760 }} data-testid="render-form">
      <Form layout="vertical">
        <Form.Item label={t('reports.render.template')} required>
          <Select
            value={key}
            onChange={(k) => {
              setKey(k)
              setPeriod(undefined)
            }}
            placeholder={t('reports.render.pickTemplate')}
            options={templates.map((x) => ({ value: x.key, label: `${x.title}（${x.key}）` }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="render-template"
          />
        </Form.Item>
        {picked?.description && (
          <Typography.Paragraph type="secondary">{picked.description}</Typography.Paragraph>
        )}
        <Form.Item label={t('reports.render.period')} required>
          <PeriodPicker value={shownPeriod} onChange={setPeriod} />
        </Form.Item>
        <Form.Item label={t('reports.orgUnit')} extra={t('reports.render.unitHint')}>
          <OrgTreeSelect
            value={orgUnitId}
            onChange={(id) => setOrgUnitId(id ?? (user ? Number(user.orgUnitId) : undefined))}
            data-testid="render-unit"
          />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            disabled={!key}
            loading={
              start.isPending || (job !== undefined && job.status !== 'succeeded' && job.status !== 'failed')
            }
            onClick={() => void render()}
            data-testid="render-submit"
          >
            {t('reports.render.submit')}
          </Button>
          <Typography.Text type="secondary">{t('reports.render.hint')}</Typography.Text>
        </Space>
      </Form>
      {job && (
        <div style={{ marginTop: 16 }}>
          <JobProgress
            job={job}
            renderResult={() => (
              <Typography.Link
                onClick={() => snapshotId && onOpenSnapshot(snapshotId)}
                data-testid="render-open"
              >
                {t('reports.render.done')}
              </Typography.Link>
            )}
          />
        </div>
      )}
    </Card>
  )
}
