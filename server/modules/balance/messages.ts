/** Messages of the balance module (error codes → zh-CN / en). */
export const balanceMessages = {}
