/**
 * The campaign summary (主题教育总结汇报) of the seed's kind, in this project's own words: one
 * paragraph per module, each figure read from the registry. Written for a year; `org` is the unit.
 */
export const campaignTemplate = {
  key: 'campaign_summary',
  title: '主题教育工作总结汇报',
  description: '汇报稿：重点任务、调查研究、检视整改、信访、统计与均衡发展，每个数字取自台账。',
  periodKind: 'year' as const,
  source: `# {{ org }}主题教育工作情况汇报

@unit {{ org }}

@date {{ today }}

主题教育开展以来，{{ org }}坚持学思想、强党性、重实践、建新功，把问题整治贯穿始终，边学习、边检视、边整改。现将{{ period }}年工作进展汇报如下。

## 一、聚焦重点任务，推动工作落地见效

**围绕{{ "supervision.aspects" | figure | integer }}个方面制定重点工作任务{{ "supervision.tasks" | figure | integer }}项。**已完成{{ "supervision.tasks_done" | figure | integer }}项，{% assign has_rate = "supervision.on_time_rate" | has_figure %}{% if has_rate %}按期完成率{{ "supervision.on_time_rate" | figure | percent }}{% endif %}{% assign overdue = "supervision.tasks_overdue" | figure %}{% if overdue > 0 %}，逾期{{ overdue | integer }}项，已逐项督办{% endif %}。

## 二、深入调查研究，找准问题症结

**领导班子围绕{{ "research.aspects" | figure | integer }}个方面确定调研课题{{ "research.topics" | figure | integer }}个。**深入{{ "research.cities_visited" | figure | integer }}个市的{{ "research.counties_visited" | figure | integer }}个县（市、区）实地调研，形成调研发现{{ "research.findings" | figure | integer }}条，其中{{ "research.findings_to_problems" | figure | integer }}条转为整改问题。

## 三、坚持边查边改，抓好检视整改

**检视问题{{ "rectification.problems" | figure | integer }}个，已整改销号{{ "rectification.problems_signed_off" | figure | integer }}个{% assign has_rate = "rectification.rate" | has_figure %}{% if has_rate %}，整改率{{ "rectification.rate" | figure | percent }}{% endif %}。**其中立行立改{{ "rectification.fixed_at_once" | figure | integer }}个。查处师德师风问题{{ "rectification.ethics_cases" | figure | integer }}件，通报典型案例{{ "rectification.ethics_published" | figure | integer }}件。

## 四、解决急难愁盼，推动信访积案化解

**全年受理信访事项{{ "petitions.received" | figure | integer }}件。**{% assign has_stock = "petitions.stock_resolution_rate" | has_figure %}{% if has_stock %}存量{{ "petitions.stock_at_cutoff" | figure | integer }}件，已化解{{ "petitions.stock_resolved" | figure | integer }}件，化解率{{ "petitions.stock_resolution_rate" | figure | percent }}；{% endif %}{% assign has_notice = "petitions.on_time_notice_rate" | has_figure %}{% if has_notice %}按期受理率{{ "petitions.on_time_notice_rate" | figure | percent }}，{% endif %}{% assign has_handling = "petitions.on_time_handling_rate" | has_figure %}{% if has_handling %}按期办结率{{ "petitions.on_time_handling_rate" | figure | percent }}，{% endif %}{% assign has_satisfaction = "petitions.satisfaction_rate" | has_figure %}{% if has_satisfaction %}群众满意率{{ "petitions.satisfaction_rate" | figure | percent }}，{% endif %}当前在办{{ "petitions.open_now" | figure | integer }}件。

## 五、服务发展大局，提升教育服务能力

**全市高校科技成果转化合同{{ "stats.tech_transfer_contracts" | figure | integer }}项、金额{{ "stats.tech_transfer_amount" | figure | money: "亿元" }}。**比上年分别{{ "stats.tech_transfer_contracts" | delta | change: "项" }}、{{ "stats.tech_transfer_amount" | delta | change_money: "亿元" }}。举办招聘会{{ "stats.job_fairs" | figure | integer }}场，参会用人单位{{ "stats.job_fair_employers" | figure | about }}家，提供岗位{{ "stats.job_fair_positions" | figure | about }}个。

## 六、促进教育公平，推进均衡发展

**新增普惠学位{{ "balance.new_inclusive_places" | figure | grouped }}个{% assign has_cov = "balance.preschool_inclusive_coverage" | has_figure %}{% if has_cov %}，普惠性幼儿园覆盖率{{ "balance.preschool_inclusive_coverage" | figure | percent }}{% endif %}。**{% assign rose = "balance.counties_composite_rose" | figure %}{% if rose > 0 %}{% assign rose_names = "balance.counties_composite_rose" | items %}监测发现{{ rose | integer }}个县（市、区）基本均衡综合差异系数增大（{% for c in rose_names %}{{ c }}{% unless forloop.last %}、{% endunless %}{% endfor %}），已列入整改。{% else %}各县（市、区）基本均衡综合差异系数均未增大。{% endif %}

下一步，我们将巩固拓展主题教育成果，以钉钉子精神抓好问题整改，推动教育高质量发展。
`,
}
