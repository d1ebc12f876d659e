import './figures-provider.js'
import { subscribe } from '../../events.js'
import { defineModule } from '../../http/module.js'
import { PETITION_IMPORT_JOB, runPetitionImport } from './import-cases.js'
import { recomputeOpenDeadlines } from './recompute-deadlines.js'
import { backfillPetitionerNameHashes } from './redaction-names.js'
import { petitionRoutes } from './routes.js'
import { seedTaxonomy } from './taxonomy.js'

// A calendar correction moves open deadlines, in the same transaction as the correction.
subscribe('calendar.changed', async (trx, ctx, change) => {
  await recomputeOpenDeadlines(trx, ctx, change)
})

export default defineModule({
  key: 'petitions',
  routes: petitionRoutes,
  jobs: (queue) => queue.register(PETITION_IMPORT_JOB, runPetitionImport),
  seed: async (services) => {
    await services.db.transaction().execute((trx) => seedTaxonomy(trx, services.now().toISOString()))
    await backfillPetitionerNameHashes(services)
  },
  menu: [
    {
      key: 'petitions',
      path: '/petitions',
      titleZh: '信访台账',
      titleEn: 'Petitions',
      icon: 'MessageOutlined',
      roles: ['admin', 'leader', 'department', 'county', 'school', 'auditor'],
      order: 30,
    },
  ],
})
