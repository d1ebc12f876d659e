/** Messages of the research-topic module (error codes → zh-CN / en). */
export const researchMessages = {} as const
