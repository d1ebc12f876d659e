import { defineModule } from '../../http/module.js'
import { ORG_IMPORT_JOB, runOrgImport } from './import-org-units.js'
import { orgRoutes } from './routes.js'

export default defineModule({
  key: 'org',
  routes: orgRoutes,
  jobs: (queue) => queue.register(ORG_IMPORT_JOB, runOrgImport),
  menu: [
    {
      key: 'org',
      path: '/org',
      titleZh: '组织机构',
      titleEn: 'Organisation',
      icon: 'ApartmentOutlined',
      // Everyone with org.read; an expert, who has not, landed on a page that answered 403.
      roles: ['admin', 'leader', 'department', 'county', 'school', 'auditor'],
      order: 10,
    },
  ],
})
