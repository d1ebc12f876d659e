import { describe, expect, it } from 'vitest'
import { checkUploadedFile, contentMatches, extensionOf, safeFilename } from './allow-list.js'

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1')
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
const JPG = Buffer.from('ffd8ffe000104a464946', 'hex')
const DOCX = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from('....word/document.xml....')])
const XLSX = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from('....xl/workbook.xml....')])

describe('evidence files', () => {
  it('accepts the five kinds by extension and content, with the detected content type', () => {
    expect(checkUploadedFile('整改报告.PDF', PDF, 1000)).toEqual({
      ok: true,
      type: 'pdf',
      mime: 'application/pdf',
    })
    expect(checkUploadedFile('现场.png', PNG, 1000)).toMatchObject({
      ok: true,
      type: 'png',
      mime: 'image/png',
    })
    expect(checkUploadedFile('现场.jpeg', JPG, 1000)).toMatchObject({
      ok: true,
      type: 'jpg',
      mime: 'image/jpeg',
    })
    expect(checkUploadedFile('方案.docx', DOCX, 1000)).toMatchObject({ ok: true, type: 'docx' })
    expect(checkUploadedFile('台账.xlsx', XLSX, 1000)).toMatchObject({ ok: true, type: 'xlsx' })
  })

  it('refuses other kinds, renamed files, empty and oversized ones', () => {
    expect(checkUploadedFile('a.exe', PDF, 1000)).toMatchObject({
      ok: false,
      refusal: { status: 415, code: 'file_type_not_allowed' },
    })
    expect(checkUploadedFile('noext', PDF, 1000)).toMatchObject({ ok: false, refusal: { status: 415 } })
    expect(checkUploadedFile('fake.pdf', Buffer.from('MZ\x90\x00'), 1000)).toMatchObject({
      ok: false,
      refusal: { status: 415, code: 'file_content_mismatch' },
    })
    // A Word file renamed .xlsx is a zip, but not a workbook.
    expect(contentMatches('xlsx', DOCX)).toBe(false)
    expect(checkUploadedFile('a.pdf', Buffer.alloc(0), 1000)).toMatchObject({
      ok: false,
      refusal: { status: 400, code: 'file_empty' },
    })
    expect(checkUploadedFile('a.pdf', PDF, PDF.length - 1)).toMatchObject({
      ok: false,
      refusal: { status: 413, code: 'too_large' },
    })
    expect(checkUploadedFile('a.pdf', PDF, PDF.length)).toMatchObject({ ok: true })
  })

  it('keeps only a safe last path segment as the file name', () => {
    expect(safeFilename('C:\\Users\\x\\整改"报告".pdf')).toBe('整改报告.pdf')
    expect(safeFilename('../../etc/passwd')).toBe('passwd')
    expect(safeFilename('a\u0000b.png')).toBe('ab.png')
    expect(safeFilename('')).toBe('file')
    const long = `${'长'.repeat(200)}.pdf`
    expect([...safeFilename(long)]).toHaveLength(120)
    expect(safeFilename(long).endsWith('.pdf')).toBe(true)
    expect(extensionOf('x.tar.GZ')).toBe('gz')
  })
})
