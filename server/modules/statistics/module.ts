import { defineModule } from '../../http/module.js'
import { runLedgerImport } from './import-apply.js'
import { STATS_IMPORT_JOB } from './import-rows.js'
import { statisticsRoutes } from './routes.js'
import { seedBuiltinLedgers } from './seed.js'

export default defineModule({
  key: 'statistics',
  routes: statisticsRoutes,
  jobs: (queue) => queue.register(STATS_IMPORT_JOB, runLedgerImport),
  seed: seedBuiltinLedgers,
  menu: [
    {
      key: 'statistics',
      path: '/statistics',
      titleZh: '统计台账',
      titleEn: 'Statistics ledgers',
      icon: 'TableOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'school', 'auditor'],
      order: 50,
    },
  ],
})
