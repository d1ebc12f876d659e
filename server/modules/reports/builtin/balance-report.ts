/** The balance-monitoring report (义务教育均衡发展监测报告): coefficients and preschool coverage. */
export const balanceReportTemplate = {
  key: 'balance_monitoring',
  title: '义务教育均衡发展监测报告',
  description: '年度监测：综合差异系数增大的县、未达标县、学前普惠。',
  periodKind: 'year' as const,
  source: `# {{ year }}年度义务教育均衡发展监测报告

@unit {{ org }}

@date {{ today }}

## 一、基本均衡

{% assign rose = "balance.counties_composite_rose" | figure %}**{{ rose | integer }}个县（市、区）基本均衡综合差异系数较上年增大。**{% if rose > 0 %}{% assign rose_names = "balance.counties_composite_rose" | items %}分别是{% for c in rose_names %}{{ c }}{% unless forloop.last %}、{% endunless %}{% endfor %}。{% endif %}其中小学{{ "balance.counties_composite_rose_primary" | figure | integer }}个、初中{{ "balance.counties_composite_rose_junior" | figure | integer }}个；综合差异系数超过标准的县（市、区）{{ "balance.counties_failing_composite" | figure | integer }}个。

## 二、优质均衡

按2017年优质均衡标准，仍有{{ "balance.counties_failing_2017" | figure | integer }}个县（市、区）存在差异系数超标或学校指标达标不足。

## 三、学前教育

在园幼儿{{ "balance.preschool_children" | figure | grouped }}人，普惠性幼儿园覆盖率{{ "balance.preschool_inclusive_coverage" | figure | percent }}，公办园在园幼儿占比{{ "balance.preschool_public_share" | figure | percent }}，新增普惠学位{{ "balance.new_inclusive_places" | figure | grouped }}个。
`,
}
