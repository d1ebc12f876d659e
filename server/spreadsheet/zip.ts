/**
 * Checks an upload's zip container before any XML parser sees it.
 *
 * An .xlsx is a zip file. Its central directory declares every entry's size, so a zip bomb (a few
 * kilobytes that inflate to gigabytes) can be refused before inflating anything. Because a
 * declaration can lie, `inflateEntry` also stops as soon as an entry inflates past its declared
 * size, and `listEntries` insists that the entries tile the file with no gaps: exceljs's streaming
 * reader walks the local headers, so nothing may hide between them that the directory does not list.
 */
import { createInflateRaw } from 'node:zlib'
import { SpreadsheetError, unreadable } from './errors.js'

export interface ZipEntry {
  name: string
  /** 0 = stored, 8 = deflate. */
  method: number
  compressedSize: number
  uncompressedSize: number
  /** Where the entry's compressed bytes start in the file. */
  dataOffset: number
  /** The entry's local header, data and data descriptor: [localOffset, localEnd). */
  localOffset: number
  localEnd: number
  /** The fixed 46 bytes of its central directory record (version, flags, time, CRC …). */
  central: Buffer
}

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_EOCD = 0x06054b50
const SIG_ZIP64_LOCATOR = 0x07064b50
const SIG_ZIP64_EOCD = 0x06064b50
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

const notXlsx = () => unreadable('不是 .xlsx 文件', 'this is not an .xlsx file')
const damaged = () =>
  unreadable(
    '文件不完整或已损坏，请重新保存后再上传',
    'the file is incomplete or damaged; save it again and re-upload',
  )

/** True for the OLE2 compound-file header shared by legacy .xls and password-protected .xlsx. */
export function isOle2(buf: Buffer): boolean {
  return buf.length >= OLE2.length && buf.subarray(0, OLE2.length).equals(OLE2)
}

/** Throws the right `sheet_unreadable` for anything that is not a plain zip; OLE2 gets its own advice. */
export function assertZipHeader(buf: Buffer): void {
  if (isOle2(buf)) {
    throw unreadable(
      '这是旧版 .xls 或加密文件，请在 Excel 中另存为 .xlsx（不加密）',
      'this is a legacy .xls or a password-protected file; in Excel, save it as .xlsx without a password',
    )
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== SIG_LOCAL) throw notXlsx()
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff)
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) <= buf.length) return i
  }
  throw damaged()
}

/** Reads the 64-bit counts of a ZIP64 archive; only needed when the classic fields overflow. */
function readZip64End(buf: Buffer, eocd: number): { count: number; cdOffset: number } {
  const locator = eocd - 20
  if (locator < 0 || buf.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) throw damaged()
  const end = Number(buf.readBigUInt64LE(locator + 8))
  if (end < 0 || end + 56 > buf.length || buf.readUInt32LE(end) !== SIG_ZIP64_EOCD) throw damaged()
  return { count: Number(buf.readBigUInt64LE(end + 32)), cdOffset: Number(buf.readBigUInt64LE(end + 48)) }
}

interface CentralRecord {
  fixed: Buffer
  name: Buffer
  flags: number
  method: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
}

function readCentralRecord(buf: Buffer, at: number): { record: CentralRecord; next: number } {
  if (at + 46 > buf.length || buf.readUInt32LE(at) !== SIG_CENTRAL) throw damaged()
  const nameLength = buf.readUInt16LE(at + 28)
  const extraLength = buf.readUInt16LE(at + 30)
  const commentLength = buf.readUInt16LE(at + 32)
  const next = at + 46 + nameLength + extraLength + commentLength
  if (next > buf.length) throw damaged()
  let uncompressedSize = buf.readUInt32LE(at + 24)
  let compressedSize = buf.readUInt32LE(at + 20)
  let localOffset = buf.readUInt32LE(at + 42)
  // ZIP64 extra field: only the overflowing fields are present, in this order.
  const extra = buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength)
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p)
    const size = extra.readUInt16LE(p + 2)
    if (id === 0x0001) {
      let q = p + 4
      const take = (): number => {
        if (q + 8 > p + 4 + size) throw damaged()
        const v = Number(extra.readBigUInt64LE(q))
        q += 8
        return v
      }
      if (uncompressedSize === 0xffffffff) uncompressedSize = take()
      if (compressedSize === 0xffffffff) compressedSize = take()
      if (localOffset === 0xffffffff) localOffset = take()
    }
    p += 4 + size
  }
  return {
    record: {
      fixed: buf.subarray(at, at + 46),
      name: buf.subarray(at + 46, at + 46 + nameLength),
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize,
      uncompressedSize,
      localOffset,
    },
    next,
  }
}

/**
 * Lists the entries from the central directory and checks the container's structure: no zip-level
 * encryption, only stored/deflate, local headers agree with the directory, and the entries cover
 * the file from byte 0 to the directory without gaps (a data descriptor of up to 24 bytes aside).
 */
export function listEntries(buf: Buffer): ZipEntry[] {
  assertZipHeader(buf)
  const eocd = findEndOfCentralDirectory(buf)
  let count = buf.readUInt16LE(eocd + 10)
  let cdOffset = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff) ({ count, cdOffset } = readZip64End(buf, eocd))
  if (cdOffset > eocd) throw damaged()

  const records: CentralRecord[] = []
  for (let i = 0, at = cdOffset; i < count; i++) {
    const { record, next } = readCentralRecord(buf, at)
    records.push(record)
    at = next
  }
  records.sort((a, b) => a.localOffset - b.localOffset)

  const entries: ZipEntry[] = []
  let expected = 0
  for (const r of records) {
    if (r.flags & 0x1) {
      throw unreadable(
        '文件已加密，请在 Excel 中取消密码后另存为 .xlsx',
        'the file is encrypted; remove the password',
      )
    }
    if (r.method !== 0 && r.method !== 8) throw damaged()
    const gap = r.localOffset - expected
    if (gap < 0 || gap > 24 || (gap > 0 && expected === 0)) throw damaged()
    const at = r.localOffset
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== SIG_LOCAL) throw damaged()
    const nameLength = buf.readUInt16LE(at + 26)
    const extraLength = buf.readUInt16LE(at + 28)
    if (!buf.subarray(at + 30, at + 30 + nameLength).equals(r.name)) throw damaged()
    const dataOffset = at + 30 + nameLength + extraLength
    expected = dataOffset + r.compressedSize
    if (expected > cdOffset) throw damaged()
    entries.push({
      name: r.name.toString('utf8'),
      method: r.method,
      compressedSize: r.compressedSize,
      uncompressedSize: r.uncompressedSize,
      dataOffset,
      localOffset: at,
      localEnd: 0,
      central: r.fixed,
    })
  }
  const tail = cdOffset - expected
  if (tail < 0 || tail > 24) throw damaged()
  // Two entries with one name would make the first pass and exceljs read different things.
  if (new Set(entries.map((e) => e.name)).size !== entries.length) throw damaged()
  entries.forEach((e, i) => {
    e.localEnd = entries[i + 1]?.localOffset ?? cdOffset
  })
  return entries
}

/**
 * Streams one entry's inflated bytes to `onChunk`, refusing to produce more than the directory
 * declared (the lying-zip-bomb case) and reporting corrupt deflate data as a damaged file.
 */
export async function inflateEntry(
  buf: Buffer,
  entry: ZipEntry,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const data = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw damaged()
    onChunk(data)
    return
  }
  const inflater = createInflateRaw()
  inflater.end(data)
  let produced = 0
  try {
    for await (const chunk of inflater) {
      if (!Buffer.isBuffer(chunk)) throw damaged()
      produced += chunk.length
      if (produced > entry.uncompressedSize) {
        throw unreadable(
          '文件中的实际内容与声明的大小不符，可能是恶意构造的文件',
          'the content is larger than the file declares; it may be a zip bomb',
        )
      }
      onChunk(chunk)
    }
  } catch (err) {
    inflater.destroy()
    if (err instanceof SpreadsheetError) throw err
    throw damaged()
  }
  if (produced !== entry.uncompressedSize) throw damaged()
}
