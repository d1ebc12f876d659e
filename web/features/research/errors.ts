import { ApiError } from '../../app/api'

/**
 * The same error with list items' field errors (`plannedUnitIds.2`) put on the list's own form
 * item, so they show under it rather than in a message.
 */
export function onListFields(err: unknown, lists: readonly string[]): unknown {
  if (!(err instanceof ApiError)) return err
  const fields = err.fields.map((f) => {
    const list = lists.find((l) => f.field.startsWith(`${l}.`))
    return list ? { ...f, field: list } : f
  })
  return new ApiError(err.status, err.code, err.message, fields, err.currentVersion)
}
