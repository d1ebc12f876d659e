import './figures-provider.js'
import './application-files.js'
import { defineModule } from '../../http/module.js'
import { selectionRoutes } from './routes.js'

export default defineModule({
  key: 'selections',
  routes: selectionRoutes,
  menu: [
    {
      key: 'selections',
      path: '/selections',
      titleZh: '遴选评审',
      titleEn: 'Selections',
      icon: 'TrophyOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'school', 'auditor'],
      order: 45,
    },
    {
      key: 'selection-reviews',
      path: '/selections/reviews',
      titleZh: '我的评审',
      titleEn: 'My reviews',
      icon: 'AuditOutlined',
      roles: ['expert'],
      order: 46,
    },
  ],
})
