import './figures-provider.js'
import { defineModule } from '../../http/module.js'
import { ETHICS_IMPORT_JOB, runEthicsImport } from './import-ethics.js'
import { PROBLEM_IMPORT_JOB, runProblemImport } from './import-problems.js'
import {
  CATEGORIES,
  DEFAULT_CATEGORIES,
  DEFAULT_VIOLATION_TYPES,
  seedItems,
  VIOLATION_TYPES,
} from './lists.js'
import { backfillTeacherNameHashes } from './redaction-names.js'
import { rectificationRoutes } from './routes.js'

export default defineModule({
  key: 'rectification',
  routes: rectificationRoutes,
  jobs: (queue) => {
    queue.register(PROBLEM_IMPORT_JOB, runProblemImport)
    queue.register(ETHICS_IMPORT_JOB, runEthicsImport)
  },
  seed: async (services) => {
    await services.db.transaction().execute(async (trx) => {
      const at = services.now().toISOString()
      await seedItems(trx, CATEGORIES, DEFAULT_CATEGORIES, at)
      await seedItems(trx, VIOLATION_TYPES, DEFAULT_VIOLATION_TYPES, at)
    })
    await backfillTeacherNameHashes(services)
  },
  menu: [
    {
      key: 'rectification',
      path: '/rectification',
      titleZh: '检视整改',
      titleEn: 'Rectification',
      icon: 'SafetyCertificateOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'school', 'auditor'],
      order: 40,
    },
    {
      key: 'ethics',
      path: '/ethics',
      titleZh: '师德师风',
      titleEn: 'Teacher ethics',
      icon: 'SolutionOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'auditor'],
      order: 45,
    },
  ],
})
