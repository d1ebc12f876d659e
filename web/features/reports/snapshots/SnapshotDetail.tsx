import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Col,
  Descriptions,
  Dropdown,
  Result,
  Row,
  Space,
  Spin,
  Switch,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { canWriteReports } from '../access'
import { FigurePanel } from '../preview/FigurePanel'
import { ReportFrame } from '../preview/ReportFrame'
import { downloadSnapshot, useSnapshot, useVoidSnapshot } from '../queries'
import type { Copy, DocFormat } from '../types'
import { TermsSummary } from './TermsSummary'

const DOWNLOADS = [
  { key: 'docx', format: 'docx', copy: 'full' },
  { key: 'docxPublic', format: 'docx', copy: 'public' },
  { key: 'html', format: 'html', copy: 'full' },
  { key: 'htmlPublic', format: 'html', copy: 'public' },
  { key: 'md', format: 'md', copy: 'full' },
  { key: 'mdPublic', format: 'md', copy: 'public' },
] as const satisfies readonly { key: string; format: DocFormat; copy: Copy }[]

/** One kept report: the page with clickable figures, its public copy, the terms, the downloads. */
export function SnapshotDetail({ id, onBack }: { id: number; onBack: () => void }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const { message } = App.useApp()
  const showError = useShowError()
  const snap = useSnapshot(id)
  const voidIt = useVoidSnapshot()
  const [publicCopy, setPublicCopy] = useState(false)
  const [figure, setFigure] = useState<number | null>(null)
  const [voiding, setVoiding] = useState(false)
  const s = snap.data

  if (snap.isError)
    return (
      <Result
        status="warning"
        title={t('reports.snapshots.missing')}
        extra={<Button onClick={onBack}>{t('reports.snapshots.back')}</Button>}
      />
    )
  if (!s) return <Spin style={{ display: 'block', margin: 48 }} />

  const get = (format: DocFormat, copy: Copy) =>
    void downloadSnapshot(s, format, copy).catch((err: unknown) => showError(err))

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="snapshot-detail">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="snapshot-back">
            {t('reports.snapshots.back')}
          </Button>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="snapshot-title">
            {s.title}
          </Typography.Title>
          <Tag>{s.period}</Tag>
          <Tag>{s.orgName}</Tag>
        </Space>
        <Space wrap>
          <span>
            <Switch checked={publicCopy} onChange={setPublicCopy} data-testid="snapshot-public" />{' '}
            {t('reports.snapshots.publicCopy')}
          </span>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            onClick={() => get('docx', 'full')}
            data-testid="download-docx"
          >
            {t('reports.snapshots.dl.docx')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => get('docx', 'public')}
            data-testid="download-docx-public"
          >
            {t('reports.snapshots.dl.docxPublic')}
          </Button>
          <Dropdown
            menu={{
              items: DOWNLOADS.slice(2).map((d) => ({
                key: d.key,
                label: <span data-testid={`download-${d.key}`}>{t(`reports.snapshots.dl.${d.key}`)}</span>,
                onClick: () => get(d.format, d.copy),
              })),
            }}
          >
            <Button data-testid="download-more">{t('reports.snapshots.dl.more')}</Button>
          </Dropdown>
          {canWriteReports(user?.role) && (
            <Button danger onClick={() => setVoiding(true)} data-testid="snapshot-void">
              {t('common.void')}
            </Button>
          )}
        </Space>
      </Space>
      <Row gutter={16}>
        <Col span={17}>
          <ReportFrame
            html={publicCopy ? s.publicHtml : s.html}
            onFigure={publicCopy ? undefined : setFigure}
            selected={publicCopy ? null : figure}
            title={s.title}
            data-testid="snapshot-frame"
          />
        </Col>
        <Col span={7}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('reports.snapshots.template')}>
                <code>{s.template}</code> {t('reports.versionNo', { n: s.templateVersion })}
              </Descriptions.Item>
              <Descriptions.Item label={t('reports.snapshots.figures')}>{s.figures}</Descriptions.Item>
              <Descriptions.Item label={t('reports.snapshots.createdAt')}>
                {dayjs(s.createdAt).format('YYYY-MM-DD HH:mm')}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {publicCopy ? t('reports.snapshots.publicHint') : t('reports.snapshots.figureHint')}
            </Typography.Text>
            <TermsSummary terms={s.terms} />
          </Space>
        </Col>
      </Row>
      <FigurePanel
        figure={(figure !== null && s.figureList[figure]) || null}
        onClose={() => setFigure(null)}
        data-testid="snapshot-figure-panel"
      />
      <VoidModal
        open={voiding}
        name={s.title}
        onClose={() => setVoiding(false)}
        onSubmit={async (reason) => {
          await voidIt.mutateAsync({ id: s.id, reason })
          message.success(t('common.voidDone'))
          onBack()
        }}
      />
    </Space>
  )
}
