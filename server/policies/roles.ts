/**
 * Who may do what. One table, read by `authorize`; the route matrix test walks it.
 * Scope (which subtree) is checked separately by `assertInScope`.
 */
export const ROLES = ['admin', 'leader', 'department', 'county', 'school', 'expert', 'auditor'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  leader: { zh: '局领导', en: 'Leader' },
  department: { zh: '处室', en: 'Department' },
  county: { zh: '区县教育局', en: 'County bureau' },
  school: { zh: '学校', en: 'School' },
  expert: { zh: '评审专家', en: 'Expert' },
  auditor: { zh: '审计监督', en: 'Auditor' },
}

export type Permission =
  | 'org.read'
  | 'org.write'
  | 'user.read'
  | 'user.write'
  | 'audit.read'
  | 'job.read'
  | 'calendar.write'
  /** Petition cases in scope, personal data masked. */
  | 'petition.read'
  /** Register cases and move them through their stages. */
  | 'petition.write'
  /** See a petitioner's full name, ID number, phone and address (each view audited). */
  | 'petition.personal'
  /** The taxonomy, campaigns and resolution plans. */
  | 'petition.config'
  /** Supervision: campaigns, key tasks, progress, research topics (issue 3). */
  | 'task.read'
  | 'task.write'
  /** Approve or refuse deadline extensions; send supervision notices. */
  | 'task.approve'
  /** Problems found and their rectification. */
  | 'problem.read'
  | 'problem.write'
  /** Sign a rectified problem off (销号): never the problem's own owner. */
  | 'problem.signoff'
  /** Teacher-ethics cases: masked reading, writing, and the teacher's personal data (audited). */
  | 'ethics.read'
  | 'ethics.write'
  | 'ethics.personal'
  /** Statistics ledgers (issue 5): read rows in scope; enter and submit rows for one's own unit. */
  | 'stats.read'
  | 'stats.write'
  /** Approve or return units' submissions (the owning department). */
  | 'stats.approve'
  /** Define ledgers: columns, rules, who submits (administrators). */
  | 'stats.config'
  /** The indicator registry: read figures; define indicators, targets and manual values. */
  | 'indicator.read'
  | 'indicator.config'
  /** Balance monitoring: read coefficients; enter school resource data. */
  | 'balance.read'
  | 'balance.write'
  /** Reports: render and read reports and their public copies; write templates (issue 6). */
  | 'report.read'
  | 'report.write'
  /** The reviewed list of sensitive terms masked in public copies. */
  | 'report.config'
  /** Selections and accreditation (issue 7): read programmes and published results in scope. */
  | 'selection.read'
  /** Run programmes: rubrics, the expert pool, assignment, ranking, notice (the owning department). */
  | 'selection.manage'
  /** Approve a programme's decision before its public notice (a leader). */
  | 'selection.approve'
  /** Apply for one's own unit (schools and universities; counties on behalf of their schools). */
  | 'selection.apply'
  /** Score the applications assigned to oneself (experts only). */
  | 'selection.review'

const grants: Record<Role, readonly Permission[]> = {
  // The system administrator configures; he reads cases masked and never sees petitioners in full.
  admin: [
    'org.read',
    'org.write',
    'user.read',
    'user.write',
    'audit.read',
    'job.read',
    'calendar.write',
    'petition.read',
    'petition.config',
    'task.read',
    'problem.read',
    'ethics.read',
    'stats.read',
    'stats.config',
    'indicator.read',
    'indicator.config',
    'balance.read',
    'report.read',
    'report.config',
    'selection.read',
  ],
  // Leaders take cases (包案) and must be able to call the petitioner.
  leader: [
    'org.read',
    'job.read',
    'petition.read',
    'petition.personal',
    'task.read',
    'task.approve',
    'problem.read',
    'problem.signoff',
    'ethics.read',
    'ethics.personal',
    'stats.read',
    'indicator.read',
    'balance.read',
    'report.read',
    'selection.read',
    'selection.approve',
  ],
  // Departments include the petition office (信访办), which keeps the ledger.
  department: [
    'org.read',
    'job.read',
    'petition.read',
    'petition.write',
    'petition.personal',
    'petition.config',
    'task.read',
    'task.write',
    'problem.read',
    'problem.write',
    'problem.signoff',
    'ethics.read',
    'ethics.write',
    'ethics.personal',
    'stats.read',
    'stats.write',
    'stats.approve',
    'indicator.read',
    'indicator.config',
    'balance.read',
    'balance.write',
    'report.read',
    'report.write',
    'report.config',
    'selection.read',
    'selection.manage',
  ],
  // A county bureau keeps its own schools' records: it may add and edit units below its own.
  county: [
    'org.read',
    'org.write',
    'job.read',
    'petition.read',
    'petition.write',
    'petition.personal',
    'task.read',
    'task.write',
    'problem.read',
    'problem.write',
    'ethics.read',
    'ethics.write',
    'ethics.personal',
    'stats.read',
    'stats.write',
    'indicator.read',
    'balance.read',
    'balance.write',
    'report.read',
    'report.write',
    'selection.read',
    'selection.apply',
  ],
  // A school sees the cases it is responsible for, masked.
  school: [
    'org.read',
    'job.read',
    'petition.read',
    'task.read',
    'problem.read',
    'stats.read',
    'stats.write',
    'indicator.read',
    'balance.read',
    'balance.write',
    'selection.read',
    'selection.apply',
  ],
  // Experts see only what is assigned to them (selections module); no org browsing beyond names.
  expert: ['job.read', 'selection.review'],
  auditor: [
    'org.read',
    'user.read',
    'audit.read',
    'job.read',
    'petition.read',
    'task.read',
    'problem.read',
    'ethics.read',
    'stats.read',
    'indicator.read',
    'balance.read',
    'report.read',
    'selection.read',
  ],
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission)
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
