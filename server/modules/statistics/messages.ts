/** Messages of the statistics module (error codes → zh-CN / en). */
export const statisticsMessages = {
  stats_unknown_ledger: { 'zh-CN': '找不到该统计台账', en: 'No such statistics ledger' },
  stats_key_format: {
    'zh-CN': '标识只能用小写字母、数字和下划线，并以字母开头',
    en: 'Keys use lower-case letters, digits and underscores, starting with a letter',
  },
  stats_key_taken_ledger: { 'zh-CN': '台账标识 {key} 已被使用', en: 'Ledger key {key} is already taken' },
  stats_column_duplicate: { 'zh-CN': '列标识 {key} 重复', en: 'Column key {key} is used twice' },
  stats_enum_needs_options: {
    'zh-CN': '选项列至少要有一个选项',
    en: 'A choice column needs at least one option',
  },
  stats_enum_duplicate: { 'zh-CN': '选项值重复', en: 'Option values repeat' },
  stats_options_only_enum: { 'zh-CN': '只有选项列可以设置选项', en: 'Only choice columns have options' },
  stats_derive_invalid: {
    'zh-CN': '自动判断只适用于“是/否”列，且依据的列须为文字列',
    en: 'Derivation applies to yes/no columns, from a text column',
  },
  stats_role_column: {
    'zh-CN': '列 {column} 不存在或类型不是 {type}',
    en: 'Column {column} does not exist or is not of type {type}',
  },
  stats_unknown_column: { 'zh-CN': '没有列 {column}', en: 'No column {column}' },
  stats_key_column_required: {
    'zh-CN': '关键列“{column}”必须设为必填',
    en: 'Key column “{column}” must be required',
  },
  stats_column_retype: {
    'zh-CN': '列“{column}”已有数据，不能从 {from} 改为 {to}（可以改名）',
    en: 'Column “{column}” holds data: it cannot change from {from} to {to} (it can be renamed)',
  },
  stats_too_many_columns: {
    'zh-CN': '此类列最多 {max} 个，“{column}”放不下',
    en: 'At most {max} columns of this kind: “{column}” does not fit',
  },
  stats_percent_range: {
    'zh-CN': '百分比应在 0 到 100 之间（填的是 {value}）',
    en: 'A percentage is 0–100 (got {value})',
  },
  stats_period_required: {
    'zh-CN': '请指定所属期间（如 2023、2023-Q2、2023-05）',
    en: 'Give the period (e.g. 2023, 2023-Q2, 2023-05)',
  },
  stats_date_outside_period: {
    'zh-CN': '日期不在所属期间 {period} 内',
    en: 'The date is outside the period {period}',
  },
  stats_org_out_of_scope: {
    'zh-CN': '所选单位不存在或不在您的管辖范围内',
    en: 'The unit does not exist or is outside your scope',
  },
  stats_org_unknown: {
    'zh-CN': '在您的管辖范围内找不到单位“{value}”',
    en: 'No unit named “{value}” in your scope',
  },
  stats_org_ambiguous: {
    'zh-CN': '有多个单位名为“{value}”，请写全称',
    en: 'Several units are named “{value}”',
  },
  stats_unit_not_submitter: {
    'zh-CN': '“{unit}”不是该台账的填报单位',
    en: '“{unit}” does not submit this ledger',
  },
  stats_unique_taken: {
    'zh-CN': '“{column}”的值“{value}”已被其他记录使用',
    en: 'The value “{value}” of “{column}” is used by another row',
  },
  stats_key_taken: {
    'zh-CN': '已有相同关键信息的记录（编号 {id}），请修改该记录',
    en: 'A row with the same key exists (no. {id}): edit that row',
  },
  stats_key_other_unit: {
    'zh-CN': '相同关键信息的记录属于其他单位，不能由本单位导入覆盖',
    en: 'A row with the same key belongs to another unit: it cannot be overwritten from here',
  },
  stats_import_duplicate_key: {
    'zh-CN': '与 {first} 行的关键信息重复',
    en: 'Same key as row {first}',
  },
  stats_import_mapping: { 'zh-CN': '列对应关系格式不正确', en: 'The column mapping is malformed' },
  stats_submission_locked: {
    'zh-CN': '{period} 的数据已报送或已审核，不能修改；如需修改请联系审核处室退回',
    en: 'The data for {period} is submitted or approved: ask the approving department to return it first',
  },
  stats_submission_locked_row: {
    'zh-CN': '{period} 的数据已报送或已审核，不能导入修改',
    en: 'The data for {period} is submitted or approved and cannot be changed by import',
  },
  stats_row_voided: { 'zh-CN': '该记录已作废', en: 'This row is voided' },
  stats_not_approver: {
    'zh-CN': '只有台账主管处室可以审核',
    en: 'Only the ledger’s owning department approves',
  },
  stats_illegal_transition: {
    'zh-CN': '当前状态（{from}）下不能执行该操作',
    en: 'This cannot be done in the current status ({from})',
  },
  stats_column_needed: { 'zh-CN': '{fn} 需要指定列', en: '{fn} needs a column' },
  stats_fn_type: {
    'zh-CN': '不能对“{column}”（{type}）求 {fn}',
    en: '{fn} does not apply to “{column}” ({type})',
  },
  stats_filter_value: {
    'zh-CN': '“{column}”的筛选条件 {op} 的值不正确',
    en: 'The value of filter {op} on “{column}” is not valid',
  },
} as const
