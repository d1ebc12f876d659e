import { App, Button, Card, Col, Form, Input, Row, Select, Table } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { useAddTerm, useTerms, useVoidTerm } from '../queries'
import { TERM_KINDS, type Term, type TermKind } from '../types'
import { RedactTry } from './RedactTry'

/** 敏感词: the reviewed list a public copy masks besides the org tree and names in scope. */
export function TermsTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<{ term: string; kind: TermKind; note?: string }>()
  const terms = useTerms(true)
  const add = useAddTerm()
  const voidIt = useVoidTerm()
  const [voiding, setVoiding] = useState<Term | null>(null)

  const submit = async () => {
    const v = await form.validateFields()
    try {
      await add.mutateAsync({ term: v.term.trim(), kind: v.kind, note: (v.note ?? '').trim() })
      message.success(t('reports.terms.added', { term: v.term.trim() }))
      form.resetFields()
    } catch (err) {
      showError(err, { form })
    }
  }

  return (
    <Row gutter={16}>
      <Col span={14}>
        <Card size="small" title={t('reports.terms.title')}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ kind: 'other' }}
            onFinish={() => void submit()}
            style={{ marginBottom: 12, rowGap: 8 }}
          >
            <Form.Item
              name="term"
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input
                placeholder={t('reports.terms.term')}
                maxLength={50}
                style={{ width: 160 }}
                data-testid="term-input"
              />
            </Form.Item>
            <Form.Item name="kind">
              <Select
                style={{ width: 110 }}
                options={TERM_KINDS.map((k) => ({ value: k, label: t(`reports.terms.kinds.${k}`) }))}
                data-testid="term-kind"
              />
            </Form.Item>
            <Form.Item name="note">
              <Input placeholder={t('reports.terms.note')} maxLength={200} style={{ width: 200 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="term-add">
              {t('reports.terms.add')}
            </Button>
          </Form>
          <Table<Term>
            rowKey="id"
            size="small"
            loading={terms.isPending}
            dataSource={terms.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="terms-table"
            columns={[
              { title: t('reports.terms.term'), dataIndex: 'term' },
              {
                title: t('reports.terms.kind'),
                dataIndex: 'kind',
                render: (k: string) => t(`reports.terms.kinds.${k}`, { defaultValue: k }),
              },
              { title: t('reports.terms.note'), dataIndex: 'note' },
              {
                title: t('reports.terms.createdAt'),
                dataIndex: 'createdAt',
                render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
              },
              {
                title: t('common.actions'),
                key: 'a',
                render: (_: unknown, r) => (
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => setVoiding(r)}
                    data-testid={`term-void-${r.term}`}
                  >
                    {t('common.void')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={10}>
        <RedactTry />
      </Col>
      <VoidModal
        open={voiding !== null}
        name={voiding?.term ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={async (reason) => {
          if (!voiding) return
          await voidIt.mutateAsync({ id: voiding.id, version: voiding.version, reason })
          message.success(t('common.voidDone'))
        }}
      />
    </Row>
  )
}
