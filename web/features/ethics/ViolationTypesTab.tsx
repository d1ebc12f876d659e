import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth'
import { ReferenceList } from '../rectification/lists/ReferenceList'
import { canEditViolationTypes } from './labels'
import { useCreateViolationType, useViolationTypes, useVoidViolationType } from './queries'

/** 违规类型: the kinds of misconduct a case is filed under. */
export function ViolationTypesTab() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const types = useViolationTypes()
  const create = useCreateViolationType()
  const voidType = useVoidViolationType()
  return (
    <ReferenceList
      items={types.data ?? []}
      loading={types.isFetching}
      canEdit={canEditViolationTypes(user?.role)}
      testId="violation-type"
      nameLabel={t('ethics.types.name')}
      hint={t('ethics.types.hint')}
      onCreate={(body) => create.mutateAsync(body)}
      onVoid={(v, reason) => voidType.mutateAsync({ id: v.id, version: v.version, reason })}
    />
  )
}
