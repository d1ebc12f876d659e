/** Messages of selections and accreditation (error codes → zh-CN / en). */
export const selectionMessages = {}
