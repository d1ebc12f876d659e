/** Messages of the statistics module (error codes → zh-CN / en). */
export const statisticsMessages = {}
