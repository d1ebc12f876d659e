import { Alert, List, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Problem } from '../types'

interface Props {
  problems: Problem[] | null
  onGo: (p: Problem) => void
}

/** The checker's findings by line; a click puts the caret on the line. Null: not checked yet. */
export function ProblemList({ problems, onGo }: Props) {
  const { t } = useTranslation()
  if (problems === null) return null
  if (problems.length === 0)
    return <Alert type="success" showIcon title={t('reports.editor.noProblems')} data-testid="template-ok" />
  return (
    <List
      size="small"
      bordered
      data-testid="template-problems"
      header={
        <Typography.Text type="danger">
          {t('reports.editor.problems', { count: problems.length })}
        </Typography.Text>
      }
      dataSource={problems}
      renderItem={(p) => (
        <List.Item
          style={{ cursor: 'pointer' }}
          onClick={() => onGo(p)}
          data-testid={`template-problem-${p.line}`}
        >
          <Typography.Text code>
            {p.line}:{p.col}
          </Typography.Text>{' '}
          {/* liquidjs repeats the position at the end of its message: shown once, in front. */}
          {p.message.replace(/,\s*line:\d+, col:\d+\s*$/, '')}
        </List.Item>
      )}
    />
  )
}
