import { defineModule } from '../../http/module.js'
import { seedBuiltinTemplates } from './builtin/index.js'
import { RENDER_JOB, runRenderJob } from './render.js'
import { reportRoutes } from './routes.js'

export default defineModule({
  key: 'reports',
  routes: reportRoutes,
  seed: seedBuiltinTemplates,
  jobs: (queue) => queue.register(RENDER_JOB, runRenderJob),
  menu: [
    {
      key: 'reports',
      path: '/reports',
      titleZh: '报告',
      titleEn: 'Reports',
      icon: 'FileTextOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'auditor'],
      order: 70,
    },
  ],
})
