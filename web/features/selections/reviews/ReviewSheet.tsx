import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Descriptions, Divider, Input, Space, Statistic, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, download, request } from '../../../app/api'
import { PageSpinner } from '../../../app/components/PageSpinner'
import { useShowError } from '../../../app/feedback'
import { atMinute, scoreText } from '../format'
import { useSelT } from '../i18n'
import { selectionsKey, useReview, useSubmitReview } from '../queries'
import type { Review, ReviewFile } from '../types'
import { ScoreTable } from './ScoreTable'

type Patch = { scores?: Record<string, number | null>; comments?: Record<string, string>; comment?: string }

/**
 * The expert's sheet for one application: materials, the rubric with a score per leaf and a
 * comment, his running total (the server's, returned by each save), save and submit. Each change
 * is saved when the field is left; saves run one after another on the latest version, so a quick
 * tab through the sheet never races itself into a version conflict. After submit: read-only.
 */
export function ReviewSheet({ id, onBack }: { id: number; onBack: () => void }) {
  const { t } = useTranslation()
  const st = useSelT()
  const { message, modal } = App.useApp()
  const qc = useQueryClient()
  const showError = useShowError()
  const review = useReview(id)
  const submit = useSubmitReview()
  const [missing, setMissing] = useState<Map<string, string>>(new Map())
  const [comment, setComment] = useState('')
  const [saving, setSaving] = useState(false)
  const chain = useRef<Promise<unknown>>(Promise.resolve())
  const version = useRef(0)
  const r = (k: string, o?: Record<string, unknown>) => st(`review.${k}`, o)
  const data = review.data

  useEffect(() => {
    if (data) {
      version.current = Math.max(version.current, data.version)
    }
  }, [data])
  // The overall comment is loaded once per sheet; later answers must not overwrite what he types.
  const loadedFor = useRef<number | null>(null)
  useEffect(() => {
    if (data && loadedFor.current !== data.id) {
      loadedFor.current = data.id
      setComment(data.comment)
    }
  }, [data])

  const save = (patch: Patch) => {
    const next = chain.current.then(async () => {
      setSaving(true)
      try {
        const answer = await request<Review>('PUT', `/api/selections/reviews/${id}`, {
          body: {
            version: version.current,
            scores: patch.scores ?? {},
            comments: patch.comments ?? {},
            ...(patch.comment !== undefined ? { comment: patch.comment } : {}),
          },
        })
        version.current = answer.version
        qc.setQueryData([...selectionsKey, 'review', id], answer)
        return answer
      } catch (err) {
        showError(err, {
          onReload: () => void qc.invalidateQueries({ queryKey: [...selectionsKey, 'review', id] }),
        })
        return null
      } finally {
        setSaving(false)
      }
    })
    chain.current = next
    return next
  }

  const doSubmit = async () => {
    await chain.current
    submit.mutate(
      { id, version: version.current },
      {
        onSuccess: (answer) => {
          setMissing(new Map())
          qc.setQueryData([...selectionsKey, 'review', id], answer)
          message.success(r('submitted'))
        },
        onError: (err) => {
          // Missing leaves come as `scores.<key>`: each is marked on its row.
          if (err instanceof ApiError)
            setMissing(
              new Map(
                err.fields
                  .filter((f) => f.field.startsWith('scores.'))
                  .map((f) => [f.field.slice(7), f.message]),
              ),
            )
          showError(err)
        },
      },
    )
  }

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="review-back">
      {r('back')}
    </Button>
  )
  if (review.isPending) return <PageSpinner />
  if (!data) return back
  const done = data.status === 'submitted'
  const fileName = (f: ReviewFile) => f.filename ?? r('file', { id: f.id })
  const files = [
    ...data.materials.map((m) => ({ name: m.name, files: m.files })),
    { name: t('selections.application.other'), files: data.otherFiles },
  ].filter((m) => m.files.length || m.name !== t('selections.application.other'))

  return (
    <div data-testid="review-sheet">
      <Space style={{ marginBottom: 12 }} wrap>
        {back}
        <Typography.Text strong>{data.title}</Typography.Text>
        <Typography.Text type="secondary">{data.programme}</Typography.Text>
      </Space>
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label={r('applicant')}>
          {data.blind ? r('blind') : data.applicant}
        </Descriptions.Item>
        <Descriptions.Item label={t('selections.applications.field')}>{data.field ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('selections.application.people')}>
          {data.form.people ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={r('summary')} span={3}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {data.summary || '—'}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={r('materials')} span={3}>
          <Space direction="vertical" size={2}>
            {files.map((m) => (
              <Space key={m.name} size={6} wrap>
                <Typography.Text strong>{m.name}</Typography.Text>
                {m.files.length === 0 && <Typography.Text type="secondary">{r('noFiles')}</Typography.Text>}
                {m.files.map((f) => (
                  <Button
                    key={f.id}
                    size="small"
                    type="link"
                    icon={<DownloadOutlined />}
                    data-testid={`review-file-${f.id}`}
                    onClick={() =>
                      void download(`/api/attachments/${f.id}`, undefined, fileName(f)).catch(showError)
                    }
                  >
                    {fileName(f)}
                  </Button>
                ))}
              </Space>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Divider titlePlacement="start">{r('sheet')}</Divider>
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="review-done"
          message={r('submittedAt', { at: atMinute(data.submittedAt) })}
        />
      )}
      <ScoreTable key={data.id} review={data} readOnly={done} missing={missing} onSave={save} />
      <Space align="start" style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <div style={{ width: 560 }}>
          <Typography.Text strong>{r('overall')}</Typography.Text>
          <Input.TextArea
            data-testid="review-comment"
            rows={3}
            maxLength={2000}
            value={comment}
            disabled={done}
            onChange={(e) => setComment(e.target.value)}
            onBlur={() => comment !== data.comment && void save({ comment })}
          />
        </div>
        <Space direction="vertical" align="end">
          <Statistic
            title={r('runningTotal')}
            value={scoreText(data.runningTotal)}
            suffix={r('of', { total: data.rubricTotal })}
            valueStyle={{ color: '#1677ff' }}
            loading={saving}
            // The number itself, for journeys and screen readers.
            {...{ 'data-testid': 'review-total' }}
          />
          {!done && (
            <Space>
              <Button
                data-testid="review-save"
                loading={saving}
                onClick={() =>
                  void save({ comment }).then(
                    (a) => a && message.success(r('saved', { total: scoreText(a.runningTotal) })),
                  )
                }
              >
                {r('saveDraft')}
              </Button>
              <Button
                type="primary"
                data-testid="review-submit"
                loading={submit.isPending}
                onClick={() =>
                  modal.confirm({
                    title: r('submit'),
                    content: r('submitConfirm'),
                    okButtonProps: { ...{ 'data-testid': 'review-submit-confirm' } },
                    onOk: () => void doSubmit(),
                  })
                }
              >
                {r('submit')}
              </Button>
            </Space>
          )}
        </Space>
      </Space>
      {missing.size > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="review-missing"
          message={r('missing', { names: [...missing.values()].join('；') })}
        />
      )}
    </div>
  )
}
