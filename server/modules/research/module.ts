import './figures-provider.js'
import { defineModule } from '../../http/module.js'
import { RESEARCH_IMPORT_JOB, runTopicImport } from './import-topics.js'
import { researchRoutes } from './routes.js'

export default defineModule({
  key: 'research',
  routes: researchRoutes,
  jobs: (queue) => queue.register(RESEARCH_IMPORT_JOB, runTopicImport),
  menu: [
    {
      key: 'research',
      path: '/research',
      titleZh: '调研课题',
      titleEn: 'Research topics',
      icon: 'ExperimentOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'school', 'auditor'],
      order: 30,
    },
  ],
})
