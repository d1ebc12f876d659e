import { ArrowLeftOutlined } from '@ant-design/icons'
import { App, Button, Col, Row, Space, Tabs, Tag, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { useDebounced } from '../../../app/hooks/useDebounced'
import { canWriteReports } from '../access'
import { problemFromMessage } from '../format'
import { checkSource, useUpdateTemplate, useVoidTemplate } from '../queries'
import type { Problem, TemplateView } from '../types'
import { CheatSheet } from './CheatSheet'
import { HistoryList } from './HistoryList'
import { PreviewPane } from './PreviewPane'
import { ProblemList } from './ProblemList'
import { SaveModal } from './SaveModal'
import { SourceEditor, type SourceEditorHandle } from './SourceEditor'

interface Props {
  template: TemplateView
  onBack: () => void
  onRender: (key: string, period: string, orgUnitId?: number) => void
  visible: boolean
}

const PANE = 560

/** A template: its source on the left, the live preview on the right, checks, save, history. */
export function TemplateEditor({ template, onBack, onRender, visible }: Props) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const { message } = App.useApp()
  const showError = useShowError()
  const editor = useRef<SourceEditorHandle>(null)
  const [source, setSource] = useState(template.source)
  const [problems, setProblems] = useState<Problem[] | null>(null)
  const [side, setSide] = useState('problems')
  const [checking, setChecking] = useState(false)
  const [saving, setSaving] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const [params, setParams] = useState<{ period?: string; orgUnitId?: number }>({})
  const update = useUpdateTemplate(template.key)
  const voidIt = useVoidTemplate(template.key)
  const writable = canWriteReports(user?.role) && !template.voided
  const dirty = source !== template.source
  // Typing pauses briefly before the server renders the preview.
  const debounced = useDebounced(source, 500)
  const go = (p: Problem) => editor.current?.goTo(p.line, p.col)

  const check = async () => {
    setChecking(true)
    try {
      setProblems(await checkSource(source))
      setSide('problems')
    } catch (err) {
      showError(err)
    } finally {
      setChecking(false)
    }
  }

  const save = async (note: string) => {
    try {
      await update.mutateAsync({ version: template.version, source, note })
      message.success(t('reports.editor.savedAs', { n: template.currentVersion + 1 }))
      setSaving(false)
      setProblems(null)
    } catch (err) {
      setSaving(false)
      if (err instanceof ApiError && err.code === 'report_template_invalid') {
        // Each field message names its line: list them beside the source.
        setProblems(
          err.fields.map((f) => problemFromMessage(f.message) ?? { line: 0, col: 0, message: f.message }),
        )
        setSide('problems')
        // The problems are listed by line beside the source; the toast only says it was not saved.
        message.error(err.message)
        return
      }
      showError(err)
    }
  }

  const sideTabs = [
    {
      key: 'problems',
      label: t('reports.editor.problemsTab'),
      children:
        problems === null ? (
          <Typography.Text type="secondary">{t('reports.editor.checkHint')}</Typography.Text>
        ) : (
          <ProblemList problems={problems} onGo={go} />
        ),
    },
    {
      key: 'cheat',
      label: <span data-testid="template-cheat-tab">{t('reports.editor.cheat')}</span>,
      children: <CheatSheet />,
    },
    {
      key: 'history',
      label: <span data-testid="template-history-tab">{t('reports.editor.history')}</span>,
      children: <HistoryList template={template} />,
    },
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="template-editor">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="template-back">
            {t('reports.editor.back')}
          </Button>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="template-title">
            {template.title}
          </Typography.Title>
          <Typography.Text code>{template.key}</Typography.Text>
          <Tag color="blue" data-testid="template-version">
            {t('reports.versionNo', { n: template.currentVersion })}
          </Tag>
          {template.builtin && <Tag>{t('reports.builtin')}</Tag>}
          {template.voided && <Tag color="red">{t('common.voided')}</Tag>}
          {dirty && (
            <Tag color="orange" data-testid="template-dirty">
              {t('reports.editor.unsaved')}
            </Tag>
          )}
        </Space>
        <Space wrap>
          <Button onClick={() => void check()} loading={checking} data-testid="template-check">
            {t('reports.editor.check')}
          </Button>
          {writable && (
            <Button
              type="primary"
              disabled={!dirty}
              onClick={() => setSaving(true)}
              data-testid="template-save"
            >
              {t('common.save')}
            </Button>
          )}
          <Button
            disabled={dirty || template.voided}
            title={dirty ? t('reports.editor.saveFirst') : undefined}
            onClick={() => onRender(template.key, params.period ?? '', params.orgUnitId)}
            data-testid="template-render"
          >
            {t('reports.editor.render')}
          </Button>
          {writable && (
            <Button danger onClick={() => setVoiding(true)} data-testid="template-void">
              {t('common.void')}
            </Button>
          )}
        </Space>
      </Space>
      <Row gutter={16}>
        <Col span={10}>
          <SourceEditor ref={editor} value={source} onChange={setSource} readOnly={!writable} height={PANE} />
          <Tabs size="small" activeKey={side} onChange={setSide} items={sideTabs} />
        </Col>
        <Col span={14}>
          <PreviewPane
            source={debounced}
            periodKind={template.periodKind}
            height={PANE}
            onParams={setParams}
            onGo={go}
            visible={visible}
          />
        </Col>
      </Row>
      <SaveModal
        open={saving}
        busy={update.isPending}
        onClose={() => setSaving(false)}
        onSave={(n) => void save(n)}
      />
      <VoidModal
        open={voiding}
        name={template.title}
        onClose={() => setVoiding(false)}
        onSubmit={async (reason) => {
          await voidIt.mutateAsync({ version: template.version, reason })
          message.success(t('common.voidDone'))
          onBack()
        }}
      />
    </Space>
  )
}
