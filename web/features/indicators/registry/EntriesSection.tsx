import { PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useIndicatorName, useValueText } from '../format'
import { type EntryKind, useEntries, usePutEntry, useVoidEntry } from '../queries'
import type { Entry, Indicator } from '../types'

interface Props {
  ind: Indicator
  kind: EntryKind
  canEdit: boolean
  defaults: { period: string; unitId: number | undefined }
}

interface Values {
  orgUnitId: number
  period: string
  amount: number
  better?: 'higher' | 'lower'
  yellowFrom?: number | null
  source?: string
  note?: string
}

const FEN_PER_WAN = 1_000_000

/** Hand-entered values (manual indicators) or targets (any indicator): a table with add / update / void. */
export function EntriesSection({ ind, kind, canEdit, defaults }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const value = useValueText()
  const name = useIndicatorName()
  const entries = useEntries(ind.key, kind)
  const put = usePutEntry(ind.key, kind)
  const voidEntry = useVoidEntry(kind)
  const [form] = Form.useForm<Values>()
  const [editing, setEditing] = useState<Entry | 'new' | null>(null)
  const [voiding, setVoiding] = useState<Entry | null>(null)
  const items = entries.data ?? []
  const isTarget = kind === 'targets'
  // Money is entered in 万元 and travels in fen.
  const toInput = (v: number | null | undefined) =>
    v === null || v === undefined ? undefined : ind.unit === 'fen' ? v / FEN_PER_WAN : v
  const fromInput = (v: number) => (ind.unit === 'fen' ? Math.round(v * FEN_PER_WAN) : v)

  const open = (e: Entry | 'new') => {
    setEditing(e)
    form.resetFields()
    if (e === 'new')
      form.setFieldsValue({
        period: defaults.period,
        ...(defaults.unitId ? { orgUnitId: defaults.unitId } : {}),
        better: ind.better ?? 'higher',
      })
    else
      form.setFieldsValue({
        orgUnitId: e.orgUnitId,
        period: e.period,
        amount: toInput(isTarget ? e.target : e.value),
        better: (e.better as 'higher' | 'lower' | undefined) ?? 'higher',
        yellowFrom: e.yellowFrom ?? null,
        source: e.source ?? '',
        note: e.note,
      })
  }

  const save = async () => {
    const v = await form.validateFields()
    // Entering again for the same unit and period updates the live row: send the version seen.
    const live = items.find(
      (x) => x.orgUnitId === v.orgUnitId && x.period.toUpperCase() === v.period.trim().toUpperCase(),
    )
    const body = {
      orgUnitId: v.orgUnitId,
      period: v.period.trim(),
      note: v.note?.trim() ?? '',
      ...(live ? { version: live.version } : {}),
      ...(isTarget
        ? { target: fromInput(v.amount), better: v.better, yellowFrom: v.yellowFrom ?? null }
        : { value: fromInput(v.amount), source: v.source?.trim() ?? '' }),
    }
    put.mutate(body, {
      onSuccess: () => {
        message.success(t('indicators.entries.saved'))
        setEditing(null)
      },
      onError: (err) => showError(err, { form }),
    })
  }

  const columns: TableColumnsType<Entry> = [
    { title: t('indicators.entries.unit'), dataIndex: 'unitName', ellipsis: true },
    { title: t('indicators.entries.period'), dataIndex: 'period', width: 100 },
    {
      title: isTarget ? t('indicators.entries.target') : t('indicators.entries.value'),
      key: 'amount',
      width: 140,
      align: 'right',
      render: (_, e) => value(ind, isTarget ? e.target : e.value),
    },
    ...(isTarget
      ? [
          {
            title: t('indicators.entries.better'),
            key: 'better',
            width: 110,
            render: (_: unknown, e: Entry) =>
              t(`indicators.betters.${e.better === 'lower' ? 'lower' : 'higher'}`),
          },
        ]
      : [{ title: t('indicators.entries.source'), dataIndex: 'source', ellipsis: true }]),
    { title: t('indicators.entries.note'), dataIndex: 'note', ellipsis: true },
    {
      title: t('indicators.entries.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, e: Entry) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => open(e)} data-testid={`${kind}-edit-${e.id}`}>
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() => setVoiding(e)}
                  data-testid={`${kind}-void-${e.id}`}
                >
                  {t('common.void')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ]

  return (
    <Card
      size="small"
      title={isTarget ? t('indicators.entries.targets') : t('indicators.entries.values')}
      data-testid={`indicator-${kind}`}
      extra={
        canEdit && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => open('new')}
            data-testid={`${kind}-add`}
          >
            {t('indicators.entries.add')}
          </Button>
        )
      }
    >
      <Table<Entry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={entries.isFetching}
        pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
      />
      <Modal
        open={editing !== null}
        title={t(isTarget ? 'indicators.entries.targetTitle' : 'indicators.entries.valueTitle', {
          name: name(ind),
        })}
        onCancel={() => setEditing(null)}
        onOk={() => void save().catch(() => undefined)}
        okButtonProps={{ loading: put.isPending, ...{ 'data-testid': `${kind}-submit` } }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="orgUnitId"
            label={t('indicators.entries.unit')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <OrgTreeSelect data-testid={`${kind}-unit`} />
          </Form.Item>
          <Form.Item
            name="period"
            label={t('indicators.entries.period')}
            extra={t('indicators.entries.periodHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={40} data-testid={`${kind}-period`} />
          </Form.Item>
          <Form.Item
            name="amount"
            label={isTarget ? t('indicators.entries.target') : t('indicators.entries.value')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber
              style={{ width: '100%' }}
              suffix={
                ind.unit === 'fen' ? t('indicators.units.fen') : ind.unit === 'percent' ? '%' : ind.unitZh
              }
              data-testid={`${kind}-amount`}
            />
          </Form.Item>
          {isTarget ? (
            <>
              <Form.Item name="better" label={t('indicators.entries.better')}>
                <Select
                  options={(['higher', 'lower'] as const).map((b) => ({
                    value: b,
                    label: t(`indicators.betters.${b}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="yellowFrom" label={t('indicators.entries.yellowFrom')}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} placeholder="90" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="source" label={t('indicators.entries.source')}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('indicators.entries.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <VoidModal
        open={voiding !== null}
        name={t('indicators.entries.voidName', {
          unit: voiding?.unitName ?? '',
          period: voiding?.period ?? '',
        })}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidEntry.mutateAsync({ id: voiding.id, version: voiding.version, reason })
            : Promise.resolve()
        }
      />
    </Card>
  )
}
