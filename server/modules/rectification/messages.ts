/** Server messages of problems, rectification and teacher-ethics cases, merged into the platform catalogue. */
export const rectificationMessages = {} as const
