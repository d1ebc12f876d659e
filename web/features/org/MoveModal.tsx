import { App, Form, Modal } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../app/feedback'
import type { OrgUnit } from '../../app/types'
import { OrgTreeSelect } from './OrgTreeSelect'
import { useMoveOrg, useOrgIndex } from './queries'
import { keyOf, subtreeKeys } from './tree'

/** Move a unit (with its subtree) under a new parent; its own subtree cannot be the target. */
export function MoveModal({ unit, onClose }: { unit: OrgUnit | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<{ parentId: number }>()
  const { index } = useOrgIndex(false)
  const move = useMoveOrg()
  const disabled = useMemo(() => (unit ? subtreeKeys(index, keyOf(unit.id)) : undefined), [index, unit])

  const submit = async () => {
    if (!unit) return
    const { parentId } = await form.validateFields()
    move.mutate(
      { id: unit.id, version: unit.version, parentId },
      {
        onSuccess: () => {
          message.success(t('org.moved'))
          onClose()
        },
        onError: (err) => showError(err, { form, onReload: onClose }),
      },
    )
  }

  return (
    <Modal
      open={unit !== null}
      title={unit ? t('org.moveTitle', { name: unit.name }) : ''}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ loading: move.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="parentId"
          label={t('org.newParent')}
          rules={[{ required: true, message: t('org.newParentRequired') }]}
        >
          <OrgTreeSelect disabledKeys={disabled} data-testid="org-move-parent" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
