/** Server messages of supervision (campaigns, key tasks, research topics), merged into the platform catalogue. */
export const supervisionMessages = {
  supervision_illegal_transition: {
    'zh-CN': '任务当前为“{statusZh}”，不能执行“{actionZh}”',
    en: 'A task that is {status} cannot be {action}ed',
  },
  supervision_reason_required: { 'zh-CN': '请填写理由', en: 'Please give the reason' },
  supervision_date_future: { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be in the future' },
  supervision_date_past: { 'zh-CN': '日期不能早于今天', en: 'The date cannot be in the past' },
  supervision_deadline_before_start: {
    'zh-CN': '完成时限不能早于开始日期（{start}）',
    en: 'The deadline cannot be before the start ({start})',
  },
  supervision_deadline_locked: {
    'zh-CN': '任务已启动，完成时限只能通过延期申请调整',
    en: 'The task has started: its deadline moves only by an approved extension',
  },
  supervision_aspect_not_in_campaign: {
    'zh-CN': '所选方面不属于该活动',
    en: 'The aspect does not belong to the campaign',
  },
  supervision_aspect_taken: {
    'zh-CN': '方面“{name}”重复',
    en: 'The aspect "{name}" is listed twice',
  },
  supervision_aspect_in_use: {
    'zh-CN': '方面“{name}”下还有任务，不能删除',
    en: 'The aspect "{name}" still has tasks and cannot be removed',
  },
  supervision_campaign_dates: {
    'zh-CN': '结束日期不能早于开始日期（{start}）',
    en: 'The end cannot be before the start ({start})',
  },
  supervision_campaign_owner_only: {
    'zh-CN': '只有主办单位可以修改该活动',
    en: 'Only the unit running the campaign may change it',
  },
  supervision_campaign_has_tasks: {
    'zh-CN': '该活动下还有 {count} 项任务，请先作废任务',
    en: 'The campaign still has {count} tasks; void them first',
  },
  supervision_parent_invalid: {
    'zh-CN': '上级任务须属于同一活动，且不能是本任务或其下级任务',
    en: 'The parent task must be in the same campaign and not the task itself or one of its sub-tasks',
  },
  supervision_has_children: {
    'zh-CN': '该任务还有 {count} 项子任务，请先作废子任务',
    en: 'The task still has {count} sub-tasks; void them first',
  },
  supervision_unit_out_of_scope: {
    'zh-CN': '所选单位不在您的管辖范围内',
    en: 'The chosen unit is outside your scope',
  },
  supervision_unit_not_on_task: {
    'zh-CN': '报送单位须是本任务的牵头或配合单位，且在您的管辖范围内',
    en: 'The reporting unit must be the task’s lead or co-unit, within your scope',
  },
  supervision_lead_only: {
    'zh-CN': '只有牵头单位可以修改任务本身；配合单位可报送进展或申请延期',
    en: 'Only the lead unit may change the task itself; co-units report progress or ask for more time',
  },
  supervision_task_closed: {
    'zh-CN': '任务当前为“{statusZh}”，不能再执行此操作',
    en: 'The task is {status}; this is no longer possible',
  },
  supervision_extension_not_later: {
    'zh-CN': '新的完成时限须晚于现有时限（{deadline}）',
    en: 'The new deadline must be after the current one ({deadline})',
  },
  supervision_extension_pending: {
    'zh-CN': '该任务已有待审批的延期申请',
    en: 'The task already has an extension request awaiting a decision',
  },
  supervision_extension_decided: {
    'zh-CN': '该延期申请已处理',
    en: 'This extension request has already been decided',
  },
  supervision_thresholds: {
    'zh-CN': '局领导督办天数须大于单位领导督办天数（{unitDays}）',
    en: 'The bureau threshold must be greater than the unit threshold ({unitDays})',
  },
  supervision_notice_no_tasks: {
    'zh-CN': '该单位没有需要督办的逾期任务',
    en: 'The unit leads no overdue task to chase',
  },
  supervision_notice_task_mismatch: {
    'zh-CN': '该任务不是所选单位牵头的未完成任务',
    en: 'This task is not an open task led by the chosen unit',
  },
  supervision_import_unknown_campaign: {
    'zh-CN': '找不到名为“{value}”的活动，请先在系统中建立',
    en: 'No campaign named "{value}"; set it up first',
  },
  supervision_import_ambiguous_campaign: {
    'zh-CN': '有多个名为“{value}”的活动，无法确定',
    en: 'Several campaigns are named "{value}"',
  },
  supervision_import_unknown_aspect: {
    'zh-CN': '“{value}”不是活动“{campaign}”的方面',
    en: '"{value}" is not an aspect of "{campaign}"',
  },
  supervision_import_unknown_unit: {
    'zh-CN': '找不到单位“{value}”（或不在您的管辖范围内）',
    en: 'No unit named "{value}" within your scope',
  },
  supervision_import_ambiguous_unit: {
    'zh-CN': '有多个单位名为“{value}”，请写全称',
    en: 'Several units are named "{value}"; write the full name',
  },
  supervision_import_ambiguous_task: {
    'zh-CN': '该活动下已有多项名为“{value}”的任务，无法确定更新哪一项',
    en: 'Several tasks of the campaign are named "{value}"',
  },
  supervision_import_not_lead: {
    'zh-CN': '任务“{value}”已存在，且牵头单位不在您的管辖范围内',
    en: 'The task "{value}" exists and its lead unit is outside your scope',
  },
  supervision_import_deadline_locked: {
    'zh-CN': '任务已启动，完成时限（{deadline}）只能通过延期申请调整',
    en: 'The task has started: its deadline ({deadline}) moves only by an approved extension',
  },
} as const
