import { z } from 'zod'
import { defineModule } from '../../http/module.js'
import { ctxOf, sendFile, XLSX } from '../../http/request.js'
import { VoidBody } from '../org/schema.js'
import { exportUsers } from './export-users.js'
import { createUser, resetPassword, searchUsers, updateUser, voidUser } from './manage-users.js'
import {
  CreateUserBody,
  IdParams,
  ListUsersQuery,
  ResetPasswordBody,
  UpdateUserBody,
  UserView,
} from './schema.js'

const tags = ['users']

export default defineModule({
  key: 'users',
  menu: [
    {
      key: 'users',
      path: '/users',
      titleZh: '用户管理',
      titleEn: 'Users',
      icon: 'TeamOutlined',
      roles: ['admin'],
      order: 80,
    },
  ],
  routes(app) {
    app.get(
      '/api/users',
      {
        schema: {
          tags,
          querystring: ListUsersQuery,
          response: { 200: z.object({ items: z.array(UserView), total: z.number() }) },
        },
      },
      (req) => searchUsers(ctxOf(req), req.query),
    )
    app.get('/api/users/export.xlsx', { schema: { tags, querystring: ListUsersQuery } }, async (req, reply) =>
      sendFile(reply, '用户.xlsx', await exportUsers(ctxOf(req), req.query), XLSX),
    )
    app.post(
      '/api/users',
      { schema: { tags, body: CreateUserBody, response: { 201: UserView } } },
      async (req, reply) => reply.code(201).send(await createUser(ctxOf(req), req.body)),
    )
    app.patch(
      '/api/users/:id',
      { schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: UserView } } },
      (req) => updateUser(ctxOf(req), req.params.id, req.body),
    )
    app.post(
      '/api/users/:id/void',
      { schema: { tags, params: IdParams, body: VoidBody, response: { 200: UserView } } },
      (req) => voidUser(ctxOf(req), req.params.id, req.body),
    )
    app.post(
      '/api/users/:id/reset-password',
      { schema: { tags, params: IdParams, body: ResetPasswordBody } },
      (req) => resetPassword(ctxOf(req), req.params.id, req.body.password),
    )
  },
})
