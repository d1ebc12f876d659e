/** Messages of the attachments module. */
export const attachmentMessages = {
  attachment_corrupt: {
    'zh-CN': '该附件已损坏（内容与存档校验值不符），请联系管理员',
    en: 'This attachment is damaged (its content no longer matches the stored checksum); contact your admin',
  },
} as const
