import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { onListFields } from '../../research/errors'
import { useSelT } from '../i18n'
import { useCreateExpert, useUpdateExpert } from '../queries'
import type { Expert, ExpertInput } from '../types'
import { UnitsMultiSelect } from '../UnitsMultiSelect'

type Values = Omit<ExpertInput, 'unitId'> & { unitId?: number | null }

interface Props {
  /** The entry to edit; none to add one. */
  expert?: Expert
  onClose: () => void
}

/** Adds an expert account to the pool, or corrects an entry: unit, fields, declared conflicts. */
export function ExpertFormModal({ expert, onClose }: Props) {
  const { t } = useTranslation()
  const st = useSelT()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const create = useCreateExpert()
  const update = useUpdateExpert()
  const e = (k: string) => st(`experts.${k}`)

  const submit = (v: Values) => {
    const body: ExpertInput = {
      userId: v.userId,
      name: v.name.trim(),
      unitId: v.unitId ?? null,
      unitName: v.unitName?.trim() ?? '',
      title: v.title?.trim() ?? '',
      fields: (v.fields ?? []).map((f) => f.trim()).filter(Boolean),
      conflictUnitIds: v.conflictUnitIds ?? [],
      note: v.note?.trim() ?? '',
    }
    const done = () => {
      message.success(t('common.saved'))
      onClose()
    }
    const onError = (err: unknown) => showError(onListFields(err, ['fields', 'conflictUnitIds']), { form })
    if (expert) {
      const { userId: _, ...rest } = body
      update.mutate({ id: expert.id, version: expert.version, ...rest }, { onSuccess: done, onError })
    } else create.mutate(body, { onSuccess: done, onError })
  }

  return (
    <Modal
      open
      width={720}
      title={expert ? e('editTitle') : e('addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{
        loading: create.isPending || update.isPending,
        ...{ 'data-testid': 'expert-form-submit' },
      }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={
          expert
            ? { ...expert, unitName: expert.unitId ? '' : expert.unit }
            : { fields: [], conflictUnitIds: [], unitName: '', title: '', note: '' }
        }
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="userId"
              label={e('userId')}
              extra={e('userIdHint')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber
                data-testid="expert-form-user"
                min={1}
                precision={0}
                disabled={expert !== undefined}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="name"
              label={e('name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input data-testid="expert-form-name" maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="title" label={e('title')}>
              <Input data-testid="expert-form-title" maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitId" label={e('unitId')} extra={e('unitHint')}>
              <OrgTreeSelect data-testid="expert-form-unit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unitName" label={e('unitName')}>
              <Input data-testid="expert-form-unit-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="fields" label={e('fields')} extra={e('fieldsHint')}>
              <Select data-testid="expert-form-fields" mode="tags" open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="conflictUnitIds" label={e('conflicts')}>
              <UnitsMultiSelect data-testid="expert-form-conflicts" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={e('note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
