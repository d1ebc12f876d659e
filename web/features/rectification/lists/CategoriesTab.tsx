import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { canEditCategories } from '../labels'
import { useCategories, useCreateCategory, useVoidCategory } from '../queries'
import { ReferenceList } from './ReferenceList'

/** 问题类别: the categories problems are filed under. */
export function CategoriesTab() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const categories = useCategories()
  const create = useCreateCategory()
  const voidCategory = useVoidCategory()
  return (
    <ReferenceList
      items={categories.data ?? []}
      loading={categories.isFetching}
      canEdit={canEditCategories(user?.role)}
      testId="category"
      nameLabel={t('rectification.lists.categoryName')}
      hint={t('rectification.lists.categoryHint')}
      onCreate={(body) => create.mutateAsync(body)}
      onVoid={(c, reason) => voidCategory.mutateAsync({ id: c.id, version: c.version, reason })}
    />
  )
}
