import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Col,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { AttachmentList } from '../../../app/components/attachments/AttachmentList'
import { useShowError } from '../../../app/feedback'
import { canApply } from '../access'
import { useSelT } from '../i18n'
import {
  selectionsKey,
  useApplication,
  useApply,
  useSubmitApplication,
  useUpdateApplication,
  useWithdrawApplication,
} from '../queries'
import { OutcomeTag } from '../StatusTag'
import type { Application, Programme } from '../types'
import { MaterialUpload } from './MaterialUpload'

interface Values {
  title: string
  field?: string
  summary?: string
  people?: number | null
}

const valuesOf = (a: Application): Values => ({
  title: a.title,
  field: a.field ?? '',
  summary: a.summary,
  people: a.form.people ? Number(a.form.people) : null,
})

/** Form values are strings on the server; `people` (推荐人数) feeds the programme's figures. */
const formOf = (v: Values, before: Record<string, string> = {}) => {
  const form = { ...before }
  if (v.people === null || v.people === undefined) delete form.people
  else form.people = String(v.people)
  return form
}

interface Props {
  programme: Programme
  /** Null: a new application to this programme. */
  applicationId: number | null
  onClose: () => void
  onCreated: (a: Application) => void
}

/**
 * One application: its form (editable while a draft in the window), its required materials with
 * upload per material, the completeness check, submit and withdraw; read-only once submitted.
 */
export function ApplicationDrawer({ programme: p, applicationId, onClose, onCreated }: Props) {
  const { t } = useTranslation()
  const st = useSelT()
  const { message } = App.useApp()
  const { user } = useAuth()
  const qc = useQueryClient()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const [withdrawForm] = Form.useForm<{ reason: string }>()
  const [withdrawing, setWithdrawing] = useState(false)
  const loaded = useApplication(applicationId)
  const create = useApply()
  const update = useUpdateApplication()
  const submit = useSubmitApplication()
  const withdraw = useWithdrawApplication()
  const a = loaded.data
  const editable = applicationId === null || (a?.canEdit ?? false)
  const x = (k: string, o?: Record<string, unknown>) => st(`application.${k}`, o)

  useEffect(() => {
    if (a) form.setFieldsValue(valuesOf(a))
  }, [a, form])

  const save = (v: Values) => {
    const body = {
      title: v.title.trim(),
      field: v.field?.trim() || undefined,
      summary: v.summary?.trim() ?? '',
    }
    const onError = (err: unknown) => showError(err, { form })
    if (!a)
      create.mutate(
        { programmeId: p.id, ...body, form: formOf(v) },
        {
          onSuccess: (created) => {
            message.success(x('created'))
            onCreated(created)
          },
          onError,
        },
      )
    else
      update.mutate(
        { id: a.id, version: a.version, ...body, form: formOf(v, a.form) },
        { onSuccess: () => message.success(t('common.saved')), onError },
      )
  }

  const refresh = () => void qc.invalidateQueries({ queryKey: selectionsKey })

  return (
    <Drawer
      open
      size={760}
      onClose={onClose}
      destroyOnHidden
      title={a ? x('editTitle', { title: a.title }) : x('createTitle', { name: p.name })}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          {a && canApply(user?.role) && a.status !== 'withdrawn' && p.status === 'open' && (
            <Button danger data-testid="application-withdraw" onClick={() => setWithdrawing(true)}>
              {x('withdraw')}
            </Button>
          )}
          {editable && (
            <Button
              data-testid="application-save"
              loading={create.isPending || update.isPending}
              onClick={() => form.submit()}
            >
              {a ? x('save') : t('selections.mine.apply')}
            </Button>
          )}
          {a?.canEdit && (
            <Button
              type="primary"
              data-testid="application-submit"
              loading={submit.isPending}
              onClick={() =>
                submit.mutate(
                  { id: a.id, version: a.version },
                  { onSuccess: () => message.success(x('submitted')), onError: (err) => showError(err) },
                )
              }
            >
              {x('submit')}
            </Button>
          )}
        </Space>
      }
    >
      {a && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Tag data-testid="application-status">{st(`appStatus.${a.status}`)}</Tag>
          <span>{a.unit}</span>
          {a.result && (
            <span data-testid="application-result">
              {x('result', { rank: a.result.rank })}
              <OutcomeTag outcome={a.result.outcome} />
            </span>
          )}
        </Space>
      )}
      {editable ? (
        <Form<Values> form={form} layout="vertical" onFinish={save} preserve={false}>
          <Form.Item
            name="title"
            label={x('title')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input data-testid="application-title" maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="field" label={x('field')}>
                <Input data-testid="application-field" maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="people" label={x('people')} extra={x('peopleHint')}>
                <InputNumber
                  data-testid="application-people"
                  min={0}
                  max={100000}
                  precision={0}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="summary" label={x('summary')}>
            <Input.TextArea data-testid="application-summary" rows={4} maxLength={5000} showCount />
          </Form.Item>
        </Form>
      ) : (
        a && (
          <Descriptions size="small" bordered column={2} data-testid="application-facts">
            <Descriptions.Item label={x('title')} span={2}>
              {a.title}
            </Descriptions.Item>
            <Descriptions.Item label={x('field')}>{a.field ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={x('people')}>{a.form.people ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={x('summary')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {a.summary || '—'}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        )
      )}
      {a && (
        <>
          <Divider titlePlacement="start">{x('materials')}</Divider>
          <Alert
            type={a.missingMaterials.length ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="application-completeness"
            message={
              a.missingMaterials.length
                ? x('incomplete', { names: a.missingMaterials.join('、') })
                : x('complete')
            }
          />
          {[...a.materials, { name: '', present: a.otherFiles.length > 0, files: a.otherFiles }].map(
            (m, i) =>
              m.name === '' && !m.present && !a.canEdit ? null : (
                <div key={m.name || 'other'} style={{ marginBottom: 12 }} data-testid={`material-${i}`}>
                  <Space>
                    <Typography.Text strong>{m.name || x('other')}</Typography.Text>
                    {m.name && <Tag color={m.present ? 'green' : 'orange'}>{m.present ? '✓' : '—'}</Tag>}
                    {a.canEdit && (
                      <MaterialUpload
                        applicationId={a.id}
                        material={m.name}
                        testId={`material-upload-${i}`}
                      />
                    )}
                  </Space>
                  <AttachmentList
                    attachments={m.files}
                    canVoid={a.canEdit}
                    onVoided={refresh}
                    testIdPrefix={`material-${i}`}
                  />
                </div>
              ),
          )}
        </>
      )}
      <Modal
        open={withdrawing}
        title={x('withdrawTitle')}
        onCancel={() => setWithdrawing(false)}
        onOk={() => withdrawForm.submit()}
        okButtonProps={{
          danger: true,
          loading: withdraw.isPending,
          ...{ 'data-testid': 'application-withdraw-submit' },
        }}
        destroyOnHidden
      >
        <Form
          form={withdrawForm}
          layout="vertical"
          preserve={false}
          onFinish={({ reason }) =>
            a &&
            withdraw.mutate(
              { id: a.id, version: a.version, reason: reason.trim() },
              {
                onSuccess: () => {
                  message.success(x('withdrawn'))
                  setWithdrawing(false)
                },
                onError: (err) => showError(err, { form: withdrawForm }),
              },
            )
          }
        >
          <Form.Item
            name="reason"
            label={x('withdrawReason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea data-testid="application-withdraw-reason" rows={3} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  )
}
