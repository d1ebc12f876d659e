import {
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { onListFields } from '../../research/errors'
import { fromIso, toIso } from '../format'
import { useSelT } from '../i18n'
import { useCreateProgramme, useRubrics, useUpdateProgramme } from '../queries'
import type { Aggregation, Programme, ProgrammeInput, ProgrammeKind } from '../types'

interface Values {
  name: string
  kind: ProgrammeKind
  batch?: string
  description?: string
  quota?: number | null
  passMark?: number | null
  eligibleKinds: string[]
  opensOn: Dayjs
  closesOn: Dayjs
  materials: string[]
  rubricId: number
  expertsPerApplication: number
  aggregation: Aggregation
  dispersionMargin: number
  blind: boolean
  noticeDays: number
}

/** The unit kinds that apply to programmes (the city and its departments run them). */
const APPLYING_KINDS = ['school', 'kindergarten', 'university', 'county'] as const

const valuesOf = (p: Programme): Values => ({
  ...p,
  rubricId: p.rubric.id,
  opensOn: fromIso(p.opensOn) as Dayjs,
  closesOn: fromIso(p.closesOn) as Dayjs,
})

const bodyOf = (v: Values): ProgrammeInput => ({
  name: v.name.trim(),
  kind: v.kind,
  batch: v.batch?.trim() ?? '',
  description: v.description?.trim() ?? '',
  // The rule the other kind uses is sent empty, so a kind switched on a draft leaves no stale rule.
  quota: v.kind === 'selection' ? (v.quota ?? null) : null,
  passMark: v.kind === 'accreditation' ? (v.passMark ?? null) : null,
  eligibleKinds: v.eligibleKinds,
  opensOn: toIso(v.opensOn) ?? '',
  closesOn: toIso(v.closesOn) ?? '',
  materials: (v.materials ?? []).map((m) => m.trim()).filter(Boolean),
  rubricId: v.rubricId,
  expertsPerApplication: v.expertsPerApplication,
  aggregation: v.aggregation,
  dispersionMargin: v.dispersionMargin,
  blind: v.blind,
  noticeDays: v.noticeDays,
})

interface Props {
  open: boolean
  /** A draft to correct; none to create one. */
  programme?: Programme
  onClose: () => void
  onSaved: (p: Programme) => void
}

/** Create or correct a draft programme: its kind and rule, window, materials, rubric and panel. */
export function ProgrammeFormDrawer({ open, programme, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const st = useSelT()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const create = useCreateProgramme()
  const update = useUpdateProgramme()
  const rubrics = useRubrics()
  const kind = Form.useWatch('kind', form) ?? programme?.kind ?? 'selection'
  const required = { required: true, whitespace: true, message: t('common.required') }
  const picked = { required: true, message: t('common.required') }
  const f = (k: string) => st(`field.${k}`)

  const submit = (v: Values) => {
    const done = (p: Programme) => {
      message.success(programme ? t('common.saved') : t('selections.form.created'))
      onSaved(p)
    }
    const onError = (err: unknown) => showError(onListFields(err, ['materials', 'eligibleKinds']), { form })
    if (programme) {
      // Only what changed: a field corrected meanwhile by a colleague is not overwritten.
      const before = bodyOf(valuesOf(programme))
      const after = bodyOf(v)
      const changed = Object.fromEntries(
        Object.entries(after).filter(
          ([k, x]) => JSON.stringify(before[k as keyof ProgrammeInput]) !== JSON.stringify(x),
        ),
      )
      update.mutate(
        { id: programme.id, version: programme.version, ...changed },
        { onSuccess: done, onError },
      )
    } else create.mutate(bodyOf(v), { onSuccess: done, onError })
  }

  return (
    <Drawer
      open={open}
      title={programme ? t('selections.form.editTitle') : t('selections.form.createTitle')}
      size={760}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            data-testid="programme-form-submit"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
          >
            {programme ? t('common.save') : t('selections.form.create')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={
          programme
            ? valuesOf(programme)
            : {
                kind: 'selection',
                eligibleKinds: ['school'],
                materials: [],
                expertsPerApplication: 3,
                aggregation: 'mean',
                dispersionMargin: 15,
                blind: false,
                noticeDays: 5,
              }
        }
      >
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="name" label={f('name')} rules={[required]}>
              <Input data-testid="programme-form-name" maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="batch" label={f('batch')}>
              <Input data-testid="programme-form-batch" maxLength={40} placeholder="首批" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={f('kind')} rules={[picked]}>
              <Radio.Group data-testid="programme-form-kind">
                <Radio.Button value="selection">{t('selections.kind.selection')}</Radio.Button>
                <Radio.Button value="accreditation">{t('selections.kind.accreditation')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
          </Col>
          <Col span={12}>
            {kind === 'selection' ? (
              <Form.Item
                name="quota"
                label={f('quota')}
                rules={[picked]}
                extra={t('selections.form.quotaHint')}
              >
                <InputNumber
                  data-testid="programme-form-quota"
                  min={1}
                  max={100000}
                  precision={0}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="passMark"
                label={f('passMark')}
                rules={[picked]}
                extra={t('selections.form.passMarkHint')}
              >
                <InputNumber
                  data-testid="programme-form-pass-mark"
                  min={0}
                  max={1000}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="eligibleKinds" label={f('eligibleKinds')} rules={[picked]}>
              <Select
                data-testid="programme-form-kinds"
                mode="multiple"
                options={APPLYING_KINDS.map((k) => ({ value: k, label: t(`enums.kinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="opensOn" label={f('opensOn')} rules={[picked]}>
              <DatePicker data-testid="programme-form-opens" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="closesOn" label={f('closesOn')} rules={[picked]}>
              <DatePicker data-testid="programme-form-closes" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="materials" label={f('materials')} extra={t('selections.form.materialsHint')}>
              <Select data-testid="programme-form-materials" mode="tags" open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="rubricId" label={f('rubric')} rules={[picked]}>
              <Select
                data-testid="programme-form-rubric"
                showSearch={{ optionFilterProp: 'label' }}
                loading={rubrics.isPending}
                options={(rubrics.data ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.name}（${t('selections.rubric.revN', { n: r.revision })}）`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="expertsPerApplication" label={f('experts')} rules={[picked]}>
              <InputNumber
                data-testid="programme-form-experts"
                min={1}
                max={15}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="noticeDays" label={f('noticeDays')} rules={[picked]}>
              <InputNumber
                data-testid="programme-form-notice-days"
                min={1}
                max={30}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="aggregation" label={f('aggregation')} rules={[picked]}>
              <Select
                data-testid="programme-form-aggregation"
                options={(['mean', 'trimmed_mean'] as const).map((a) => ({
                  value: a,
                  label: st(`aggregation.${a}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="dispersionMargin"
              label={f('dispersionMargin')}
              rules={[picked]}
              extra={t('selections.form.dispersionHint')}
            >
              <InputNumber data-testid="programme-form-margin" min={0} max={1000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="blind"
              label={f('blind')}
              valuePropName="checked"
              extra={t('selections.form.blindHint')}
            >
              <Switch data-testid="programme-form-blind" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={f('description')}>
          <Input.TextArea data-testid="programme-form-description" rows={3} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
