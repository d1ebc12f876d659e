import {
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
} from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useTodayDay } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { categoryTree } from '../categoryTree'
import { usePetitionLabels } from '../labels'
import { useCategories, useRegisterCase } from '../queries'
import type { CaseDetail, SimilarCase } from '../types'
import { PetitionersField } from './PetitionersField'
import { type RegisterValues, toBody } from './registerBody'
import { SimilarCases } from './SimilarCases'
import { useSimilarWhileTyping } from './useSimilarWhileTyping'

interface Props {
  open: boolean
  onClose: () => void
  onRegistered: (c: CaseDetail) => void
}

export function RegisterDrawer({ open, onClose, onRegistered }: Props) {
  const { t } = useTranslation()
  const { today, afterToday } = useTodayDay()
  const labels = usePetitionLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<RegisterValues>()
  const register = useRegisterCase()
  const categories = useCategories()
  const tree = categoryTree(categories.data ?? [])
  const categoryId = Form.useWatch('categoryId', form)
  const kind = Form.useWatch('kind', form)
  const groupVisit = Form.useWatch('groupVisit', form)
  const duplicateOf = Form.useWatch('duplicateOf', form)
  const similar = useSimilarWhileTyping(form, open)
  // The linked case stays listed even when further typing drops it from the suggestions.
  const [linked, setLinked] = useState<SimilarCase>()
  useEffect(() => {
    if (!open) setLinked(undefined)
  }, [open])
  const shown = linked && !similar.some((c) => c.id === linked.id) ? [linked, ...similar] : similar
  const required = { required: true, message: t('common.required') }

  const submit = (v: RegisterValues) =>
    register.mutate(toBody(v), {
      onSuccess: (c) => {
        message.success(t('petitions.registered', { caseNo: c.caseNo }))
        onRegistered(c)
      },
      onError: (err) => showError(err, { form }),
    })

  return (
    <Drawer
      open={open}
      title={t('petitions.registerTitle')}
      size={760}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="register-submit"
            loading={register.isPending}
            onClick={() => form.submit()}
          >
            {t('petitions.register')}
          </Button>
        </Space>
      }
    >
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ receivedOn: today, petitioners: [{ name: '' }] }}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="receivedOn" label={t('petitions.field.receivedOn')} rules={[required]}>
              <DatePicker
                data-testid="register-received"
                disabledDate={afterToday}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="channel" label={t('petitions.field.channel')} rules={[required]}>
              <Select data-testid="register-channel" options={labels.channelOptions()} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t('petitions.field.kind')} rules={[required]}>
              <Select data-testid="register-kind" options={labels.kindOptions()} />
            </Form.Item>
          </Col>
        </Row>
        <Space size={16} align="start">
          <Form.Item name="groupVisit" valuePropName="checked">
            <Checkbox data-testid="register-group">{t('petitions.field.groupVisit')}</Checkbox>
          </Form.Item>
          {groupVisit && (
            <Form.Item
              name="groupSize"
              rules={[required]}
              extra={t('petitions.groupHint')}
              style={{ marginBottom: 8 }}
            >
              <InputNumber
                data-testid="register-group-size"
                min={2}
                max={10000}
                precision={0}
                placeholder={t('petitions.field.groupSize')}
                style={{ width: 160 }}
              />
            </Form.Item>
          )}
        </Space>
        <PetitionersField />
        {/* Right under the ID and phone fields, where the registrar is looking when a match turns up. */}
        <SimilarCases
          items={shown}
          duplicateOf={duplicateOf}
          onLink={(c) => {
            setLinked(c)
            form.setFieldValue('duplicateOf', c?.id)
          }}
        />
        <Form.Item name="duplicateOf" hidden>
          <InputNumber />
        </Form.Item>
        <Row gutter={12} style={{ marginTop: 16 }}>
          <Col span={12}>
            <Form.Item name="categoryId" label={t('petitions.field.category')} rules={[required]}>
              <Select
                data-testid="register-category"
                showSearch={{ optionFilterProp: 'label' }}
                options={tree.map((c) => ({ value: c.id, label: c.name }))}
                onChange={() => form.setFieldValue('demandId', undefined)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="demandId" label={t('petitions.field.demand')} rules={[required]}>
              <Select
                data-testid="register-demand"
                showSearch={{ optionFilterProp: 'label' }}
                disabled={!categoryId}
                options={(tree.find((c) => c.id === categoryId)?.children ?? []).map((d) => ({
                  value: d.id,
                  label: d.name,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={t('petitions.field.summary')}>
          <Input.TextArea data-testid="register-summary" rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="orgUnitId" label={t('petitions.field.orgUnit')} rules={[required]}>
              <OrgTreeSelect data-testid="register-org-unit" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="responsibleUnitId"
              label={t('petitions.field.responsibleUnit')}
              rules={[required]}
            >
              <OrgTreeSelect data-testid="register-responsible-unit" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="level" label={t('petitions.field.level')} rules={[required]}>
              <Select data-testid="register-level" options={labels.levelOptions()} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="responsibleLeader" label={t('petitions.field.responsibleLeader')}>
              <Input data-testid="register-leader" maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="regionLeader" label={t('petitions.field.regionLeader')}>
              <Input data-testid="register-region-leader" maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'accusation' && (
          <Form.Item
            name="accusedUnitId"
            label={t('petitions.field.accusedUnit')}
            extra={t('petitions.accusedHint')}
          >
            <OrgTreeSelect data-testid="register-accused-unit" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  )
}
