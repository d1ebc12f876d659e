import { defineModule } from '../../http/module.js'
import { calendarRoutes } from './routes.js'

export default defineModule({
  key: 'calendar',
  routes: calendarRoutes,
  menu: [
    {
      key: 'calendar',
      path: '/calendar',
      titleZh: '工作日历',
      titleEn: 'Working days',
      icon: 'CalendarOutlined',
      order: 80,
    },
  ],
})
