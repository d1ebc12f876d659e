import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons'
import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../types'

interface Props {
  detail: CaseDetail
  loading: boolean
  onShowFull: () => void
  onHide: () => void
}

/**
 * Says whether the teacher's data is masked, and offers the full view to those allowed, saying
 * before the click that the view is recorded in the audit log.
 */
export function PersonalNotice({ detail: d, loading, onShowFull, onHide }: Props) {
  const { t } = useTranslation()
  if (!d.personalMasked)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="ethics-full-note"
        title={t('ethics.personal.fullShown')}
        action={
          <Button
            size="small"
            icon={<EyeInvisibleOutlined />}
            onClick={onHide}
            data-testid="ethics-hide-full"
          >
            {t('ethics.personal.hide')}
          </Button>
        }
      />
    )
  return (
    <Alert
      type="info"
      showIcon
      title={t('ethics.personal.masked')}
      description={d.canSeePersonal ? t('ethics.personal.audited') : t('ethics.personal.notAllowed')}
      action={
        d.canSeePersonal && (
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={loading}
            onClick={onShowFull}
            data-testid="ethics-show-full"
          >
            {t('ethics.personal.show')}
          </Button>
        )
      }
    />
  )
}
