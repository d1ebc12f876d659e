/** Server messages of supervision (campaigns, key tasks, research topics), merged into the platform catalogue. */
export const supervisionMessages = {} as const
