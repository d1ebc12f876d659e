/** Messages of selections and accreditation (error codes → zh-CN / en). */
export const selectionMessages = {
  selection_wrong_status: {
    'zh-CN': '项目当前为“{statusZh}”，不能进行此操作',
    en: 'The programme is {statusEn}: this cannot be done now',
  },
  selection_rubric_weights_sum: {
    'zh-CN': '评审细则“{path}”下各项分值之和应为 {expected}，现为 {actual}',
    en: 'The weights under “{path}” must add up to {expected}; they add up to {actual}',
  },
  selection_rubric_max_missing: {
    'zh-CN': '末级指标“{path}”须填写评分满分',
    en: 'The leaf criterion “{path}” needs the maximum score experts grade it on',
  },
  selection_rubric_duplicate_key: {
    'zh-CN': '指标编号“{path}”重复',
    en: 'The criterion key “{path}” is used twice',
  },
  selection_rubric_weight_negative: {
    'zh-CN': '指标“{path}”的分值不能为负数',
    en: 'The weight of “{path}” cannot be negative',
  },
  selection_rubric_too_many: {
    'zh-CN': '末级指标不能超过 {max} 项',
    en: 'A rubric can have at most {max} leaf criteria',
  },
  selection_unit_out_of_scope: {
    'zh-CN': '所选单位不在您的管辖范围内',
    en: 'The chosen unit is outside your scope',
  },
  selection_closes_before_opens: {
    'zh-CN': '申报截止日期不能早于开始日期（{opens}）',
    en: 'Applications cannot close before they open ({opens})',
  },
  selection_quota_required: { 'zh-CN': '遴选项目须填写名额', en: 'A selection needs its number of places' },
  selection_pass_mark_required: {
    'zh-CN': '评估认定项目须填写认定分数线',
    en: 'An accreditation needs its pass mark',
  },
  selection_pass_mark_above_total: {
    'zh-CN': '认定分数线不能高于评审细则总分（{total}）',
    en: 'The pass mark cannot exceed the rubric’s total ({total})',
  },
  selection_material_duplicate: {
    'zh-CN': '申报材料“{name}”重复',
    en: 'The material “{name}” is listed twice',
  },
  selection_not_open: {
    'zh-CN': '不在申报时间内（{opens} 至 {closes}）',
    en: 'Applications are not accepted now ({opens} to {closes})',
  },
  selection_unit_not_eligible: {
    'zh-CN': '“{name}”不属于本项目的申报对象',
    en: '“{name}” is not among the units this programme accepts',
  },
  selection_already_applied: {
    'zh-CN': '“{name}”已申报本项目，不能重复申报',
    en: '“{name}” has already applied to this programme',
  },
  selection_application_not_draft: {
    'zh-CN': '申报已提交，不能再修改',
    en: 'The application has been submitted and can no longer change',
  },
  selection_incomplete: {
    'zh-CN': '申报材料不齐全，缺少：{names}',
    en: 'The application is incomplete; missing: {names}',
  },
  selection_material_missing: { 'zh-CN': '请上传“{name}”', en: 'Please upload “{name}”' },
  selection_application_withdrawn: { 'zh-CN': '申报已撤回', en: 'The application has been withdrawn' },
  selection_withdraw_closed: {
    'zh-CN': '申报已截止（{closes}），不能撤回',
    en: 'Applications closed ({closes}): it can no longer be withdrawn',
  },
  selection_material_unknown: {
    'zh-CN': '“{name}”不是本项目要求的申报材料',
    en: '“{name}” is not one of the materials this programme asks for',
  },
  selection_not_expert_user: {
    'zh-CN': '请选择评审专家角色的账号',
    en: 'Choose an account with the expert role',
  },
  selection_expert_exists: { 'zh-CN': '该专家已在专家库中', en: 'This expert is already in the pool' },
  selection_application_not_submitted: {
    'zh-CN': '该申报未提交，不能分配专家',
    en: 'The application was not submitted: no expert can be assigned',
  },
  selection_conflict_same_unit: {
    'zh-CN': '该专家与申报单位为同一单位，应当回避',
    en: 'The expert works at the applying unit and must stand aside',
  },
  selection_conflict_related_unit: {
    'zh-CN': '该专家所在单位与申报单位存在隶属关系，应当回避',
    en: 'The expert’s unit is above or below the applying unit: he must stand aside',
  },
  selection_conflict_declared: {
    'zh-CN': '该专家已申明与申报单位存在利益关系，应当回避',
    en: 'The expert declared a conflict of interest with the applying unit',
  },
  selection_expert_already_assigned: {
    'zh-CN': '专家“{name}”已分配评审该申报',
    en: 'The expert “{name}” already reviews this application',
  },
  selection_unknown_criterion: {
    'zh-CN': '评审细则中没有该末级指标',
    en: 'The rubric has no such leaf criterion',
  },
  selection_score_above_max: {
    'zh-CN': '“{title}”的评分不能超过 {max}',
    en: 'The score for “{title}” cannot exceed {max}',
  },
  selection_review_submitted: {
    'zh-CN': '评分已提交，不能再修改',
    en: 'The scores have been submitted and can no longer change',
  },
  selection_scores_missing: {
    'zh-CN': '还有指标未评分：{titles}',
    en: 'Some criteria are not scored yet: {titles}',
  },
  selection_score_missing: { 'zh-CN': '请为“{title}”评分', en: 'Please score “{title}”' },
  selection_reason_required: { 'zh-CN': '请填写退回原因', en: 'Please give the reason for returning it' },
  selection_notice_before_approval: {
    'zh-CN': '公示日期不能早于审定日期（{approved}）',
    en: 'The notice cannot start before the approval ({approved})',
  },
  selection_notice_running: {
    'zh-CN': '公示期至 {ends} 结束，期满后方可确定名单',
    en: 'The public notice runs until {ends}: the list can be made final after it',
  },
  selection_objections_open: {
    'zh-CN': '还有 {n} 条异议未答复，答复后方可确定名单',
    en: '{n} objections are not answered yet: answer them before making the list final',
  },
  selection_notice_closed: {
    'zh-CN': '公示期已于 {ends} 结束，不能再提出异议',
    en: 'The public notice ended on {ends}: objections are no longer accepted',
  },
  selection_not_decided: {
    'zh-CN': '项目尚未确定评审结果，暂无名单',
    en: 'The programme has no decided list yet',
  },
}
