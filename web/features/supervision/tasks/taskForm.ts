/** The task form's values and the request bodies made from them (dates as YYYY-MM-DD, text trimmed). */
import dayjs, { type Dayjs } from 'dayjs'
import { fromIso, toIso } from '../../petitions/dates'
import type { Recurrence, TaskDetail, TaskInput, TaskSummary, TaskUpdate } from '../types'

export interface TaskFormValues {
  campaignId: number
  aspectId: number
  title: string
  description?: string
  leadUnitId: number
  coUnitIds?: number[]
  leader?: string
  startsOn: Dayjs
  deadline: Dayjs
  weight: number
  recurring?: boolean
  recurrence?: Recurrence
  milestones?: { title: string; dueOn: Dayjs; weight: number }[]
}

/** A monthly duty falls due on the 25th unless the user picks another day. */
const DEFAULT_RECURRENCE: Recurrence = { day: 25 }

export function editValues(task: TaskDetail): Partial<TaskFormValues> {
  return {
    campaignId: task.campaignId,
    aspectId: task.aspectId,
    title: task.title,
    description: task.description,
    leadUnitId: task.leadUnitId,
    coUnitIds: task.coUnits.map((u) => u.id),
    leader: task.leader ?? undefined,
    startsOn: fromIso(task.startsOn),
    deadline: fromIso(task.deadline),
    weight: task.weight,
    recurring: task.recurrence !== null,
    recurrence: task.recurrence ?? DEFAULT_RECURRENCE,
  }
}

export function newValues(o: {
  campaignId: number | undefined
  parent: TaskSummary | undefined
  leadUnitId: number
  today: string
}): Partial<TaskFormValues> {
  return {
    campaignId: o.campaignId,
    aspectId: o.parent?.aspectId,
    leadUnitId: o.leadUnitId,
    coUnitIds: [],
    startsOn: dayjs(o.today),
    weight: 1,
    recurring: false,
    recurrence: DEFAULT_RECURRENCE,
    milestones: [],
  }
}

function common(v: TaskFormValues) {
  return {
    aspectId: v.aspectId,
    title: v.title.trim(),
    description: v.description?.trim() ?? '',
    leadUnitId: v.leadUnitId,
    coUnitIds: v.coUnitIds ?? [],
    startsOn: toIso(v.startsOn) ?? '',
    weight: v.weight,
  }
}

export function createBody(v: TaskFormValues, parent: TaskSummary | undefined): TaskInput {
  return {
    ...common(v),
    campaignId: v.campaignId,
    parentId: parent?.id,
    leader: v.leader?.trim() || undefined,
    deadline: toIso(v.deadline) ?? '',
    recurrence: v.recurring && v.recurrence ? v.recurrence : undefined,
    milestones: (v.milestones ?? []).map((m) => ({
      title: m.title.trim(),
      dueOn: toIso(m.dueOn) ?? '',
      weight: m.weight,
    })),
  }
}

/** `deadlineLocked`: a started task's deadline is left out (it moves by an approved extension). */
export function updateBody(v: TaskFormValues, deadlineLocked: boolean): TaskUpdate {
  return {
    ...common(v),
    leader: v.leader?.trim() || null,
    ...(deadlineLocked ? {} : { deadline: toIso(v.deadline) }),
    recurrence: v.recurring && v.recurrence ? v.recurrence : null,
  }
}
