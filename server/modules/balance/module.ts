import { defineModule } from '../../http/module.js'
import { registerBalanceFigures } from './figures.js'
import {
  ENROLMENT_IMPORT_JOB,
  RESOURCE_IMPORT_JOB,
  runEnrolmentImport,
  runResourceImport,
} from './import-balance.js'
import { balanceRoutes } from './routes.js'

// The indicator registry learns balance's figures when the app loads this module.
registerBalanceFigures()

export default defineModule({
  key: 'balance',
  routes: balanceRoutes,
  jobs: (queue) => {
    queue.register(RESOURCE_IMPORT_JOB, runResourceImport)
    queue.register(ENROLMENT_IMPORT_JOB, runEnrolmentImport)
  },
  menu: [
    {
      key: 'balance',
      path: '/balance',
      titleZh: '均衡发展监测',
      titleEn: 'Balance monitoring',
      icon: 'BarChartOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'school', 'auditor'],
      order: 60,
    },
  ],
})
