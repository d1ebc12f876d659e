/** The monthly petition bulletin (信访工作简报): stock and new cases, time limits, satisfaction. */
export const petitionBulletinTemplate = {
  key: 'petition_bulletin',
  title: '信访工作简报',
  description: '月度简报：受理、存量化解、按期受理与办结、满意率、积案。',
  periodKind: 'month' as const,
  source: `# 信访工作简报

@unit {{ org }}信访办

@date {{ today }}

## 一、总体情况

{{ period_words }}，共受理信访事项{{ "petitions.received" | figure | integer }}件，其中新发{{ "petitions.new_received" | figure | integer }}件、已办结{{ "petitions.new_resolved" | figure | integer }}件；目前在办{{ "petitions.open_now" | figure | integer }}件。

## 二、存量化解

{% assign has_stock = "petitions.stock_resolution_rate" | has_figure %}{% if has_stock %}**专项行动以来存量{{ "petitions.stock_at_cutoff" | figure | integer }}件，已化解{{ "petitions.stock_resolved" | figure | integer }}件，化解率{{ "petitions.stock_resolution_rate" | figure | percent }}。**{% else %}**本期无存量案件。**{% endif %}超期未结积案{{ "petitions.backlog" | figure | integer }}件。

## 三、办理质效

{% assign n1 = "petitions.on_time_notice_rate" | has_figure %}{% assign n2 = "petitions.on_time_handling_rate" | has_figure %}{% assign n3 = "petitions.satisfaction_rate" | has_figure %}| 指标 | 本期 |
| --- | --- |
| 按期受理率 | {% if n1 %}{{ "petitions.on_time_notice_rate" | figure | percent }}{% else %}无应受理件{% endif %} |
| 按期办结率 | {% if n2 %}{{ "petitions.on_time_handling_rate" | figure | percent }}{% else %}无应办结件{% endif %} |
| 群众满意率 | {% if n3 %}{{ "petitions.satisfaction_rate" | figure | percent }}{% else %}无回访{% endif %} |
| 重复信访 | {{ "petitions.repeat_petitions" | figure | integer }}件 |
`,
}
