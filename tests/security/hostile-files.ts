/**
 * Hostile uploads built in code, for the security and fault tests: zip bombs (a lying central
 * directory, and real inflation), XML entity bombs and external entities, OLE2 compound files (a
 * password-protected workbook and a legacy .xls), random bytes, a truncated workbook, a workbook
 * holding one 10 MB cell, and workbooks of an exact byte size.
 *
 * Zips are written by JSZip (present through exceljs) and only their size fields are patched where
 * a bomb must lie; server/spreadsheet/read.test.ts has its own byte-level zip writer, which is not
 * exported (test files export nothing), so this file does not copy it.
 */
import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '</Types>'
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>'
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
  '<sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '</Relationships>'
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>案件编号</t></is></c></row>'
const SHEET_TAIL = '</sheetData></worksheet>'

/** A structurally valid .xlsx package whose one sheet is `sheetXml`, deflated at the highest level (or stored). */
async function xlsxPackage(sheetXml: Buffer | string, store = false): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', CONTENT_TYPES)
  zip.file('_rels/.rels', ROOT_RELS)
  zip.file('xl/workbook.xml', WORKBOOK)
  zip.file('xl/_rels/workbook.xml.rels', WORKBOOK_RELS)
  zip.file('xl/worksheets/sheet1.xml', sheetXml)
  if (store) return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

/** Rewrites the inflated size an entry declares, in its central record and its local header. */
function declareSize(zip: Buffer, entryName: string, size: number): Buffer {
  const out = Buffer.from(zip)
  for (let at = out.length - 46; at >= 0; at--) {
    if (out.readUInt32LE(at) !== 0x02014b50) continue
    const nameLength = out.readUInt16LE(at + 28)
    if (out.toString('utf8', at + 46, at + 46 + nameLength) !== entryName) continue
    out.writeUInt32LE(size, at + 24)
    out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22)
    return out
  }
  throw new Error(`no entry ${entryName}`)
}

/** A few KB that declare 300 MB inflated: must be refused from the directory alone. */
export async function declaredBomb(): Promise<Buffer> {
  const zip = await xlsxPackage(SHEET_HEAD + SHEET_TAIL)
  return declareSize(zip, 'xl/worksheets/sheet1.xml', 300 * 1024 * 1024)
}

/** Honest sizes, but `mb` MB of worksheet XML (whitespace) in ~1/1000 of that: far past the ratio limit. */
export async function inflationBomb(mb = 24): Promise<Buffer> {
  const pad = Buffer.alloc(mb * 1024 * 1024, 0x20)
  return xlsxPackage(Buffer.concat([Buffer.from(SHEET_HEAD), pad, Buffer.from(SHEET_TAIL)]))
}

/** Declares 1 KB, inflates to 6 MB (below the ratio floor): only the inflater can catch it. */
export async function lyingBomb(): Promise<Buffer> {
  const pad = Buffer.alloc(6 * 1024 * 1024, 0x20)
  const zip = await xlsxPackage(Buffer.concat([Buffer.from(SHEET_HEAD), pad, Buffer.from(SHEET_TAIL)]))
  return declareSize(zip, 'xl/worksheets/sheet1.xml', 1024)
}

/** A plain package in the same hand-made shape, to show the shape itself is readable. */
export function plainPackage(): Promise<Buffer> {
  return xlsxPackage(
    `${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>X-1</t></is></c></row>${SHEET_TAIL}`,
  )
}

/** The sheet XML with a DTD in front and `entity` used in cell A2. */
function withDoctype(doctype: string, entity: string): Promise<Buffer> {
  const head = SHEET_HEAD.replace('?>', `?>${doctype}`)
  return xlsxPackage(
    `${head}<row r="2"><c r="A2" t="inlineStr"><is><t>${entity}</t></is></c></row>${SHEET_TAIL}`,
  )
}

/** "Billion laughs": nested internal entities that expand to 10^9 copies of "lol" (~3 GB). */
export function entityBomb(): Promise<Buffer> {
  const levels = ['<!ENTITY lol0 "lol">']
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  return withDoctype(`<!DOCTYPE worksheet [${levels.join('')}]>`, '&lol9;')
}

/** An external entity (XXE) that would read a file of the server into cell A2. */
export function externalEntity(): Promise<Buffer> {
  return withDoctype('<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '&xxe;')
}

/**
 * A valid, uncompressed .xlsx of exactly `bytes` bytes (at least its ~2.6 KB shell): one cell
 * padded to size, for tests of the upload byte limit on either side of it.
 */
export async function workbookOfSize(bytes: number): Promise<Buffer> {
  const shell = await xlsxPackage(
    `${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t></t></is></c></row>${SHEET_TAIL}`,
    true,
  )
  // Stored, not deflated: the package grows byte for byte with the text.
  const pad = Math.max(0, bytes - shell.length)
  const text = 'x'.repeat(pad)
  return xlsxPackage(
    `${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>${text}</t></is></c></row>${SHEET_TAIL}`,
    true,
  )
}

const FREESECT = 0xffffffff
const ENDOFCHAIN = 0xfffffffe
const FATSECT = 0xfffffffd
const NOSTREAM = 0xffffffff

/**
 * A minimal but well-formed OLE2 compound file (version 3, 512-byte sectors) holding `streams`
 * (each padded to 4096 bytes so no mini stream is needed): what Excel writes for a workbook with
 * a password (EncryptionInfo + EncryptedPackage) and for a legacy .xls (Workbook).
 */
export function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  const bodies = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / 512) * 512)
    const b = Buffer.alloc(size)
    s.data.copy(b)
    return b
  })
  const sectors = 2 + bodies.reduce((n, b) => n + b.length / 512, 0)
  if (sectors > 128 || streams.length > 3)
    throw new Error('compoundFile: one FAT and one directory sector only')
  const header = Buffer.alloc(512)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0)
  header.writeUInt16LE(0x3e, 24)
  header.writeUInt16LE(3, 26)
  header.writeUInt16LE(0xfffe, 28)
  header.writeUInt16LE(9, 30)
  header.writeUInt16LE(6, 32)
  header.writeUInt32LE(1, 44) // one FAT sector (sector 0)
  header.writeUInt32LE(1, 48) // the directory in sector 1
  header.writeUInt32LE(4096, 56)
  header.writeUInt32LE(ENDOFCHAIN, 60)
  header.writeUInt32LE(ENDOFCHAIN, 68)
  header.writeUInt32LE(0, 76)
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREESECT, 76 + i * 4)

  const fat = Buffer.alloc(512, 0xff)
  fat.writeUInt32LE(FATSECT, 0)
  fat.writeUInt32LE(ENDOFCHAIN, 4)
  const dir = Buffer.alloc(512)
  const entry = (i: number, name: string, type: number, start: number, size: number, right: number) => {
    const at = i * 128
    const n = Buffer.from(`${name}\0`, 'utf16le')
    n.copy(dir, at)
    dir.writeUInt16LE(n.length, at + 64)
    dir.writeUInt8(type, at + 66)
    dir.writeUInt8(1, at + 67)
    dir.writeUInt32LE(NOSTREAM, at + 68)
    dir.writeUInt32LE(right, at + 72)
    dir.writeUInt32LE(type === 5 ? 1 : NOSTREAM, at + 76)
    dir.writeUInt32LE(start, at + 116)
    dir.writeUInt32LE(size, at + 120)
  }
  entry(0, 'Root Entry', 5, ENDOFCHAIN, 0, NOSTREAM)
  let next = 2
  streams.forEach((s, i) => {
    const count = (bodies[i] as Buffer).length / 512
    for (let k = 0; k < count; k++)
      fat.writeUInt32LE(k === count - 1 ? ENDOFCHAIN : next + k + 1, (next + k) * 4)
    entry(i + 1, s.name, 2, next, Math.max(4096, s.data.length), i + 1 < streams.length ? i + 2 : NOSTREAM)
    next += count
  })
  return Buffer.concat([header, fat, dir, ...bodies])
}

/** An .xlsx saved with a password: an OLE2 container with the encrypted package inside. */
export function encryptedXlsx(): Buffer {
  const info = Buffer.alloc(248)
  info.writeUInt16LE(4, 0) // agile encryption, version 4.4
  info.writeUInt16LE(4, 2)
  info.writeUInt32LE(0x40, 4)
  Buffer.from(
    '<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>',
  ).copy(info, 8)
  return compoundFile([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: randomBytes(6000) },
  ])
}

/** A real-shaped legacy .xls (BIFF8 "Workbook" stream starting with its BOF record), to be renamed .xlsx. */
export function legacyXls(): Buffer {
  const bof = Buffer.alloc(20)
  bof.writeUInt16LE(0x0809, 0) // BOF
  bof.writeUInt16LE(16, 2)
  bof.writeUInt16LE(0x0600, 4) // BIFF8
  bof.writeUInt16LE(0x0005, 6) // workbook globals
  return compoundFile([{ name: 'Workbook', data: bof }])
}

/** Bytes that are no file format at all (seeded, so a failure reproduces). */
export function randomFile(size = 64 * 1024): Buffer {
  const out = Buffer.alloc(size)
  let x = 0x2545f491
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  // Never an accidental zip or OLE2 signature.
  out[0] = 0x42
  return out
}

/** The first half of a valid workbook, as an interrupted upload leaves it. */
export function truncated(valid: Buffer): Buffer {
  return Buffer.from(valid.subarray(0, Math.floor(valid.length / 2)))
}

/**
 * A workbook whose header is `header`, and whose first data row carries a 10 MB cell (random
 * base64, so it does not compress and reaches the cell limit rather than the zip-bomb ratio)
 * in column `column` (0-based); `row` fills the other cells.
 */
export async function hugeCellWorkbook(header: string[], row: string[], column: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(header)
  const values = [...row]
  values[column] = randomBytes(7_500_000).toString('base64') // 10,000,000 characters
  ws.addRow(values)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
