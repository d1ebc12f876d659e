import { Alert, App, Button, Checkbox, Col, DatePicker, Drawer, Form, Input, Row, Select, Space } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useTodayDay } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { fromIso } from '../../rectification/format'
import { useEthicsLabels } from '../labels'
import { useRegisterCase, useUpdateCase, useViolationTypes } from '../queries'
import type { CaseDetail } from '../types'
import { type CaseValues, registerBody, updateBody } from './caseBody'

interface Props {
  open: boolean
  /** The case to correct; none to register a new one. */
  detail?: CaseDetail
  onClose: () => void
  onSaved: (c: CaseDetail) => void
}

/**
 * Register or correct a case. From the masked view the personal fields (name, ID number, finding)
 * start empty and stay unchanged unless typed in (see caseBody.ts); from the full view they are filled.
 */
export function CaseFormDrawer({ open, detail, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const { today, afterToday } = useTodayDay()
  const labels = useEthicsLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<CaseValues>()
  const register = useRegisterCase()
  const update = useUpdateCase()
  const types = useViolationTypes()
  const editing = detail !== undefined
  const masked = detail?.personalMasked ?? false
  const required = { required: true, whitespace: true, message: t('common.required') }
  const requiredPick = { required: true, message: t('common.required') }

  useEffect(() => {
    if (!open || !detail) return
    form.setFieldsValue({
      teacherName: masked ? undefined : detail.teacherName,
      teacherIdNumber: masked ? undefined : (detail.teacherIdNumber ?? ''),
      finding: masked ? undefined : detail.finding,
      schoolId: detail.schoolId,
      occurredOn: fromIso(detail.occurredOn),
      violationTypeId: detail.violationTypeId,
      handling: detail.handling,
      handlingDetail: detail.handlingDetail,
      handledOn: fromIso(detail.handledOn),
      published: detail.published,
    })
  }, [open, detail, masked, form])

  const submit = (v: CaseValues) => {
    const onSuccess = (c: CaseDetail) => {
      message.success(editing ? t('common.saved') : t('ethics.registered', { caseNo: c.caseNo }))
      onSaved(c)
    }
    const onError = (err: unknown) => showError(err, { form })
    if (detail) update.mutate(updateBody(v, detail), { onSuccess, onError })
    else register.mutate(registerBody(v), { onSuccess, onError })
  }

  const keep = masked ? t('ethics.form.keepMasked') : undefined
  return (
    <Drawer
      open={open}
      title={detail ? t('ethics.form.editTitle', { caseNo: detail.caseNo }) : t('ethics.form.registerTitle')}
      size={720}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="ethics-form-submit"
            loading={register.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {editing ? t('common.save') : t('ethics.register')}
          </Button>
        </Space>
      }
    >
      {masked && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('ethics.form.maskedEdit')} />
      )}
      <Form<CaseValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ occurredOn: today, published: false }}
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="teacherName"
              label={t('ethics.field.teacherName')}
              rules={masked ? [] : [required]}
            >
              <Input data-testid="ethics-form-teacher" maxLength={50} placeholder={keep} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="teacherIdNumber"
              label={t('ethics.field.idNumber')}
              extra={masked ? undefined : t('ethics.form.idHint')}
            >
              <Input data-testid="ethics-form-id" maxLength={18} placeholder={keep} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="schoolId" label={t('ethics.field.school')} rules={[requiredPick]}>
              <OrgTreeSelect data-testid="ethics-form-school" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="occurredOn" label={t('ethics.field.occurredOn')} rules={[requiredPick]}>
              <DatePicker
                data-testid="ethics-form-occurred"
                disabledDate={afterToday}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="violationTypeId" label={t('ethics.field.violationType')} rules={[requiredPick]}>
              <Select
                data-testid="ethics-form-type"
                options={(types.data ?? [])
                  .filter((v) => !v.voided || v.id === detail?.violationTypeId)
                  .map((v) => ({ value: v.id, label: v.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="handling" label={t('ethics.field.handling')} rules={[requiredPick]}>
              <Select data-testid="ethics-form-handling" options={labels.handlingOptions()} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="handledOn" label={t('ethics.field.handledOn')}>
              <DatePicker disabledDate={afterToday} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="finding"
          label={t('ethics.field.finding')}
          rules={masked ? [] : [required]}
          extra={masked ? undefined : t('ethics.form.findingHint')}
        >
          <Input.TextArea
            data-testid="ethics-form-finding"
            rows={4}
            maxLength={4000}
            showCount
            placeholder={keep}
          />
        </Form.Item>
        <Form.Item name="handlingDetail" label={t('ethics.field.handlingDetail')}>
          <Input.TextArea data-testid="ethics-form-handling-detail" rows={2} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="published" valuePropName="checked" extra={t('ethics.form.publishHint')}>
          <Checkbox data-testid="ethics-form-published">{t('ethics.form.publish')}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  )
}
