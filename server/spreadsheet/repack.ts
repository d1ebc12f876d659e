/**
 * Reorders an .xlsx package for exceljs's streaming reader, in memory, without recompressing.
 *
 * That reader walks the zip front to back and can only parse a worksheet once it has seen the
 * shared strings and workbook relationships. Excel writes sharedStrings.xml after the sheets, and
 * some writers (ours included) write none, so exceljs would spool every worksheet to a temporary
 * file first: petitioners' names and ID numbers on the server's disk, left behind if the parse
 * stops early. Putting the small parts first (and an empty sharedStrings.xml where there is none)
 * lets every sheet stream straight from memory; styles first also means date formats are known
 * before the first cell.
 */
import type { ZipEntry } from './zip.js'

const FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
]
const SHARED_STRINGS = 'xl/sharedStrings.xml'
const EMPTY_SST = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
)

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

export function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

interface Part {
  name: Buffer
  local: Buffer
  central: Buffer
  compressedSize: number
  uncompressedSize: number
}

/** A stored (uncompressed) entry made from scratch. */
function storedPart(name: string, data: Buffer): Part {
  const nameBytes = Buffer.from(name, 'utf8')
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(20, 4) // version needed
  header.writeUInt16LE(0x0800, 6) // UTF-8 names
  header.writeUInt32LE(crc32(data), 14)
  header.writeUInt32LE(data.length, 18)
  header.writeUInt32LE(data.length, 22)
  header.writeUInt16LE(nameBytes.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(0x0800, 8)
  central.writeUInt32LE(crc32(data), 16)
  return {
    name: nameBytes,
    local: Buffer.concat([header, nameBytes, data]),
    central,
    compressedSize: data.length,
    uncompressedSize: data.length,
  }
}

/** Small parts first, then everything else, then the worksheets (in `sheetOrder`, if given). */
function rank(name: string, sheetOrder: readonly string[]): number {
  const i = FIRST.indexOf(name)
  if (i >= 0) return i
  if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return FIRST.length
  const at = sheetOrder.indexOf(name)
  return FIRST.length + 1 + (at >= 0 ? at : sheetOrder.length)
}

/**
 * Returns the package with its entries in streaming-friendly order, worksheets in `sheetOrder`
 * (paths; the others after, as they were), so a reader that looks for one sheet meets the likely
 * one first. Entry bytes are copied as they are; the central directory is rewritten (no extra
 * fields: sizes and offsets fit in 32 bits under the read limits).
 */
export function repackForStreaming(
  buf: Buffer,
  entries: ZipEntry[],
  sheetOrder: readonly string[] = [],
): Buffer {
  const parts: Part[] = entries.map((e) => ({
    name: Buffer.from(e.name, 'utf8'),
    local: buf.subarray(e.localOffset, e.localEnd),
    central: e.central,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
  }))
  if (!entries.some((e) => e.name === SHARED_STRINGS)) parts.push(storedPart(SHARED_STRINGS, EMPTY_SST))
  const ordered = parts
    .map((part, i) => ({ part, i, rank: rank(part.name.toString('utf8'), sheetOrder) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.part)

  const records: Buffer[] = []
  let offset = 0
  for (const part of ordered) {
    const record = Buffer.alloc(46)
    part.central.copy(record, 0, 0, 46)
    record.writeUInt32LE(part.compressedSize, 20)
    record.writeUInt32LE(part.uncompressedSize, 24)
    record.writeUInt16LE(part.name.length, 28)
    record.writeUInt16LE(0, 30) // extra length
    record.writeUInt16LE(0, 32) // comment length
    record.writeUInt16LE(0, 34) // disk
    record.writeUInt32LE(offset, 42)
    records.push(record, part.name)
    offset += part.local.length
  }
  const directory = Buffer.concat(records)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(ordered.length, 8)
  end.writeUInt16LE(ordered.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...ordered.map((p) => p.local), directory, end])
}
