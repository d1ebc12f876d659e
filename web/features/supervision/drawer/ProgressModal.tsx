import { PaperClipOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Upload,
  type UploadFile,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  acceptOf,
  DEFAULT_MAX_BYTES,
  DOCUMENT_EXTENSIONS,
  fileProblem,
} from '../../../app/components/attachments/files'
import { useFileProblemText } from '../../../app/components/attachments/useFileProblemText'
import { useUploadFiles } from '../../../app/components/attachments/useUploadFiles'
import { useShowError } from '../../../app/feedback'
import { toIso } from '../../petitions/dates'
import { useAddProgress, useRefreshSupervision, useToday } from '../queries'
import type { TaskDetail } from '../types'

interface Values {
  unitId?: number
  on: Dayjs
  text: string
  percent?: number
}

interface Props {
  task: TaskDetail
  open: boolean
  onClose: () => void
}

/** A dated progress note (进展情况) by the lead or a co-unit, with optional files (photos, minutes). */
export function ProgressModal({ task, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const today = useToday()
  const [form] = Form.useForm<Values>()
  const add = useAddProgress()
  const uploadFiles = useUploadFiles()
  const refresh = useRefreshSupervision()
  const problemText = useFileProblemText(DOCUMENT_EXTENSIONS, DEFAULT_MAX_BYTES)
  const [files, setFiles] = useState<UploadFile[]>([])
  const [fileError, setFileError] = useState<string | null>(null)
  const units = [{ id: task.leadUnitId, name: task.leadUnit }, ...task.coUnits]

  const close = () => {
    setFiles([])
    setFileError(null)
    onClose()
  }

  const submit = (v: Values) => {
    const before = new Set(task.notes.map((n) => n.id))
    add.mutate(
      {
        id: task.id,
        unitId: v.unitId,
        on: toIso(v.on) ?? today,
        text: v.text.trim(),
        percent: v.percent ?? undefined,
      },
      {
        onSuccess: async (saved) => {
          message.success(t('supervision.progressAdded'))
          // The answer is the task; the new note is the one that was not there before.
          const note = saved.notes.filter((n) => !before.has(n.id)).sort((a, b) => b.id - a.id)[0]
          const picked = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f)
          if (note && picked.length > 0) {
            await uploadFiles(`/api/supervision/progress/${note.id}/attachments`, picked)
            void refresh()
          }
          close()
        },
        onError: (err) => showError(err, { form }),
      },
    )
  }

  return (
    <Modal
      open={open}
      title={`${t('supervision.addProgress')} · ${task.title}`}
      okText={t('common.save')}
      okButtonProps={{ loading: add.isPending, ...{ 'data-testid': 'progress-submit' } }}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={620}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ on: dayjs(today) }}
      >
        {units.length > 1 && (
          <Form.Item
            name="unitId"
            label={t('supervision.field.reportingUnit')}
            extra={t('supervision.reportingUnitHint')}
          >
            <Select
              allowClear
              data-testid="progress-unit"
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="on"
          label={t('supervision.field.noteOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker
            data-testid="progress-on"
            disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('supervision.field.noteText')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea data-testid="progress-text" rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="percent" label={t('supervision.field.percent')} extra={t('supervision.percentHint')}>
          <InputNumber
            data-testid="progress-percent"
            min={0}
            max={100}
            precision={0}
            suffix="%"
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item
          label={t('supervision.attachments')}
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? problemText.hint}
        >
          <Upload
            multiple
            accept={acceptOf(DOCUMENT_EXTENSIONS)}
            fileList={files}
            beforeUpload={(f, batch) => {
              // Refused files are said so at once and left out; the note is saved without them.
              // antd asks once per file of a batch: the message is decided on the batch's first.
              const problemOf = (x: File) => fileProblem(x, DOCUMENT_EXTENSIONS, DEFAULT_MAX_BYTES)
              if (f === batch[0]) {
                const refused = batch.find((x) => problemOf(x) !== null)
                const problem = refused ? problemOf(refused) : null
                setFileError(refused && problem ? problemText.of(problem, refused) : null)
              }
              return problemOf(f) ? Upload.LIST_IGNORE : false
            }}
            onChange={({ fileList }) => setFiles(fileList)}
            data-testid="progress-files"
          >
            <Button icon={<PaperClipOutlined />}>{t('supervision.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  )
}
