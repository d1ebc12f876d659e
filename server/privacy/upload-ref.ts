/**
 * How an upload is named in the audit log and in records' histories: by a short content hash, not
 * by its file name. Clerks name files after the person concerned (「张三来访登记.xlsx」), and the
 * audit chain is never erased, so a name there would outlive every retention period. The hash
 * still ties a change to the file it came from (the clerk's copy hashes the same).
 */
import { createHash } from 'node:crypto'

export const uploadRef = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`
