/** A 409 that carries no current version: the server refuses the step, the data is not stale. */
import { ApiError } from '../../app/api'

export const isRefusal = (err: unknown): err is ApiError =>
  err instanceof ApiError && err.status === 409 && err.currentVersion === undefined
