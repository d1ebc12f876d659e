import './figures-provider.js'
import { defineModule } from '../../http/module.js'
import { runTaskImport, SUPERVISION_IMPORT_JOB } from './import-tasks.js'
import { supervisionRoutes } from './routes.js'

export default defineModule({
  key: 'supervision',
  routes: supervisionRoutes,
  jobs: (queue) => queue.register(SUPERVISION_IMPORT_JOB, runTaskImport),
  menu: [
    {
      key: 'supervision',
      path: '/supervision',
      titleZh: '任务督办',
      titleEn: 'Supervision',
      icon: 'ScheduleOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'school', 'auditor'],
      order: 20,
    },
  ],
})
