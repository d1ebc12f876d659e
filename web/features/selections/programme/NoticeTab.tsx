import { DownloadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { canManageSelections } from '../access'
import { useSelT } from '../i18n'
import { useAnswerObjection, useLodgeObjection, useRanking } from '../queries'
import type { Objection, Programme } from '../types'

interface LodgeValues {
  text: string
  applicationId?: number
}
interface AnswerValues {
  answer: string
  upheld: boolean
}

/** The public notice: its days, objections lodged (by any reader) and answered (the department), exports. */
export function NoticeTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation()
  const st = useSelT()
  const { message } = App.useApp()
  const { user } = useAuth()
  const showError = useShowError()
  const published = ['notice', 'final'].includes(p.status)
  const ranking = useRanking(p.id, published)
  const lodge = useLodgeObjection()
  const answer = useAnswerObjection()
  const [lodging, setLodging] = useState(false)
  const [answering, setAnswering] = useState<Objection | null>(null)
  const [lodgeForm] = Form.useForm<LodgeValues>()
  const [answerForm] = Form.useForm<AnswerValues>()
  const n = (k: string, o?: Record<string, unknown>) => st(`notice.${k}`, o)
  const manage = canManageSelections(user?.role) && p.viewerRole === 'overseer'
  const titleOf = new Map((ranking.data?.rows ?? []).map((r) => [r.applicationId, `${r.unit} · ${r.title}`]))
  const exportAs = (ext: 'xlsx' | 'docx') =>
    void download(`/api/selections/programmes/${p.id}/results.${ext}`, undefined, `${p.name}.${ext}`).catch(
      showError,
    )

  return (
    <>
      <Alert
        type={p.notice.state === 'open' ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="notice-state"
        message={
          p.notice.publishedOn
            ? `${n(`state.${p.notice.state}`)} · ${t('selections.detail.noticeWindow', { from: p.notice.publishedOn, to: p.notice.endsOn })}`
            : n('notPublished')
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        {p.notice.state === 'open' && (
          <Button
            type="primary"
            data-testid="objection-lodge"
            onClick={() => {
              lodgeForm.resetFields()
              setLodging(true)
            }}
          >
            {n('lodge')}
          </Button>
        )}
        {p.viewerRole === 'overseer' && ['decided', 'approved', 'notice', 'final'].includes(p.status) && (
          <>
            <Button icon={<DownloadOutlined />} data-testid="results-xlsx" onClick={() => exportAs('xlsx')}>
              {t('selections.detail.exportXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} data-testid="results-docx" onClick={() => exportAs('docx')}>
              {t('selections.detail.exportDocx')}
            </Button>
          </>
        )}
      </Space>
      <Table<Objection>
        data-testid="objection-table"
        rowKey="id"
        size="middle"
        dataSource={p.objections}
        pagination={false}
        locale={{ emptyText: n('none') }}
        columns={[
          { title: n('text'), dataIndex: 'text' },
          {
            title: n('about'),
            width: 220,
            render: (_, o) =>
              o.applicationId ? (titleOf.get(o.applicationId) ?? `#${o.applicationId}`) : '—',
          },
          { title: n('lodgedBy'), width: 160, render: (_, o) => `${o.lodgedBy} ${o.lodgedOn}` },
          {
            title: n('answer'),
            width: 280,
            render: (_, o) =>
              o.answer !== null ? (
                <Space size={4} wrap>
                  <Tag color={o.upheld ? 'red' : 'green'}>{o.upheld ? n('upheldYes') : n('upheldNo')}</Tag>
                  <span>{o.answer}</span>
                </Space>
              ) : manage ? (
                <Button
                  size="small"
                  data-testid={`objection-answer-${o.id}`}
                  onClick={() => {
                    answerForm.resetFields()
                    setAnswering(o)
                  }}
                >
                  {n('answer')}
                </Button>
              ) : (
                <Tag color="orange">{n('pending')}</Tag>
              ),
          },
        ]}
      />
      <Modal
        open={lodging}
        title={n('lodgeTitle')}
        onCancel={() => setLodging(false)}
        onOk={() => lodgeForm.submit()}
        okButtonProps={{ loading: lodge.isPending, ...{ 'data-testid': 'objection-submit' } }}
        destroyOnHidden
      >
        <Form<LodgeValues>
          form={lodgeForm}
          layout="vertical"
          preserve={false}
          onFinish={(v) =>
            lodge.mutate(
              {
                programmeId: p.id,
                text: v.text.trim(),
                ...(v.applicationId ? { applicationId: v.applicationId } : {}),
              },
              {
                onSuccess: () => {
                  message.success(n('lodged'))
                  setLodging(false)
                },
                onError: (err) => showError(err, { form: lodgeForm }),
              },
            )
          }
        >
          <Form.Item name="applicationId" label={n('about')}>
            <Select
              data-testid="objection-application"
              allowClear
              options={(ranking.data?.rows ?? []).map((r) => ({
                value: r.applicationId,
                label: `${r.unit} · ${r.title}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="text"
            label={n('text')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea data-testid="objection-text" rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={answering !== null}
        title={n('answerTitle')}
        onCancel={() => setAnswering(null)}
        onOk={() => answerForm.submit()}
        okButtonProps={{ loading: answer.isPending, ...{ 'data-testid': 'objection-answer-submit' } }}
        destroyOnHidden
      >
        <Form<AnswerValues>
          form={answerForm}
          layout="vertical"
          preserve={false}
          initialValues={{ upheld: false }}
          onFinish={(v) =>
            answering &&
            answer.mutate(
              { id: answering.id, version: answering.version, answer: v.answer.trim(), upheld: v.upheld },
              {
                onSuccess: () => {
                  message.success(n('answered'))
                  setAnswering(null)
                },
                onError: (err) => showError(err, { form: answerForm }),
              },
            )
          }
        >
          <p>{answering?.text}</p>
          <Form.Item
            name="answer"
            label={n('answer')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea data-testid="objection-answer-text" rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="upheld" valuePropName="checked">
            <Checkbox data-testid="objection-upheld">{n('upheld')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
