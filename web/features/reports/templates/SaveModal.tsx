import { Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'

interface Props {
  open: boolean
  busy: boolean
  onClose: () => void
  onSave: (note: string) => void
}

/** Saving a changed source makes a new version; the note says what changed (kept in the history). */
export function SaveModal({ open, busy, onClose, onSave }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ note: string }>()
  return (
    <Modal
      open={open}
      title={t('reports.editor.saveTitle')}
      okText={t('common.save')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'template-save-submit' } }}
      onOk={() => void form.validateFields().then((v) => onSave((v.note ?? '').trim()))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t('reports.editor.note')} extra={t('reports.editor.noteHint')}>
          <Input maxLength={200} showCount data-testid="template-note" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
