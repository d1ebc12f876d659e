/** Supervision routes: thin, each validates, calls one use case, and presents. */
import { z } from 'zod'
import { cachedAnswer } from '../../http/answer-cache.js'
import type { App } from '../../http/module.js'
import { ctxOf, readUpload, sendFile, XLSX } from '../../http/request.js'
import { authorize } from '../../policies/authorize.js'
import { presentJob } from '../jobs/present.js'
import { JobView } from '../jobs/schema.js'
import { actOnTask } from './act-on-task.js'
import { addProgress } from './add-progress.js'
import { attachToNote } from './attachments.js'
import { supervisionBoard } from './board.js'
import { createCampaign, getCampaign, listCampaigns, updateCampaign, voidCampaign } from './campaigns.js'
import { changesSince } from './changes.js'
import { createTask } from './create-task.js'
import { digest } from './digest.js'
import { exportTasks } from './export-tasks.js'
import { decideExtension, listExtensions, requestExtension } from './extensions.js'
import { supervisionFigures } from './figures.js'
import { startTaskImport, taskImportTemplate } from './import-tasks.js'
import { addMilestone, updateMilestone, voidMilestone } from './milestones.js'
import { createNotice, getNotice, listNotices } from './notices.js'
import { taskOccurrences } from './occurrences.js'
import { getTask, listTasks } from './read-tasks.js'
import {
  ActionBody,
  BoardQuery,
  BoardView,
  CampaignBody,
  CampaignView,
  ChangesQuery,
  ChangesView,
  CreateTaskBody,
  DecideBody,
  DigestView,
  EXTENSION_STATUSES,
  ExtensionBody,
  ExtensionView,
  FiguresQuery,
  FiguresView,
  IdParams,
  ListNoticesQuery,
  ListTasksQuery,
  MilestoneInput,
  NoticeBody,
  NoticeView,
  OccurrencesView,
  ProgressBody,
  SettingsBody,
  SettingsView,
  TaskDetail,
  TaskSummary,
  UpdateCampaignBody,
  UpdateMilestoneBody,
  UpdateTaskBody,
  VoidBody,
} from './schema.js'
import { readSettings, updateSettings } from './settings.js'
import { updateTask } from './update-task.js'
import { voidTask } from './void-task.js'

const tags = ['supervision']
const P = '/api/supervision'

const TaskList = z.object({ items: z.array(TaskSummary), total: z.number() })

export function supervisionRoutes(app: App) {
  // Campaigns ---------------------------------------------------------------------------------
  app.get(
    `${P}/campaigns`,
    {
      schema: {
        tags,
        querystring: z.object({ includeVoided: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(CampaignView) }) },
      },
    },
    (req) => listCampaigns(ctxOf(req), req.query.includeVoided === 'true'),
  )
  app.post(
    `${P}/campaigns`,
    { schema: { tags, body: CampaignBody, response: { 201: CampaignView } } },
    async (req, reply) => reply.code(201).send(await createCampaign(ctxOf(req), req.body)),
  )
  app.get(
    `${P}/campaigns/:id`,
    { schema: { tags, params: IdParams, response: { 200: CampaignView } } },
    (req) => getCampaign(ctxOf(req), req.params.id),
  )
  app.patch(
    `${P}/campaigns/:id`,
    { schema: { tags, params: IdParams, body: UpdateCampaignBody, response: { 200: CampaignView } } },
    (req) => updateCampaign(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/campaigns/:id/void`,
    { schema: { tags, params: IdParams, body: VoidBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await voidCampaign(ctxOf(req), req.params.id, req.body.version, req.body.reason)
      return reply.code(204).send(null)
    },
  )

  // Tasks -------------------------------------------------------------------------------------
  app.get(
    `${P}/tasks`,
    {
      schema: {
        tags,
        querystring: ListTasksQuery,
        response: { 200: TaskList },
      },
    },
    (req, reply) => cachedAnswer(req, reply, TaskList, (ctx) => listTasks(ctx, req.query)),
  )
  app.get(`${P}/tasks/export.xlsx`, { schema: { tags, querystring: ListTasksQuery } }, async (req, reply) =>
    sendFile(reply, '重点工作任务.xlsx', await exportTasks(ctxOf(req), req.query), XLSX),
  )
  app.post(
    `${P}/tasks`,
    { schema: { tags, body: CreateTaskBody, response: { 201: TaskDetail } } },
    async (req, reply) => reply.code(201).send(await createTask(ctxOf(req), req.body)),
  )
  app.get(`${P}/tasks/:id`, { schema: { tags, params: IdParams, response: { 200: TaskDetail } } }, (req) =>
    getTask(ctxOf(req), req.params.id),
  )
  app.patch(
    `${P}/tasks/:id`,
    { schema: { tags, params: IdParams, body: UpdateTaskBody, response: { 200: TaskDetail } } },
    (req) => updateTask(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/tasks/:id/void`,
    { schema: { tags, params: IdParams, body: VoidBody, response: { 200: TaskDetail } } },
    (req) => voidTask(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )
  app.post(
    `${P}/tasks/:id/actions`,
    { schema: { tags, params: IdParams, body: ActionBody, response: { 200: TaskDetail } } },
    (req) => actOnTask(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/tasks/:id/progress`,
    { schema: { tags, params: IdParams, body: ProgressBody, response: { 201: TaskDetail } } },
    async (req, reply) => reply.code(201).send(await addProgress(ctxOf(req), req.params.id, req.body)),
  )
  app.post(
    `${P}/progress/:id/attachments`,
    { schema: { tags, params: IdParams, response: { 201: TaskDetail } } },
    async (req, reply) => {
      authorize(ctxOf(req).actor, 'task.write')
      const { file, fields } = await readUpload(req)
      return reply.code(201).send(await attachToNote(ctxOf(req), req.params.id, file, fields))
    },
  )
  app.post(
    `${P}/tasks/:id/milestones`,
    { schema: { tags, params: IdParams, body: MilestoneInput, response: { 201: TaskDetail } } },
    async (req, reply) => reply.code(201).send(await addMilestone(ctxOf(req), req.params.id, req.body)),
  )
  app.patch(
    `${P}/milestones/:id`,
    { schema: { tags, params: IdParams, body: UpdateMilestoneBody, response: { 200: TaskDetail } } },
    (req) => updateMilestone(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/milestones/:id/void`,
    { schema: { tags, params: IdParams, body: VoidBody, response: { 200: TaskDetail } } },
    (req) => voidMilestone(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )
  app.get(
    `${P}/tasks/:id/occurrences`,
    { schema: { tags, params: IdParams, response: { 200: OccurrencesView } } },
    (req) => taskOccurrences(ctxOf(req), req.params.id),
  )

  // Extensions --------------------------------------------------------------------------------
  app.post(
    `${P}/tasks/:id/extensions`,
    { schema: { tags, params: IdParams, body: ExtensionBody, response: { 201: ExtensionView } } },
    async (req, reply) => reply.code(201).send(await requestExtension(ctxOf(req), req.params.id, req.body)),
  )
  app.get(
    `${P}/extensions`,
    {
      schema: {
        tags,
        querystring: z.object({ status: z.enum(EXTENSION_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(ExtensionView) }) },
      },
    },
    (req) => listExtensions(ctxOf(req), req.query.status),
  )
  app.post(
    `${P}/extensions/:id/decide`,
    { schema: { tags, params: IdParams, body: DecideBody, response: { 200: ExtensionView } } },
    (req) => decideExtension(ctxOf(req), req.params.id, req.body),
  )

  // Supervision -------------------------------------------------------------------------------
  app.get(
    `${P}/overdue`,
    { schema: { tags, querystring: BoardQuery, response: { 200: BoardView } } },
    (req) => supervisionBoard(ctxOf(req), req.query),
  )
  app.get(
    `${P}/notices`,
    {
      schema: {
        tags,
        querystring: ListNoticesQuery,
        response: { 200: z.object({ items: z.array(NoticeView), total: z.number() }) },
      },
    },
    (req) => listNotices(ctxOf(req), req.query),
  )
  app.post(
    `${P}/notices`,
    { schema: { tags, body: NoticeBody, response: { 201: NoticeView } } },
    async (req, reply) => reply.code(201).send(await createNotice(ctxOf(req), req.body)),
  )
  app.get(`${P}/notices/:id`, { schema: { tags, params: IdParams, response: { 200: NoticeView } } }, (req) =>
    getNotice(ctxOf(req), req.params.id),
  )
  app.get(`${P}/digest`, { schema: { tags, response: { 200: DigestView } } }, (req) => digest(ctxOf(req)))
  app.get(
    `${P}/changes`,
    { schema: { tags, querystring: ChangesQuery, response: { 200: ChangesView } } },
    (req) => changesSince(ctxOf(req), req.query.since),
  )
  app.get(
    `${P}/figures`,
    { schema: { tags, querystring: FiguresQuery, response: { 200: FiguresView } } },
    (req) => supervisionFigures(ctxOf(req), req.query),
  )
  app.get(`${P}/settings`, { schema: { tags, response: { 200: SettingsView } } }, (req) =>
    readSettings(ctxOf(req)),
  )
  app.patch(
    `${P}/settings`,
    { schema: { tags, body: SettingsBody, response: { 200: SettingsView } } },
    (req) => updateSettings(ctxOf(req), req.body),
  )

  // Spreadsheets ------------------------------------------------------------------------------
  app.get(`${P}/import-template.xlsx`, { schema: { tags } }, async (req, reply) => {
    const ctx = ctxOf(req)
    return sendFile(reply, '重点工作任务导入模板.xlsx', await taskImportTemplate(ctx, req.locale), XLSX)
  })
  app.post(
    `${P}/import`,
    { schema: { tags, consumes: ['multipart/form-data'], response: { 202: z.object({ job: JobView }) } } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      const { file } = await readUpload(req)
      const id = await startTaskImport(ctx, file)
      return reply.code(202).send({ job: await presentJob(ctx, id) })
    },
  )
}
