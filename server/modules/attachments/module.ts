import { defineModule } from '../../http/module.js'
import { attachmentRoutes } from './routes.js'

export default defineModule({ key: 'attachments', routes: attachmentRoutes })
