import { Alert, Button, Space, Spin, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { useToday } from '../../../app/hooks/useToday'
import { PeriodPicker } from '../../indicators/PeriodPicker'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { defaultPeriod, problemFromMessage } from '../format'
import { FigurePanel } from '../preview/FigurePanel'
import { ReportFrame } from '../preview/ReportFrame'
import { usePreview } from '../queries'
import type { PeriodKind, PreviewView, Problem } from '../types'

interface Props {
  /** The source to render (already debounced by the editor). */
  source: string
  periodKind: PeriodKind
  height: number
  /** The period and unit chosen here, for "render" from the editor. */
  onParams: (p: { period: string; orgUnitId?: number }) => void
  onGo: (p: Problem) => void
  visible: boolean
}

/** The live preview: the server renders the unsaved source for a period and unit; figures are clickable. */
export function PreviewPane({ source, periodKind, height, onParams, onGo, visible }: Props) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const today = useToday()
  const [period, setPeriod] = useState(() => defaultPeriod(periodKind, today))
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>(user ? Number(user.orgUnitId) : undefined)
  const [figure, setFigure] = useState<number | null>(null)
  const preview = usePreview({ source, period, orgUnitId })
  const result = preview.data
  const view = result?.ok ? result.view : undefined
  const error = result && !result.ok ? result.error : undefined
  const at = error ? problemFromMessage(error.message) : null
  // The last good page stays visible under an error, so a typo does not blank the preview.
  const lastGood = useRef<PreviewView | undefined>(undefined)
  if (view) lastGood.current = view
  const shown = view ?? lastGood.current

  useEffect(() => onParams({ period, orgUnitId }), [period, orgUnitId, onParams])

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="template-preview">
      <Space wrap>
        <PeriodPicker value={period} onChange={setPeriod} />
        <div style={{ width: 260 }}>
          <OrgTreeSelect
            value={orgUnitId}
            onChange={(id) => setOrgUnitId(id ?? (user ? Number(user.orgUnitId) : undefined))}
            placeholder={t('reports.orgUnit')}
            data-testid="preview-unit"
          />
        </div>
        {preview.isFetching && <Spin size="small" data-testid="preview-busy" />}
        {shown && (
          <Typography.Text type="secondary" data-testid="preview-figures">
            {t('reports.editor.figuresHint', { count: shown.figures.length })}
          </Typography.Text>
        )}
      </Space>
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="preview-error"
          title={error.fields.length > 0 ? error.fields.map((f) => f.message).join('；') : error.message}
          action={
            at && at.line > 0 ? (
              <Button size="small" onClick={() => onGo(at)} data-testid="preview-error-go">
                {t('reports.editor.goToLine', { line: at.line })}
              </Button>
            ) : undefined
          }
        />
      )}
      {shown ? (
        <ReportFrame
          html={shown.html}
          height={height - (error ? 56 : 0)}
          selected={figure}
          onFigure={setFigure}
          title={t('reports.editor.preview')}
          data-testid="preview-frame"
        />
      ) : (
        <div style={{ height, display: 'grid', placeItems: 'center' }}>
          {preview.isPending && source.trim() !== '' ? (
            <Spin />
          ) : (
            <Typography.Text type="secondary">{t('reports.editor.emptyPreview')}</Typography.Text>
          )}
        </div>
      )}
      <FigurePanel
        // The panel floats over the page: it closes while the editor's tab is not shown.
        figure={(visible && figure !== null && shown?.figures[figure]) || null}
        onClose={() => setFigure(null)}
        data-testid="preview-figure-panel"
        placement="left"
      />
    </Space>
  )
}
