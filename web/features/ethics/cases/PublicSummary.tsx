import { CopyOutlined } from '@ant-design/icons'
import { App, Button, Card, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePublicCase } from '../queries'

/** The case as it is published (通报): the teacher as 张某, the school masked; one click to copy. */
export function PublicSummary({ caseId }: { caseId: number }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const pub = usePublicCase(caseId)
  const text = pub.data?.publicSummary ?? ''

  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => message.success(t('ethics.public.copied')),
      // No clipboard (plain http on another host): the text is selectable, say so.
      () => message.warning(t('ethics.public.copyFailed')),
    )

  return (
    <Card
      size="small"
      title={t('ethics.public.title')}
      data-testid="ethics-public"
      extra={
        <Button
          size="small"
          icon={<CopyOutlined />}
          disabled={!text}
          onClick={copy}
          data-testid="ethics-public-copy"
        >
          {t('ethics.public.copy')}
        </Button>
      }
    >
      {pub.isPending ? (
        <Spin />
      ) : (
        <>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}
            data-testid="ethics-public-text"
          >
            {text}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ethics.public.note', {
              caseNo: pub.data?.caseNo ?? '',
              date: pub.data?.publishedOn ?? '—',
            })}
          </Typography.Text>
        </>
      )}
    </Card>
  )
}
