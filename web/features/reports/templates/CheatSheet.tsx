import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** The template language at a glance (user guide, chapter 18): filters, variables, structure. */
const FIGURES = [
  ['figure', '{{ "petitions.received" | figure | integer }}'],
  ['lastYear', '{{ "petitions.received" | figure: "last_year" | integer }}'],
  ['delta', '{{ "petitions.received" | delta | change: "件" }}'],
  ['hasFigure', '{% assign ok = "supervision.on_time_rate" | has_figure %}{% if ok %}…{% endif %}'],
  ['targetWording', '{{ "stats.job_fairs" | target_wording }}'],
] as const
const FORMATS = [
  ['integer', 'integer'],
  ['fixed', 'fixed: 2'],
  ['grouped', 'grouped'],
  ['percent', 'percent'],
  ['money', 'money: "亿元"'],
  ['about', 'about'],
  ['change', 'change: "项"'],
  ['changeMoney', 'change_money: "万元"'],
  ['changePoints', 'change_points'],
  ['pointsVs', 'points_vs: 95.6, "全国"'],
  ['cnDate', 'cn_date: "month"'],
  ['cnNumber', 'cn_number'],
] as const
const VARIABLES = ['org', 'period', 'year', 'period_from', 'period_to', 'today'] as const
const STRUCTURE = [
  ['title', '# 标题'],
  ['unit', '@unit {{ org }}'],
  ['date', '@date {{ today }}'],
  ['headings', '## 一、 / ### （一） / #### 1. / ##### （1）'],
  ['bold', '**首句。**正文'],
  ['table', '| 指标 | 本期 |'],
  ['pageBreak', '---'],
] as const

function Section({ title, rows }: { title: string; rows: readonly (readonly [string, string])[] }) {
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <dl style={{ margin: '4px 0 12px' }}>
        {rows.map(([label, code]) => (
          <div key={code} style={{ marginBottom: 4 }}>
            <dt>
              <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {code}
              </Typography.Text>
            </dt>
            <dd style={{ margin: 0, color: 'rgba(0,0,0,.55)', fontSize: 12 }}>{label}</dd>
          </div>
        ))}
      </dl>
    </>
  )
}

export function CheatSheet() {
  const { t } = useTranslation()
  return (
    <div style={{ fontSize: 12 }} data-testid="template-cheatsheet">
      <Section
        title={t('reports.cheat.figures')}
        rows={FIGURES.map(([k, code]) => [t(`reports.cheat.f.${k}`), code] as const)}
      />
      <Section
        title={t('reports.cheat.formats')}
        rows={FORMATS.map(([k, code]) => [t(`reports.cheat.x.${k}`), code] as const)}
      />
      <Section
        title={t('reports.cheat.variables')}
        rows={VARIABLES.map((v) => [t(`reports.cheat.v.${v}`), `{{ ${v} }}`] as const)}
      />
      <Section
        title={t('reports.cheat.structure')}
        rows={STRUCTURE.map(([k, code]) => [t(`reports.cheat.s.${k}`), code] as const)}
      />
    </div>
  )
}
