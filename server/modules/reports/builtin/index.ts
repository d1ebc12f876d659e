/**
 * The built-in example templates, seeded at each start when missing (never overwritten: staff
 * may have revised them; their history keeps every version).
 */
import { type Services, SYSTEM_ACTOR } from '../../../context.js'
import { templateByKey } from '../repository.js'
import { createTemplate } from '../templates.js'
import { balanceReportTemplate } from './balance-report.js'
import { campaignTemplate } from './campaign.js'
import { petitionBulletinTemplate } from './petition-bulletin.js'

export const BUILTIN_TEMPLATES = [campaignTemplate, petitionBulletinTemplate, balanceReportTemplate]

export async function seedBuiltinTemplates(s: Services): Promise<void> {
  const ctx = { ...s, actor: SYSTEM_ACTOR, locale: 'zh-CN' as const }
  for (const t of BUILTIN_TEMPLATES)
    if (!(await templateByKey(s.db, t.key))) await createTemplate(ctx, t, { builtin: true })
}
