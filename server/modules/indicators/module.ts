import { defineModule } from '../../http/module.js'
import { seedBuiltinIndicators } from './builtin.js'
import { indicatorRoutes } from './routes.js'

export default defineModule({
  key: 'indicators',
  routes: indicatorRoutes,
  seed: seedBuiltinIndicators,
  menu: [
    {
      key: 'indicators',
      path: '/indicators',
      titleZh: '指标库',
      titleEn: 'Indicators',
      icon: 'FundOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'school', 'auditor'],
      order: 60,
    },
  ],
})
